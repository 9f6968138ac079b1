// tsx --conditions=react-server prisma/seed/generate-cli.ts [--customers N] [--months N] [--seed N] [--report] [--report-only]
// Recreates the "nordlys-sport" workspace with generated demo data only (no users or keys), for
// testing the generator and for benchmarks; --report then prints the planted findings measured
// by the METRICS.md definitions (docs/demo-data.md). The full demo is `npm run demo:seed`.
import { parseArgs } from "node:util";

import { databaseTargetFromEnv, describeTarget } from "@/lib/server/db/config";
import { type Database, openDatabase } from "@/lib/server/db/connection";
import { applyMigrations } from "@/lib/server/db/migrate";

import { DEMO_DATA_END, seedDemoData } from "./demo-data";
import { getDemoReport } from "./generator/report";

const SLUG = "nordlys-sport";

const { values } = parseArgs({
  options: {
    customers: { type: "string" },
    months: { type: "string" },
    seed: { type: "string" },
    report: { type: "boolean", default: false },
    "report-only": { type: "boolean", default: false },
  },
});

function wholeNumber(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`--${name} must be a whole number ≥ ${min} (got "${value}").`);
  return n;
}

async function recreateWorkspace(db: Database): Promise<number> {
  const old = await db.prisma.workspace.findUnique({ where: { slug: SLUG } });
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
      slug: SLUG,
      timeZone: "Europe/Copenhagen",
      currency: "DKK",
      defaultLocale: "da",
    },
  });
  return workspace.id;
}

async function seed(db: Database, workspaceId: number): Promise<void> {
  console.log(`Seeding workspace ${workspaceId} in ${describeTarget(db.target)}…`);
  let lastPrint = 0;
  const result = await seedDemoData(db, workspaceId, {
    customers: wholeNumber("customers", values.customers, 1),
    months: wholeNumber("months", values.months, 1),
    seed: wholeNumber("seed", values.seed, 0),
    onProgress(done, total, label) {
      if (Date.now() - lastPrint < 1000 && done < total) return;
      lastPrint = Date.now();
      const pct = String(Math.round((100 * done) / total)).padStart(3);
      process.stdout.write(`\r  ${pct}%  ${done}/${total} ${label}    `);
    },
  });
  process.stdout.write("\n");
  console.log(`${result.customers} customers, ${result.events} events in ${(result.ms / 1000).toFixed(1)} s`);
}

async function report(db: Database): Promise<void> {
  const workspace = await db.prisma.workspace.findUniqueOrThrow({ where: { slug: SLUG } });
  const started = Date.now();
  const findings = await getDemoReport(db.sql, workspace.id, {
    to: DEMO_DATA_END,
    timeZone: workspace.timeZone,
  });
  for (const [section, rows] of Object.entries(findings)) {
    console.log(`\n${section}`);
    if (Array.isArray(rows)) console.table(rows);
    else console.log(rows);
  }
  console.log(`\nreport in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const db = await openDatabase(databaseTargetFromEnv());
try {
  await applyMigrations(db.sql);
  if (!values["report-only"]) await seed(db, await recreateWorkspace(db));
  if (values.report || values["report-only"]) await report(db);
} finally {
  await db.close();
}
