import { beforeAll, describe, expect, test } from "vitest";

import { getSendVsWant } from "@/lib/server/metrics/relevance/get-send-vs-want";

import { createWorkspaceWith } from "../../helpers/fixtures";
import { reportWindow } from "../../helpers/report-window";
import { setupTestDatabase } from "../../helpers/test-database";
import { loadDataset } from "../load-dataset";

import { DANISH, RELEVANCE_WORLD } from "./relevance-world";

// The world of relevance-world.ts. Sends with a topic in the window: running 2 (s1 s5),
// yoga 2 (s2 s7), cycling 2 (s3 s6); s4 has none. Signal weights in the window: running 4,
// cycling 2, yoga 8, outdoor 5 (total 19); c1's signals of 03-01 and c3's view at `to` are out.

const db = setupTestDatabase();
let workspaceId = 0;
const window = () => reportWindow(workspaceId);

beforeAll(async () => {
  ({ workspaceId } = await loadDataset(db.current.prisma, RELEVANCE_WORLD));
});

const topic = (name: string, contacts: number, sendTotal: number, weight: number, weightTotal: number) => ({
  topic: name,
  contacts,
  sendShare: contacts / sendTotal,
  signalWeight: weight,
  wantShare: weight / weightTotal,
});

describe("getSendVsWant", () => {
  test("send and want shares per topic, with the gap index over the topics of either side", async () => {
    const result = await getSendVsWant(db.current.prisma, window());
    expect(result).toMatchObject({ contactsWithTopic: 6, contactsWithoutTopic: 1, totalSignalWeight: 19 });
    expect(result.topics).toEqual([
      topic("yoga", 2, 6, 8, 19),
      topic("running", 2, 6, 4, 19),
      topic("cycling", 2, 6, 2, 19),
      topic("outdoor", 0, 6, 5, 19), // wanted, never sent
    ]);
    // 50 · (|1/3 − 8/19| + |1/3 − 4/19| + |1/3 − 2/19| + |0 − 5/19|) = 50 · 40/57 = 35.09
    expect(result.gapIndex).toBeCloseTo((50 * 40) / 57, 12);
  });

  test("a channel filter changes the send shares, not the want shares", async () => {
    // email: s1 s5 running, s3 s6 cycling, s4 no topic.
    const result = await getSendVsWant(db.current.prisma, { ...window(), channel: "email" });
    expect(result).toMatchObject({ contactsWithTopic: 4, contactsWithoutTopic: 1, totalSignalWeight: 19 });
    expect(result.topics).toEqual([
      topic("running", 2, 4, 4, 19),
      topic("cycling", 2, 4, 2, 19),
      topic("yoga", 0, 4, 8, 19),
      topic("outdoor", 0, 4, 5, 19),
    ]);
    // 50 · (|1/2 − 4/19| + |1/2 − 2/19| + 8/19 + 5/19) = 50 · 52/38 = 68.42
    expect(result.gapIndex).toBeCloseTo((50 * 52) / 38, 12);
  });

  test("a segment filters both sides", async () => {
    // DK = c1, c3. Sends: running 1, yoga 2, cycling 1 (+ s4). Wants: running 2 (c1's click),
    // yoga 8 and outdoor 5 (c3): 15.
    const result = await getSendVsWant(db.current.prisma, { ...window(), segment: DANISH });
    expect(result).toMatchObject({ contactsWithTopic: 4, contactsWithoutTopic: 1, totalSignalWeight: 15 });
    expect(result.topics).toEqual([
      topic("yoga", 2, 4, 8, 15),
      topic("running", 1, 4, 2, 15),
      topic("cycling", 1, 4, 0, 15),
      topic("outdoor", 0, 4, 5, 15),
    ]);
    // 50 · (|1/2 − 8/15| + |1/4 − 2/15| + 1/4 + 5/15) = 50 · 44/60 = 36.67
    expect(result.gapIndex).toBeCloseTo((50 * 44) / 60, 12);
  });

  test("no gap index when one side is empty", async () => {
    // [03-03, 03-04): s1 and s5 (running), no signal.
    const onlySends = await getSendVsWant(
      db.current.prisma,
      reportWindow(workspaceId, "2026-03-03T00:00:00Z", "2026-03-04T00:00:00Z"),
    );
    expect(onlySends).toEqual({
      contactsWithTopic: 2,
      contactsWithoutTopic: 0,
      totalSignalWeight: 0,
      gapIndex: null,
      topics: [{ topic: "running", contacts: 2, sendShare: 1, signalWeight: 0, wantShare: null }],
    });
    // [03-08, 03-10): c2's click (running 2), c3's cart add (yoga 3) and purchase (outdoor, yoga 5); no send.
    const onlyWants = await getSendVsWant(
      db.current.prisma,
      reportWindow(workspaceId, "2026-03-08T00:00:00Z", "2026-03-10T00:00:00Z"),
    );
    expect(onlyWants.gapIndex).toBeNull();
    expect(onlyWants.topics).toEqual([
      { topic: "yoga", contacts: 0, sendShare: null, signalWeight: 8, wantShare: 8 / 15 },
      { topic: "outdoor", contacts: 0, sendShare: null, signalWeight: 5, wantShare: 5 / 15 },
      { topic: "running", contacts: 0, sendShare: null, signalWeight: 2, wantShare: 2 / 15 },
    ]);
  });

  test("a signal weighs once for each distinct topic it names, however often it names it", async () => {
    const other = await createWorkspaceWith(db.current.prisma, [
      // topics running, running, yoga and topic yoga: running 5, yoga 5 — not running 10, yoga 10.
      {
        type: "purchased",
        customer: "c1",
        at: "2026-03-05T10:00:00Z",
        topic: "yoga",
        topics: ["running", "running", "yoga"],
      },
      // a click whose topic is also listed: cycling 2.
      {
        type: "message_clicked",
        customer: "c2",
        at: "2026-03-06T10:00:00Z",
        channel: "email",
        topic: "cycling",
        topics: ["cycling"],
      },
    ]);
    const result = await getSendVsWant(db.current.prisma, reportWindow(other));
    expect(result.totalSignalWeight).toBe(12);
    expect(result.topics.map((row) => [row.topic, row.signalWeight])).toEqual([
      ["running", 5],
      ["yoga", 5],
      ["cycling", 2],
    ]);
  });
});
