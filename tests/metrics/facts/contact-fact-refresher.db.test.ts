import { afterEach, expect, test } from "vitest";

import { ingestEvents } from "@/lib/server/ingest/ingest-events";
import { readDataVersion } from "@/lib/server/metrics/cache/data-version";
import {
  contactFactsSettled,
  type RefreshPace,
  startContactFactRefresher,
} from "@/lib/server/metrics/facts/contact-fact-refresher";

import { createWorkspace } from "../../helpers/fixtures";
import { setupTestDatabase } from "../../helpers/test-database";

/*
 * The refresher waits for announcements to pause, merging their scopes meanwhile: a burst of
 * batches is one refresh. Every refresh and every batch records a data change, so the data
 * version counts them.
 */

const db = setupTestDatabase();
const prisma = () => db.current.prisma;
let stop: (() => void) | null = null;

afterEach(() => {
  stop?.();
  stop = null;
});

/** The workspaces the refresher reported refreshed, in order. */
let refreshed: number[] = [];
const start = (pace: RefreshPace) => {
  refreshed = [];
  stop = startContactFactRefresher(
    async () => prisma(),
    pace,
    (workspaceId) => void refreshed.push(workspaceId),
  );
};

const send = (customerId: string, id: string) => ({
  id,
  type: "message_sent",
  customerId,
  channel: "email",
  messageId: `m-${id}`,
  topic: "yoga",
  timestamp: "2026-03-01T09:00:00Z",
});

const facts = (workspaceId: number) => prisma().contactFact.count({ where: { workspaceId } });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("batches arriving before announcements pause are refreshed together, once", async () => {
  start({ quietMs: 60_000, maxWaitMs: 120_000 });
  const workspaceId = await createWorkspace(prisma());
  const before = await readDataVersion(prisma(), workspaceId);
  for (const [index, customer] of ["c-1", "c-2", "c-3"].entries()) {
    expect((await ingestEvents(prisma(), workspaceId, [send(customer, `s${index}`)])).accepted).toBe(1);
  }
  expect(await facts(workspaceId)).toBe(0); // still waiting for a pause

  await contactFactsSettled(); // starts the waiting refresh at once
  expect(await facts(workspaceId)).toBe(3);
  expect((await readDataVersion(prisma(), workspaceId)) - before).toBe(3n + 1n);
  expect(refreshed).toEqual([workspaceId]);
});

test("under a steady stream of batches a refresh starts at the latest after the longest wait", async () => {
  start({ quietMs: 60_000, maxWaitMs: 300 });
  const workspaceId = await createWorkspace(prisma());
  await ingestEvents(prisma(), workspaceId, [send("c-1", "s1")]);
  for (let waited = 0; waited < 10_000 && (await facts(workspaceId)) === 0; waited += 100) await pause(100);
  expect(await facts(workspaceId)).toBe(1);
});
