import { beforeAll, describe, expect, test } from "vitest";

import { RELEVANCE_LIST_BANDS } from "@/lib/metrics/relevance";
import { getRelevanceCalibration } from "@/lib/server/metrics/relevance/get-relevance-calibration";
import { listRelevanceBandCustomers } from "@/lib/server/metrics/relevance/list-relevance-band-customers";

import { reportWindow } from "../../helpers/report-window";
import { setupTestDatabase } from "../../helpers/test-database";
import { loadDataset } from "../load-dataset";

import { DANISH, RELEVANCE_WORLD } from "./relevance-world";

// Contacts and their scores: see relevance-world.ts — s1 c1 100 (engaged), s2 c1 20, s3 c1 0,
// s4 c1 no topic, s5 c2 running but no signal (engaged), s6 c2 100, s7 c3 push 100.

const db = setupTestDatabase();
let workspaceId = 0;
const window = () => reportWindow(workspaceId);
const list = (band: string, extra: Record<string, unknown> = {}) =>
  listRelevanceBandCustomers(db.current.prisma, { ...window(), band, ...extra });

beforeAll(async () => {
  ({ workspaceId } = await loadDataset(db.current.prisma, RELEVANCE_WORLD));
});

const customer = (customerId: string, engaged: number, mean: number | null, day: string) => ({
  customerId,
  contacts: 1,
  engagedContacts: engaged,
  meanRelevance: mean,
  lastContactAt: `2026-03-${day}T10:00:00.000Z`,
});

describe("listRelevanceBandCustomers", () => {
  test("the top band holds s1, s6 and s7: one contact each, by customer id", async () => {
    expect(await list("90-100")).toEqual({
      total: 3,
      rows: [customer("c1", 1, 100, "03"), customer("c2", 0, 100, "07"), customer("c3", 0, 100, "10")],
    });
  });

  test("0 falls in the first band and 20 in [20, 30): c1 alone in each", async () => {
    expect(await list("0-10")).toEqual({ total: 1, rows: [customer("c1", 0, 0, "05")] });
    expect(await list("10-20")).toEqual({ total: 0, rows: [] });
    expect(await list("20-30")).toEqual({ total: 1, rows: [customer("c1", 0, 20, "04")] });
  });

  test("'none' is a topic without a signal (s5), not a send without a topic (s4)", async () => {
    expect(await list("none")).toEqual({ total: 1, rows: [customer("c2", 1, null, "03")] });
  });

  test("channel and segment narrow it like every metric", async () => {
    expect((await list("90-100", { channel: "push" })).rows.map((row) => row.customerId)).toEqual(["c3"]);
    const danish = await list("90-100", { segment: DANISH });
    expect(danish.total).toBe(2);
    expect(danish.rows.map((row) => row.customerId)).toEqual(["c1", "c3"]);
  });

  test("pages keep the order and the total", async () => {
    expect(await list("90-100", { limit: 1, offset: 1 })).toEqual({
      total: 3,
      rows: [customer("c2", 0, 100, "07")],
    });
    expect(await list("90-100", { limit: 1, offset: 5 })).toEqual({ total: 3, rows: [] });
  });

  test("each band's customers hold exactly the contacts the calibration counts for it", async () => {
    const { rows } = await getRelevanceCalibration(db.current.prisma, window());
    for (const band of RELEVANCE_LIST_BANDS) {
      const listed = await list(band, { limit: 500 });
      const contacts = listed.rows.reduce((sum, row) => sum + row.contacts, 0);
      const engaged = listed.rows.reduce((sum, row) => sum + row.engagedContacts, 0);
      const row = rows.find((candidate) => candidate.band === band);
      expect([band, contacts, engaged]).toEqual([band, row?.contacts, row?.engagedContacts]);
    }
  });

  test("an unknown band is refused by name", async () => {
    await expect(list("5-15")).rejects.toThrow(/band/);
  });
});
