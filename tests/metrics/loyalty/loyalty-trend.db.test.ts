import { describe, expect, test } from "vitest";

import { getLoyaltyTrend } from "@/lib/server/metrics/loyalty/get-loyalty-trend";

import { createWorkspaceWith } from "../../helpers/fixtures";
import { setupTestDatabase } from "../../helpers/test-database";

import { purchase } from "./fixture-time";

const db = setupTestDatabase();

describe("getLoyaltyTrend", () => {
  test("12 points at local month ends, the last at `to`, each over the 365 days before it", async () => {
    const workspaceId = await createWorkspaceWith(db.current.prisma, [
      purchase("t1", "2026-01-10T10:00:00.000Z"), // counted from the January point on
      purchase("t1", "2026-03-10T10:00:00.000Z"), // a repeat purchaser from the March point on
      purchase("t2", "2025-06-01T10:00:00.000Z"), // in the windows of the points up to May 2026
    ]);
    const trend = await getLoyaltyTrend(db.current.prisma, {
      workspaceId,
      from: new Date("2026-07-01T00:00:00.000Z"), // not used by the trend
      to: new Date("2026-07-15T00:00:00.000Z"),
      timeZone: "Europe/Copenhagen",
    });
    expect(trend.points.map((p) => p.month)).toEqual([
      "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01",
      "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07",
    ]); // prettier-ignore
    expect(trend.points[0].to).toBe("2025-08-31T22:00:00.000Z"); // September 1, 00:00 CEST
    expect(trend.points[3].to).toBe("2025-11-30T23:00:00.000Z"); // December 1, 00:00 CET
    expect(trend.points[0].from).toBe("2024-08-31T22:00:00.000Z"); // 365 days earlier
    expect(trend.points[11].to).toBe("2026-07-15T00:00:00.000Z");
    expect(trend.points.map((p) => p.purchasers)).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 1, 1]);
    expect(trend.points.map((p) => p.repeatPurchasers)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect(trend.points.map((p) => p.repeatPurchaseRate)).toEqual([0, 0, 0, 0, 0, 0, 0, 0.5, 0.5, 0.5, 1, 1]);
  });
});
