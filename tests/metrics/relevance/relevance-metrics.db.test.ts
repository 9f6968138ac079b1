import { beforeAll, describe, expect, test } from "vitest";

import { getRelevanceByCampaign } from "@/lib/server/metrics/relevance/get-relevance-by-campaign";
import { getRelevanceByTopic } from "@/lib/server/metrics/relevance/get-relevance-by-topic";
import { getRelevanceCalibration } from "@/lib/server/metrics/relevance/get-relevance-calibration";
import { getRelevanceDistribution } from "@/lib/server/metrics/relevance/get-relevance-distribution";
import { getRelevanceSummary } from "@/lib/server/metrics/relevance/get-relevance-summary";

import { reportWindow } from "../../helpers/report-window";
import { setupTestDatabase } from "../../helpers/test-database";
import { loadDataset } from "../load-dataset";

import { DANISH, RELEVANCE_WORLD } from "./relevance-world";

// Contacts and their scores: see relevance-world.ts (s1 100, s2 20, s3 0, s4 and s5 none, s6 and s7 100).

const db = setupTestDatabase();
let workspaceId = 0;
const window = () => reportWindow(workspaceId);

beforeAll(async () => {
  ({ workspaceId } = await loadDataset(db.current.prisma, RELEVANCE_WORLD));
});

const row = (
  contacts: number,
  scored: number,
  mean: number | null,
  irrelevant: number,
  engaged: number,
): Record<string, number | null> => ({
  contacts,
  scoredContacts: scored,
  coverage: contacts === 0 ? null : scored / contacts,
  meanRelevance: mean,
  irrelevantContacts: irrelevant,
  irrelevantShare: scored === 0 ? null : irrelevant / scored,
  engagedContacts: engaged,
  clickRate: contacts === 0 ? null : engaged / contacts,
});

const summaryOf = (contacts: number, scored: number, mean: number | null, irrelevant: number) => {
  const { engagedContacts: _e, clickRate: _c, ...figures } = row(contacts, scored, mean, irrelevant, 0);
  return figures;
};

describe("getRelevanceSummary", () => {
  test("counts topic-less and unscored sends as contacts but leaves them out of the mean; 20 is not irrelevant", async () => {
    // 7 contacts, scored s1 s2 s3 s6 s7: mean (100 + 20 + 0 + 100 + 100) / 5 = 64; irrelevant s3 only.
    expect(await getRelevanceSummary(db.current.prisma, window())).toEqual(summaryOf(7, 5, 64, 1));
  });

  test("a channel filter keeps that channel's contacts only", async () => {
    // sms: s2 alone (20).
    expect(await getRelevanceSummary(db.current.prisma, { ...window(), channel: "sms" })).toEqual(
      summaryOf(1, 1, 20, 0),
    );
  });

  test("a segment keeps its customers' contacts only", async () => {
    // DK = c1, c3: s1 s2 s3 s4 s7 → scored 100, 20, 0, 100: mean 55, irrelevant 1 of 4.
    expect(await getRelevanceSummary(db.current.prisma, { ...window(), segment: DANISH })).toEqual(
      summaryOf(5, 4, 55, 1),
    );
  });

  test("a window without contacts gives nulls, not zeros", async () => {
    const empty = reportWindow(workspaceId, "2026-04-01T00:00:00Z", "2026-04-08T00:00:00Z");
    expect(await getRelevanceSummary(db.current.prisma, empty)).toEqual(summaryOf(0, 0, null, 0));
  });
});

describe("getRelevanceByCampaign", () => {
  test("one row per campaign, contacts without one grouped under null, by contacts then id", async () => {
    expect(await getRelevanceByCampaign(db.current.prisma, window())).toEqual([
      { campaignId: "camp-a", ...row(3, 2, 60, 0, 2) }, // s1 100 eng, s2 20, s5 none eng
      { campaignId: "camp-b", ...row(3, 3, 200 / 3, 1, 0) }, // s3 0, s6 100, s7 100
      { campaignId: null, ...row(1, 0, null, 0, 0) }, // s4
    ]);
  });

  test("with a channel filter", async () => {
    // email: s1 s3 s4 s5 s6.
    expect(await getRelevanceByCampaign(db.current.prisma, { ...window(), channel: "email" })).toEqual([
      { campaignId: "camp-a", ...row(2, 1, 100, 0, 2) },
      { campaignId: "camp-b", ...row(2, 2, 50, 1, 0) },
      { campaignId: null, ...row(1, 0, null, 0, 0) },
    ]);
  });
});

describe("getRelevanceByTopic", () => {
  test("one row per send topic, topic-less contacts under null, ties in contacts by topic", async () => {
    expect(await getRelevanceByTopic(db.current.prisma, window())).toEqual([
      { topic: "cycling", ...row(2, 2, 50, 1, 0) }, // s3 0, s6 100
      { topic: "running", ...row(2, 1, 100, 0, 2) }, // s1 100 eng, s5 none eng
      { topic: "yoga", ...row(2, 2, 60, 0, 0) }, // s2 20, s7 100
      { topic: null, ...row(1, 0, null, 0, 0) }, // s4
    ]);
  });

  test("with a segment", async () => {
    // DK: s1 s2 s3 s4 s7.
    expect(await getRelevanceByTopic(db.current.prisma, { ...window(), segment: DANISH })).toEqual([
      { topic: "yoga", ...row(2, 2, 60, 0, 0) },
      { topic: "cycling", ...row(1, 1, 0, 1, 0) },
      { topic: "running", ...row(1, 1, 100, 0, 1) },
      { topic: null, ...row(1, 0, null, 0, 0) },
    ]);
  });
});

describe("getRelevanceDistribution", () => {
  test("scored contacts per band of 10: 0 in the first, 20 in [20, 30), 100 in the last", async () => {
    const { scoredContacts, bands } = await getRelevanceDistribution(db.current.prisma, window());
    expect(scoredContacts).toBe(5);
    expect(bands.map((band) => [band.band, band.scoredContacts, band.share])).toEqual([
      ["0-10", 1, 0.2],
      ["10-20", 0, 0],
      ["20-30", 1, 0.2],
      ["30-40", 0, 0],
      ["40-50", 0, 0],
      ["50-60", 0, 0],
      ["60-70", 0, 0],
      ["70-80", 0, 0],
      ["80-90", 0, 0],
      ["90-100", 3, 0.6],
    ]);
    expect(bands[9].label).toBe("[90, 100]");
  });

  test("without scored contacts every band is 0 with a null share", async () => {
    const { scoredContacts, bands } = await getRelevanceDistribution(db.current.prisma, {
      ...window(),
      channel: "in_app",
    });
    expect(scoredContacts).toBe(0);
    expect(bands.every((band) => band.scoredContacts === 0 && band.share === null)).toBe(true);
  });
});

describe("getRelevanceCalibration", () => {
  test("click rate per band and for contacts with a topic but no signal; topic-less ones beside", async () => {
    const { rows, contactsWithoutTopic } = await getRelevanceCalibration(db.current.prisma, window());
    expect(rows.map((r) => [r.band, r.contacts, r.engagedContacts, r.clickRate])).toEqual([
      ["0-10", 1, 0, 0], // s3
      ["10-20", 0, 0, null],
      ["20-30", 1, 0, 0], // s2
      ["30-40", 0, 0, null],
      ["40-50", 0, 0, null],
      ["50-60", 0, 0, null],
      ["60-70", 0, 0, null],
      ["70-80", 0, 0, null],
      ["80-90", 0, 0, null],
      ["90-100", 3, 1, 1 / 3], // s1 engaged, s6, s7
      ["none", 1, 1, 1], // s5, engaged
    ]);
    expect(contactsWithoutTopic).toBe(1); // s4
  });
});
