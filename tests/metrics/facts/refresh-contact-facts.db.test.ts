import { describe, expect, test } from "vitest";

import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { type EventsAdded, onEventsAdded } from "@/lib/server/ingest/events-added";
import { ingestEvents } from "@/lib/server/ingest/ingest-events";
import { mergeScopes } from "@/lib/server/metrics/facts/contact-fact-refresher";
import {
  type ContactFactScope,
  refreshContactFacts,
  scopeAfterEvents,
} from "@/lib/server/metrics/facts/refresh-contact-facts";

import { setupTestDatabase } from "../../helpers/test-database";
import { loadDataset } from "../load-dataset";
import { randomDataset } from "../random-dataset";

const db = setupTestDatabase();
const DAY = 86_400_000;

/** Every stored fact of the workspace, with the row version that tells a rewrite apart. */
async function facts(prisma: PrismaClient, workspaceId: number) {
  return prisma.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    SELECT CAST(xmin AS text) AS "version", f.*
    FROM "ContactFact" f WHERE f."workspaceId" = ${workspaceId}
    ORDER BY f."eventId"`);
}
const withoutVersion = (rows: Record<string, unknown>[]) => rows.map(({ version: _version, ...row }) => row);

/** Ingests the events as the API does and returns the refresh scope they announce. */
async function ingest(prisma: PrismaClient, workspaceId: number, events: Record<string, unknown>[]) {
  let scope: ContactFactScope | null = null;
  const stop = onEventsAdded((change: EventsAdded) => {
    if (change.workspaceId !== workspaceId) return;
    const next = scopeAfterEvents(change);
    scope = scope ? mergeScopes(scope, next) : next;
  });
  try {
    const result = await ingestEvents(prisma, workspaceId, events);
    expect(result.rejected).toEqual([]);
  } finally {
    stop();
  }
  expect(scope).not.toBeNull();
  return scope as unknown as ContactFactScope;
}

/** A send of the customer in the data, to click on. */
async function aSend(prisma: PrismaClient, workspaceId: number, customerId: string) {
  const [send] = await prisma.$queryRaw<{ messageId: string; channel: string; ts: Date }[]>(Prisma.sql`
    SELECT f."messageId", CAST(f."channel" AS text) AS "channel", f."ts" FROM "ContactFact" f
    WHERE f."workspaceId" = ${workspaceId} AND f."customerId" = ${customerId} AND f."messageId" IS NOT NULL
      AND f."clickedAt" IS NULL AND f."channel" IS NOT NULL
    ORDER BY f."ts" DESC LIMIT 1`);
  return send;
}

describe("refreshing the contact facts of some customers", () => {
  test("after new events leaves exactly the facts a full refresh computes, rewriting only what changed", async () => {
    const prisma = db.current.prisma;
    const { workspaceId } = await loadDataset(prisma, randomDataset(11));
    const send = await aSend(prisma, workspaceId, "c-002");
    const at = (ms: number) => new Date(ms).toISOString();
    const base = Date.parse("2026-03-20T09:00:00.000Z");
    const scope = await ingest(prisma, workspaceId, [
      // A click on a send already stored: engages it.
      { id: "n1", type: "message_clicked", customerId: "c-002", channel: send.channel, messageId: send.messageId, timestamp: at(send.ts.getTime() + 2 * DAY) },
      // Interest, then a send on that topic: relevant.
      { id: "n2", type: "product_viewed", customerId: "c-003", topic: "yoga", timestamp: at(base) },
      { id: "n3", type: "message_sent", customerId: "c-003", channel: "email", messageId: "new-1", topic: "yoga", timestamp: at(base + DAY) },
      // An opt-out, then a send on its channel: a contact after opt-out.
      { id: "n4", type: "unsubscribed", customerId: "c-004", channel: "sms", timestamp: at(base) },
      { id: "n5", type: "message_sent", customerId: "c-004", channel: "sms", messageId: "new-2", topic: "sale", timestamp: at(base + 3_600_000) },
      // Stated preferences, then a send off them.
      { id: "n6", type: "preferences_updated", customerId: "c-005", topics: ["cycling"], maxPerWeek: 1, timestamp: at(base) },
      { id: "n7", type: "message_sent", customerId: "c-005", channel: "push", messageId: "new-3", topic: "running", timestamp: at(base + DAY) },
    ]); // prettier-ignore
    const before = await facts(prisma, workspaceId);

    await refreshContactFacts(prisma, scope);
    const merged = await facts(prisma, workspaceId);
    await refreshContactFacts(prisma, { workspaceId });
    const full = await facts(prisma, workspaceId);

    expect(withoutVersion(merged)).toEqual(withoutVersion(full));
    expect(merged.length).toBe(before.length + 3);
    // The click engaged its send; the other new facts hold what their events say.
    const byMessage = (customerId: string, messageId: string) =>
      merged.find((row) => row.customerId === customerId && row.messageId === messageId)!;
    expect(
      merged.filter((row) => row.customerId === "c-002" && row.clickedAt !== null).length,
    ).toBeGreaterThan(before.filter((row) => row.customerId === "c-002" && row.clickedAt !== null).length);
    expect(byMessage("c-003", "new-1").relevance).not.toBeNull();
    expect(byMessage("c-004", "new-2").optedOutAt).toEqual(new Date(base));
    expect(byMessage("c-005", "new-3")).toMatchObject({ statedTopics: ["cycling"], statedMaxPerWeek: 1 });
    // Facts of other customers, and unchanged ones in scope, were not written again.
    const versions = new Map(before.map((row) => [row.eventId, row.version]));
    const rewritten = merged.filter(
      (row) => versions.has(row.eventId) && versions.get(row.eventId) !== row.version,
    );
    const touched = new Set(scope.customerIds);
    const inScope = merged.filter(
      (row) => touched.has(row.customerId as string) && (row.ts as Date) >= scope.since!,
    );
    expect(rewritten.length).toBeGreaterThan(0);
    expect(rewritten.every((row) => touched.has(row.customerId as string))).toBe(true);
    expect(rewritten.length).toBeLessThan(inScope.length - 3);
  });

  test("after sends are deleted removes their facts and nothing else", async () => {
    const prisma = db.current.prisma;
    const { workspaceId } = await loadDataset(prisma, randomDataset(12));
    const since = new Date("2026-03-01T00:00:00.000Z");
    const deleted = await prisma.$queryRaw<{ id: bigint; customerId: string }[]>(Prisma.sql`
      DELETE FROM "Event" e
      WHERE e."workspaceId" = ${workspaceId} AND e."type" = 'message_sent'
        AND e."customerId" IN ('c-001', 'c-002') AND e."ts" >= ${since}
      RETURNING e."id", e."customerId"`);
    expect(deleted.length).toBeGreaterThan(0);
    const before = await facts(prisma, workspaceId);

    const written = await refreshContactFacts(prisma, {
      workspaceId,
      customerIds: ["c-001", "c-002"],
      since,
    });
    const merged = await facts(prisma, workspaceId);
    await refreshContactFacts(prisma, { workspaceId });

    expect(written).toBe(0);
    expect(withoutVersion(merged)).toEqual(withoutVersion(await facts(prisma, workspaceId)));
    const gone = new Set(deleted.map((row) => row.id));
    expect(merged.length).toBe(
      before.length - before.filter((row) => gone.has(row.eventId as bigint)).length,
    );
    expect(merged.some((row) => gone.has(row.eventId as bigint))).toBe(false);
  });

  test("after new clicks on earlier sends takes each send's earliest click, as a full refresh does", async () => {
    const prisma = db.current.prisma;
    const { workspaceId } = await loadDataset(prisma, randomDataset(14));
    const at = (ms: number) => new Date(ms).toISOString();
    const HOUR = 3_600_000;
    // Two sends of one message a day apart, clicked late (day 5 after the first); then new
    // clicks: one earlier than that click, one beyond the 7 days of the first send, and one
    // on a send nobody had clicked, 1 ms inside its 7 days.
    const t0 = Date.parse("2026-03-10T08:00:00.000Z");
    await ingestEvents(prisma, workspaceId, [
      { id: "s1", type: "message_sent", customerId: "c-002", channel: "email", messageId: "late", topic: "yoga", timestamp: at(t0) },
      { id: "s2", type: "message_sent", customerId: "c-002", channel: "email", messageId: "late", topic: "yoga", timestamp: at(t0 + 24 * HOUR) },
      { id: "k1", type: "message_clicked", customerId: "c-002", channel: "email", messageId: "late", timestamp: at(t0 + 5 * 24 * HOUR) },
      { id: "s3", type: "message_sent", customerId: "c-003", channel: "sms", messageId: "quiet", topic: "yoga", timestamp: at(t0) },
    ]); // prettier-ignore
    await refreshContactFacts(prisma, { workspaceId });
    const fact = async (eventKey: string) => {
      const [row] = await prisma.$queryRaw<{ clickedAt: Date | null }[]>(Prisma.sql`
        SELECT f."clickedAt" FROM "ContactFact" f JOIN "Event" e ON e."workspaceId" = f."workspaceId" AND e."id" = f."eventId"
        WHERE f."workspaceId" = ${workspaceId} AND e."eventKey" = ${eventKey}`);
      return row.clickedAt;
    };
    expect(await fact("s1")).toEqual(new Date(t0 + 5 * 24 * HOUR));

    const scope = await ingest(prisma, workspaceId, [
      { id: "k2", type: "message_clicked", customerId: "c-002", channel: "email", messageId: "late", timestamp: at(t0 + 3 * 24 * HOUR) },
      { id: "k3", type: "message_clicked", customerId: "c-002", channel: "email", messageId: "late", timestamp: at(t0 + 7 * 24 * HOUR + 1) },
      { id: "k4", type: "message_clicked", customerId: "c-003", channel: "sms", messageId: "quiet", timestamp: at(t0 + 7 * 24 * HOUR - 1) },
    ]); // prettier-ignore
    await refreshContactFacts(prisma, scope);
    const merged = await facts(prisma, workspaceId);
    expect([await fact("s1"), await fact("s2"), await fact("s3")]).toEqual([
      new Date(t0 + 3 * 24 * HOUR),
      new Date(t0 + 3 * 24 * HOUR),
      new Date(t0 + 7 * 24 * HOUR - 1),
    ]);
    await refreshContactFacts(prisma, { workspaceId });
    expect(withoutVersion(merged)).toEqual(withoutVersion(await facts(prisma, workspaceId)));
  });

  test("with nothing new writes nothing", async () => {
    const prisma = db.current.prisma;
    const { workspaceId } = await loadDataset(prisma, randomDataset(13));
    const before = await facts(prisma, workspaceId);

    const written = await refreshContactFacts(prisma, {
      workspaceId,
      customerIds: ["c-001", "c-002", "c-003"],
      since: new Date("2026-01-01T00:00:00.000Z"),
    });

    expect(written).toBe(0);
    expect(await facts(prisma, workspaceId)).toEqual(before);
  });
});
