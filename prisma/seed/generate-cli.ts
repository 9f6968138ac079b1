// tsx --conditions=react-server prisma/seed/generate-cli.ts [--customers N] [--months N] [--seed N]
// Recreates the "nordlys-sport" workspace with generated demo data only (no users or keys):
// for testing the generator and for benchmarks. The full demo is `npm run demo:seed`.
import { parseArgs } from "node:util";

import { databaseTargetFromEnv, describeTarget } from "@/lib/server/db/config";
import { openDatabase } from "@/lib/server/db/connection";
import { applyMigrations } from "@/lib/server/db/migrate";

import { seedDemoData } from "./demo-data";

const { values } = parseArgs({
  options: { customers: { type: "string" }, months: { type: "string" }, seed: { type: "string" } },
});

function wholeNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || (n === 0 && name !== "seed"))
    throw new Error(`--${name} must be a whole number (got "${value}").`);
  return n;
}

const target = databaseTargetFromEnv();
const db = await openDatabase(target);
try {
  await applyMigrations(db.sql);
  const old = await db.prisma.workspace.findUnique({ where: { slug: "nordlys-sport" } });
  if (old) {
    // Bulk tables first in plain SQL: cascading a million rows through Prisma is slow.
    for (const table of ["Event", "CustomerConsent", "CustomerPreference", "Customer", "Message"]) {
      await db.sql.query(`DELETE FROM "${table}" WHERE "workspaceId" = $1`, [old.id]);
    }
    await db.prisma.workspace.delete({ where: { id: old.id } });
  }
  const workspace = await db.prisma.workspace.create({
    data: {
      name: "Nordlys Sport",
      slug: "nordlys-sport",
      timeZone: "Europe/Copenhagen",
      currency: "DKK",
      defaultLocale: "da",
    },
  });
  console.log(`Seeding workspace ${workspace.id} in ${describeTarget(target)}…`);
  let lastPrint = 0;
  const result = await seedDemoData(db, workspace.id, {
    customers: wholeNumber("customers", values.customers),
    months: wholeNumber("months", values.months),
    seed: wholeNumber("seed", values.seed),
    onProgress(done, total, label) {
      if (Date.now() - lastPrint < 1000 && done < total) return;
      lastPrint = Date.now();
      process.stdout.write(
        `\r  ${String(Math.round((100 * done) / total)).padStart(3)}%  ${done}/${total} ${label}    `,
      );
    },
  });
  process.stdout.write("\n");
  console.log(`${result.customers} customers, ${result.events} events in ${(result.ms / 1000).toFixed(1)} s`);
} finally {
  await db.close();
}
