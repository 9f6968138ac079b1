import fc from "fast-check";
import { expect, test } from "vitest";

import { copyEvents } from "@/lib/server/import/copy-events";
import type { KeyedEvent } from "@/lib/server/ingest/keyed-event";
import { prepareEvents } from "@/lib/server/ingest/prepare-events";
import { insertEvents } from "@/lib/server/ingest/store-events";

import { createWorkspace } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-database";
import { anyText, fuzzParameters, TRICKY_TEXT } from "../hostile/hostile-values";

/*
 * The import's chunks travel by COPY (copy-events.ts), the API's batches as a JSON parameter
 * (store-events.ts). The same events must become the same rows either way, whatever text they
 * hold: tabs, line breaks and backslashes are COPY's own syntax.
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

/** Stores the events in two fresh workspaces, one way each, and returns both sets of rows. */
async function bothWays(events: KeyedEvent[]) {
  const [byCopy, byJson] = [await createWorkspace(prisma(), "copy"), await createWorkspace(prisma(), "json")];
  const { stored: copied } = await db.current.bulkTransaction((session) =>
    copyEvents(session, byCopy, events, 1),
  );
  const inserted = await prisma().$transaction((tx) => insertEvents(tx, byJson, events, 1));
  expect(copied).toBe(inserted.length);
  return { copied: await storedRows(byCopy), inserted: await storedRows(byJson) };
}

const AT = "2026-03-01T09:30:00.123Z";

test("every field of every kind of event is stored as the API stores it", async () => {
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
  const { copied, inserted } = await bothWays(events);
  expect(copied).toEqual(inserted);
  expect(copied).toHaveLength(events.length);
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
        const { copied, inserted } = await bothWays(events);
        expect(copied).toEqual(inserted);
        expect(copied.map((row) => row.eventKey).sort()).toEqual(events.map((e) => e.key).sort());
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
