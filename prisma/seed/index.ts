// npm run demo:seed [-- --reset] [--if-empty] [--customers N] [--months N] [--seed N]
// Creates the "Nordlys Sport" demo workspace. --if-empty seeds only a database with no workspace
// (used by `npm start` on first run); --reset replaces an existing demo workspace.
import { parseArgs } from "node:util";

import { getDb } from "@/lib/server/db";
import { describeTarget } from "@/lib/server/db/config";

import {
  DEMO_API_KEY,
  DEMO_PASSWORD,
  DEMO_SLUG,
  DEMO_USERS,
  deleteDemoWorkspace,
  seedDemoWorkspace,
} from "./demo-workspace";

const { values } = parseArgs({
  options: {
    reset: { type: "boolean", default: false },
    "if-empty": { type: "boolean", default: false },
    customers: { type: "string" },
    months: { type: "string" },
    seed: { type: "string" },
  },
});

function positiveInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`--${name} must be a positive whole number (got "${value}").`);
  return n;
}

async function main() {
  const db = await getDb();
  try {
    if (values["if-empty"] && (await db.prisma.workspace.count()) > 0) return;
    const exists = await db.prisma.workspace.findUnique({ where: { slug: DEMO_SLUG } });
    if (exists && !values.reset) {
      console.log(`The demo workspace "${DEMO_SLUG}" already exists. Run with --reset to recreate it.`);
      return;
    }
    if (exists) {
      await deleteDemoWorkspace(db);
      console.log(`Deleted the old "${DEMO_SLUG}" workspace.`);
    }
    console.log(`Seeding the demo workspace into ${describeTarget(db.target)}…`);
    let lastPrint = 0;
    let lastPct = -1;
    let lastLabel = "";
    const result = await seedDemoWorkspace(db, {
      customers: positiveInt("customers", values.customers),
      months: positiveInt("months", values.months),
      seed: positiveInt("seed", values.seed),
      onProgress(done, total, label) {
        const now = Date.now();
        const pct = total > 0 ? Math.round((100 * done) / total) : 100;
        if (label !== lastLabel) [lastLabel, lastPct] = [label, -1];
        if (!process.stdout.isTTY) {
          // Logs (CI): one line a step of 25 %.
          if (Math.floor(pct / 25) > Math.floor(lastPct / 25)) console.log(`  ${pct}% ${label}`);
          lastPct = pct;
          return;
        }
        if (now - lastPrint < 500 && done < total) return;
        lastPrint = now;
        const bar = "█".repeat(Math.round(pct / 4)).padEnd(25, "░");
        process.stdout.write(`\r  ${bar} ${String(pct).padStart(3)}%  ${label.padEnd(30)}`);
      },
    });
    if (process.stdout.isTTY) process.stdout.write("\n");
    console.log(
      `Created "${result.workspace.name}": ${result.customers.toLocaleString("en")} customers, ` +
        `${result.events.toLocaleString("en")} events in ${(result.ms / 1000).toFixed(1)} s.\n`,
    );
    console.log(`Demo users (password for all: ${DEMO_PASSWORD}):`);
    for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(10)} ${user.email}`);
    console.log(`\nDemo API key (scopes ingest, read): ${DEMO_API_KEY}`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
