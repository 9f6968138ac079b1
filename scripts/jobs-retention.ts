// npm run jobs:retention [-- --workspace <slug>]: applies the retention policies now — every
// workspace with a policy, or the one named — and prints what each run deleted or anonymised.
import { parseArgs } from "node:util";

import { getDb } from "@/lib/server/db";
import { describeOutcome, runRetentionJob } from "@/lib/server/retention/retention-job";

const { values } = parseArgs({
  options: { workspace: { type: "string" }, help: { type: "boolean", short: "h" } },
});

async function run(): Promise<void> {
  if (values.help) {
    console.log("Usage: npm run jobs:retention [-- --workspace <slug>]");
    return;
  }
  const db = await getDb();
  try {
    const outcomes = await runRetentionJob(db.prisma, { slug: values.workspace });
    if (outcomes.length === 0) console.log("No workspace has a retention policy; nothing to do.");
    for (const outcome of outcomes) {
      if ("error" in outcome) {
        console.error(describeOutcome(outcome));
        process.exitCode = 1;
      } else console.log(describeOutcome(outcome));
    }
  } finally {
    await db.close();
  }
}

run().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
