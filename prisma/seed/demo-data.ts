import type { Database } from "@/lib/server/db/connection";
import { refreshContactFacts } from "@/lib/server/metrics/facts/refresh-contact-facts";

import { createDemoGenerator } from "./generator/generate";
import { withBulkTransaction } from "./generator/transaction";
import { DemoWriter } from "./generator/writer";

export interface DemoDataOptions {
  /** Number of customers (default 20,000: about a million events). */
  customers?: number;
  /** Calendar months of data, ending at `end` (default 12). */
  months?: number;
  /** PRNG seed: the same options always give the same data (default 42). */
  seed?: number;
  /** End of the data, exclusive (default 2026-11-01 00:00 Europe/Copenhagen). */
  end?: Date;
  onProgress?: (done: number, total: number, label: string) => void;
}

export interface DemoDataResult {
  customers: number;
  events: number;
  ms: number;
}

export const DEMO_DATA_END = new Date("2026-10-31T23:00:00Z");

/**
 * Generates the Nordlys Sport demo data (docs/demo-data.md) into an existing, empty
 * workspace: events plus the tables derived from them (customers, consent, preferences,
 * message catalogue), streamed in bulk statements inside one transaction.
 */
export async function seedDemoData(
  db: Database,
  workspaceId: number,
  options: DemoDataOptions = {},
): Promise<DemoDataResult> {
  const started = performance.now();
  const customers = options.customers ?? 20_000;
  const workspace = await db.prisma.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { timeZone: true },
  });
  const generator = createDemoGenerator({
    customers,
    months: options.months ?? 12,
    seed: options.seed ?? 42,
    end: options.end ?? DEMO_DATA_END,
    timeZone: workspace.timeZone,
  });
  const progressEvery = Math.max(1, Math.round(customers / 200));

  const events = await withBulkTransaction(db, async (execute) => {
    const writer = new DemoWriter(execute, workspaceId);
    let done = 0;
    for (const customer of generator.customers()) {
      await writer.addCustomer(customer.id, customer.events, customer.rows);
      if (++done % progressEvery === 0) options.onProgress?.(done, customers, "customers");
    }
    options.onProgress?.(customers, customers, "message catalogue");
    await writer.finish(generator.catalogue.list());
    return writer.eventCount;
  });
  // Fresh statistics, so the first reports plan for a million rows rather than an empty table.
  await db.sql.exec(`ANALYZE "Event", "Customer", "CustomerConsent", "CustomerPreference", "Message"`);
  options.onProgress?.(customers, customers, "contact facts");
  await refreshContactFacts(db.prisma, { workspaceId });
  // VACUUM marks the new pages all-visible, so window reads use the contact index alone (the
  // embedded database runs no autovacuum to do it later).
  await db.sql.exec(`VACUUM ANALYZE "ContactFact"`);
  return { customers, events, ms: Math.round(performance.now() - started) };
}
