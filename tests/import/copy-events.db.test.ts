import fc from "fast-check";
import { expect, test } from "vitest";

import { copyEvents } from "@/lib/server/import/copy-events";
import type { KeyedEvent } from "@/lib/server/ingest/keyed-event";
import { prepareEvents } from "@/lib/server/ingest/prepare-events";
import { storeBatch } from "@/lib/server/ingest/store-batch";

import { createWorkspace } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-database";
import { anyText, fuzzParameters, TRICKY_TEXT } from "../hostile/hostile-values";

/*
 * The import's chunks (copy-events.ts) and the API's batches (store-batch.ts) travel by COPY.
 * Either way the rows must hold exactly the events' values, whatever text they hold: tabs,
 * line breaks and backslashes are COPY's own syntax.
 */

const db = setupTestDatabase();
const prisma = () => db.current.prisma;

function keyed(raw: unknown[]): KeyedEvent[] {
  const prepared = prepareEvents(raw);
  expect(prepared.rejected).toEqual([]);
  return prepared.events;
}

async function storedRows(workspaceId: number) {
  const rows = await prisma().event.findMany({
    where: { workspaceId },
    orderBy: { eventKey: "asc" },
    omit: { workspaceId: true, id: true, importBatchId: true, receivedAt: true },
  });
  return rows.map((row) => ({ ...row, value: row.value?.toString() ?? null }));
}

/** The rows the events must become, from their validated values. */
function expectedRows(events: readonly KeyedEvent[]) {
  return events.map((e) => ({
    eventKey: e.key,
    type: e.type,
    customerId: e.customerId,
    ts: e.timestamp,
    channel: e.channel,
    messageId: e.messageId,
    campaignId: e.campaignId,
    messageKind: e.messageKind,
    topic: e.topic,
    topicInherited: false,
    topics: e.topics,
    maxPerWeek: e.maxPerWeek,
    value: e.value === null ? null : String(e.value),
    currency: e.currency,
    traits: e.traits,
    properties: e.properties,
  }));
}

/** In one order (JavaScript's, which for some characters differs from the database's). */
const byKey = <T extends { eventKey: string }>(rows: T[]) =>
  [...rows].sort((a, b) => (a.eventKey < b.eventKey ? -1 : a.eventKey > b.eventKey ? 1 : 0));

/** Stores the events in two fresh workspaces, one way each, and returns both sets of rows. */
async function bothWays(events: KeyedEvent[]) {
  const [byCopy, byApi] = [await createWorkspace(prisma(), "copy"), await createWorkspace(prisma(), "api")];
  const { stored: copied } = await db.current.bulkTransaction((session) =>
    copyEvents(session, byCopy, events, 1),
  );
  const { stored } = await db.current.bulkTransaction((session) => storeBatch(session, byApi, events, 1));
  expect(copied).toBe(events.length);
  expect(stored).toBe(events.length);
  return {
    copied: byKey(await storedRows(byCopy)),
    viaApi: byKey(await storedRows(byApi)),
    expected: byKey(expectedRows(events)),
  };
}

const AT = "2026-03-01T09:30:00.123Z";

test("every field of every kind of event is stored exactly, by an import and by the API", async () => {
  const events = keyed([
    {
      id: "send-1",
      type: "message_sent",
      customerId: "c\t1",
      timestamp: AT,
      channel: "email",
      messageId: "m\\1",
      campaignId: "camp\n1",
      messageKind: "transactional",
      topic: "running",
    },
    { type: "message_opened", customerId: "c\r\n2", timestamp: AT, channel: "email", messageId: "m\\1" },
    {
      id: "buy",
      type: "purchased",
      customerId: "c3",
      timestamp: AT,
      channel: "web",
      topics: ["running", "trail-running"],
      value: 1234.5678,
      currency: "NOK",
      properties: { note: 'quote " backslash \\ tab \t', nested: { list: [1, null, "x"] } },
    },
    {
      id: "tiny",
      type: "refunded",
      customerId: "c3",
      timestamp: AT,
      channel: "web",
      value: 0.0001,
      currency: "EUR",
    },
    {
      id: "pref",
      type: "preferences_updated",
      customerId: "c4",
      timestamp: AT,
      topics: ["yoga"],
      maxPerWeek: 2.5,
    },
    { id: "pref-empty", type: "preferences_updated", customerId: "c4", timestamp: AT, maxPerWeek: 1 },
    {
      id: "traits",
      type: "customer_updated",
      customerId: "NULL",
      timestamp: AT,
      traits: { name: "\\N", city: "Tromsø\u2028", tier: null, score: 1e-7 },
    },
    {
      id: "\\N",
      type: "page_viewed",
      customerId: "c5",
      timestamp: AT,
      channel: "web",
      properties: { path: "/a\tb" },
    },
  ]);
  const { copied, viaApi, expected } = await bothWays(events);
  expect(copied).toEqual(expected);
  expect(viaApi).toEqual(expected);
  // Spot checks that the rows hold the text itself, not its escapes.
  expect(copied.find((row) => row.eventKey === "\\N")?.properties).toEqual({ path: "/a\tb" });
  expect(copied.find((row) => row.eventKey === "send-1")).toMatchObject({
    customerId: "c\t1",
    campaignId: "camp\n1",
  });
  expect(copied.find((row) => row.eventKey === "buy")?.topics).toEqual(["running", "trail-running"]);
  expect(copied.find((row) => row.eventKey === "pref-empty")?.topics).toEqual([]);
});

test("any storable text comes back unchanged", async () => {
  const event = fc.record({
    id: anyText(40),
    customerId: anyText(40).filter((text) => !text.includes("@")),
    note: fc.oneof(fc.constantFrom(...TRICKY_TEXT), anyText(40)),
  });
  await fc.assert(
    fc.asyncProperty(
      fc.uniqueArray(event, { minLength: 1, maxLength: 8, selector: (e) => e.id }),
      async (list) => {
        const raw = list.map(({ id, customerId, note }) => ({
          id,
          type: "page_viewed",
          customerId: `c${customerId}`,
          timestamp: AT,
          properties: { note, [note]: note },
        }));
        const events = prepareEvents(raw).events;
        const { copied, viaApi, expected } = await bothWays(events);
        expect(copied).toEqual(expected);
        expect(viaApi).toEqual(expected);
      },
    ),
    fuzzParameters("copy-events", 15),
  );
});

test("a chunk whose events the workspace holds stores nothing, and a rolled-back chunk leaves nothing", async () => {
  const workspaceId = await createWorkspace(prisma(), "again");
  const events = keyed([
    { id: "a", type: "page_viewed", customerId: "c1", timestamp: AT },
    { id: "b", type: "page_viewed", customerId: "c2", timestamp: AT },
  ]);
  expect(
    await db.current.bulkTransaction((session) => copyEvents(session, workspaceId, events, 1)),
  ).toMatchObject({ stored: 2 });
  expect(await db.current.bulkTransaction((session) => copyEvents(session, workspaceId, events, 1))).toEqual({
    stored: 0,
    lastId: null,
  });

  const more = keyed([{ id: "c", type: "page_viewed", customerId: "c3", timestamp: AT }]);
  await expect(
    db.current.bulkTransaction(async (session) => {
      expect(await copyEvents(session, workspaceId, more, 1)).toMatchObject({ stored: 1 });
      throw new Error("the chunk failed after storing");
    }),
  ).rejects.toThrow("the chunk failed after storing");
  expect((await storedRows(workspaceId)).map((row) => row.eventKey)).toEqual(["a", "b"]);
  // The next chunk on a connection starts from an empty staging table.
  expect(
    await db.current.bulkTransaction((session) => copyEvents(session, workspaceId, more, 1)),
  ).toMatchObject({ stored: 1 });
  expect((await storedRows(workspaceId)).map((row) => row.eventKey)).toEqual(["a", "b", "c"]);
});
