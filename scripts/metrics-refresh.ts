// npm run metrics:refresh [-- --workspace <slug>]: recomputes the metrics' contact facts in full
// (every workspace, or one), e.g. after restoring a backup or changing a metric definition.
import { parseArgs } from "node:util";

import { getDb } from "@/lib/server/db";
import { refreshContactFacts } from "@/lib/server/metrics/facts/refresh-contact-facts";

const { values } = parseArgs({
  options: { workspace: { type: "string" }, help: { type: "boolean", short: "h" } },
});

async function run(): Promise<void> {
  if (values.help) {
    console.log("Usage: npm run metrics:refresh [-- --workspace <slug>]");
    return;
  }
  const db = await getDb();
  try {
    const workspaces = await db.prisma.workspace.findMany({
      where: values.workspace ? { slug: values.workspace } : {},
      orderBy: { id: "asc" },
    });
    if (values.workspace && workspaces.length === 0) throw new Error(`No workspace "${values.workspace}".`);
    for (const workspace of workspaces) {
      const started = performance.now();
      const contacts = await refreshContactFacts(db.prisma, { workspaceId: workspace.id });
      await db.sql.exec(`VACUUM ANALYZE "ContactFact"`); // all-visible pages: index-only window reads
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`${workspace.slug}: ${contacts.toLocaleString("en")} contacts in ${seconds} s`);
    }
  } finally {
    await db.close();
  }
}

run().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
