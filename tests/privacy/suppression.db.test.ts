import fs from "node:fs";
import path from "node:path";

import { describe, expect, test } from "vitest";

import { ingestEvents } from "@/lib/server/ingest/ingest-events";
import { customerHash } from "@/lib/server/privacy/customer-hash";
import { eraseCustomer } from "@/lib/server/privacy/erase-customer";
import { liftSuppression } from "@/lib/server/privacy/lift-suppression";
import { listSuppressions } from "@/lib/server/privacy/list-suppressions";

import { expectAppError } from "../helpers/errors";
import { setupTestDatabase } from "../helpers/test-database";
import { counters, importFile, ndjson, NDJSON, rowErrors, setupTempDir } from "../import/import-files";

import { OTHER, privacyWorkspace, SUBJECT } from "./privacy-fixtures";

const db = setupTestDatabase();
const prisma = () => db.current.prisma;
const tmp = setupTempDir("resonans-privacy-");

const view = (customerId: string, day: number) => ({
  type: "page_viewed",
  customerId,
  timestamp: `2026-03-${String(day).padStart(2, "0")}T10:00:00Z`,
});

/** The reason, with the day of the erasure as the suppression list holds it. */
async function reasonFor(workspaceId: number) {
  const entry = await prisma().suppressedCustomer.findUniqueOrThrow({
    where: { workspaceId_customerHash: { workspaceId, customerHash: customerHash(workspaceId, SUBJECT) } },
  });
  const day = entry.createdAt.toISOString().slice(0, 10);
  return (
    `customerId: this customer was erased by a data-subject request on ${day}; ` +
    "an admin can lift the suppression in Settings → Data-subject requests"
  );
}

describe("the suppression list", () => {
  test("ingestion refuses an erased customer's new events with the reason, and takes the others", async () => {
    const workspaceId = await privacyWorkspace(prisma());
    await eraseCustomer(prisma(), workspaceId, SUBJECT, "delete", null);
    const result = await ingestEvents(prisma(), workspaceId, [
      view(OTHER, 10),
      view(SUBJECT, 10),
      { type: "page_viewed", customerId: "" }, // invalid on its own
      view(SUBJECT, 11),
    ]);
    const reason = await reasonFor(workspaceId);
    expect(result.accepted).toBe(1);
    expect(result.duplicates).toBe(0);
    expect(result.rejected).toEqual([
      { index: 1, errors: [reason] },
      { index: 2, errors: expect.any(Array) },
      { index: 3, errors: [reason] },
    ]);
    expect(await prisma().event.count({ where: { workspaceId, customerId: SUBJECT } })).toBe(0);
    expect(await prisma().customer.count({ where: { workspaceId, id: SUBJECT } })).toBe(0);
  });

  test("a file import refuses the erased customer's rows with the reason in its error report", async () => {
    const workspaceId = await privacyWorkspace(prisma());
    await eraseCustomer(prisma(), workspaceId, SUBJECT, "anonymise", null);
    const file = path.join(tmp.path, "after-erasure.ndjson");
    // Lines 1–3: the other customer, the subject, the other customer again.
    fs.writeFileSync(file, ndjson([view(OTHER, 12), view(SUBJECT, 12), view(OTHER, 13)]));
    const { outcome, batch } = await importFile(db.current, workspaceId, file, NDJSON);
    expect(outcome).toBe("completed");
    expect(counters(batch)).toEqual({
      status: "completed",
      rowsDone: 3,
      accepted: 2,
      duplicates: 0,
      rejected: 1,
    });
    expect(await rowErrors(prisma(), batch)).toEqual([{ line: 2, errors: [await reasonFor(workspaceId)] }]);
    expect(await prisma().event.count({ where: { workspaceId, customerId: SUBJECT } })).toBe(0);
  });

  test("lifting lets the customer's events in again; it is recorded once, and listed with who did what", async () => {
    const workspaceId = await privacyWorkspace(prisma());
    const user = await prisma().user.create({
      data: { email: `lift-${crypto.randomUUID()}@example.com`, name: "Ada" },
    });
    await eraseCustomer(prisma(), workspaceId, SUBJECT, "delete", user.id);
    const hash = customerHash(workspaceId, SUBJECT);
    expect(await listSuppressions(prisma(), workspaceId)).toEqual([
      expect.objectContaining({
        customerHash: hash,
        mode: "delete",
        createdBy: "Ada",
        liftedAt: null,
        liftedBy: null,
      }),
    ]);

    const lifted = await liftSuppression(prisma(), workspaceId, hash, user.id);
    expect(lifted.status).toBe("lifted");
    expect(await liftSuppression(prisma(), workspaceId, hash, user.id)).toEqual({
      status: "already_lifted",
      liftedAt: lifted.liftedAt,
    });
    const audit = await prisma().auditLog.findMany({
      where: { workspaceId, action: "dsr.suppression_lift" },
    });
    expect(audit).toEqual([
      expect.objectContaining({ userId: user.id, targetType: "customer", targetId: hash }),
    ]);
    expect(await listSuppressions(prisma(), workspaceId)).toEqual([
      expect.objectContaining({ customerHash: hash, liftedAt: lifted.liftedAt, liftedBy: "Ada" }),
    ]);

    const result = await ingestEvents(prisma(), workspaceId, [view(SUBJECT, 14)]);
    expect(result).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    expect(await prisma().customer.count({ where: { workspaceId, id: SUBJECT } })).toBe(1);

    // Erased again after the lift: a new erasure (the list entry is renewed), not "already erased".
    expect(await eraseCustomer(prisma(), workspaceId, SUBJECT, "delete", user.id)).toMatchObject({
      status: "erased",
      counts: { events: 1 },
    });
    expect(await listSuppressions(prisma(), workspaceId)).toEqual([
      expect.objectContaining({ customerHash: hash, liftedAt: null, liftedBy: null }),
    ]);
  });

  test("an entry of another workspace cannot be lifted, and the same id elsewhere is not suppressed", async () => {
    const a = await privacyWorkspace(prisma(), "A");
    const b = await privacyWorkspace(prisma(), "B");
    await eraseCustomer(prisma(), a, SUBJECT, "delete", null);
    await expectAppError(liftSuppression(prisma(), b, customerHash(a, SUBJECT), null), "not_found");
    await expectAppError(liftSuppression(prisma(), b, customerHash(b, SUBJECT), null), "not_found");
    expect(await ingestEvents(prisma(), b, [view(SUBJECT, 15)])).toEqual({
      accepted: 1,
      duplicates: 0,
      rejected: [],
    });
    expect((await ingestEvents(prisma(), a, [view(SUBJECT, 15)])).rejected).toHaveLength(1);
  });
});
