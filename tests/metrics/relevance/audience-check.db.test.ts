import { describe, expect, test } from "vitest";

import { getAudienceCheck } from "@/lib/server/metrics/relevance/get-audience-check";

import { reportWindow } from "../../helpers/report-window";
import { setupTestDatabase } from "../../helpers/test-database";
import { loadDataset } from "../load-dataset";

const db = setupTestDatabase();

/*
 * Customers and their loyaltyTier: v1 VIP, v2 vip (any case matches), g1 gold, g2 gold,
 * n1 none (no tier). Campaigns in the window [2026-03-02, 2026-03-16):
 *   "Dear-VIP-spring" (names vip): v1, v2, g1, g2, n1, g1 again → 5 recipients, 3 mismatched
 *     (g1, g2 gold; n1 without a tier) — g1's second contact counts once;
 *   "gold-weekend" (names gold): g1, v1 → 2 recipients, 1 mismatched (v1 is vip, not gold);
 *   "spring-news" (names no tier value): not checked;
 *   "goldfish-sale": "goldfish" is not the token "gold", so not checked;
 *   "dear-vip-spring" sent to n1 on 2026-02-20, before the window: not counted.
 * Transactional sends are not contacts: the receipt to g2 under "gold-weekend" is ignored.
 */
function events() {
  const list: Record<string, unknown>[] = [];
  const add = (event: Record<string, unknown>) => list.push({ id: `a${list.length + 1}`, ...event });
  const tiers: Record<string, string | null> = { v1: "VIP", v2: "vip", g1: "gold", g2: "gold", n1: null };
  for (const [customerId, loyaltyTier] of Object.entries(tiers)) {
    const traits = loyaltyTier ? { loyaltyTier, country: "DK" } : { country: "DK" };
    add({ type: "customer_updated", customerId, timestamp: "2026-01-01T00:00:00Z", traits });
  }
  const send = (customerId: string, campaignId: string, timestamp: string, messageKind = "promotional") =>
    add({
      type: "message_sent",
      customerId,
      timestamp,
      channel: "email",
      messageId: `${campaignId}-${customerId}-${timestamp}`,
      campaignId,
      messageKind,
    });
  for (const customer of ["v1", "v2", "g1", "g2", "n1"])
    send(customer, "Dear-VIP-spring", "2026-03-03T10:00:00Z");
  send("g1", "Dear-VIP-spring", "2026-03-10T10:00:00Z");
  send("g1", "gold-weekend", "2026-03-06T10:00:00Z");
  send("v1", "gold-weekend", "2026-03-06T10:00:00Z");
  send("g2", "gold-weekend", "2026-03-06T11:00:00Z", "transactional");
  send("v1", "spring-news", "2026-03-04T10:00:00Z");
  send("g1", "goldfish-sale", "2026-03-05T10:00:00Z");
  send("n1", "dear-vip-spring", "2026-02-20T10:00:00Z");
  return list;
}

describe("the audience check", () => {
  test("finds campaigns naming a tier and counts their recipients without it", async () => {
    const { workspaceId } = await loadDataset(db.current.prisma, events());
    const result = await getAudienceCheck(db.current.prisma, reportWindow(workspaceId), "loyaltyTier");
    expect(result).toEqual({
      trait: "loyaltyTier",
      campaigns: [
        {
          campaignId: "Dear-VIP-spring",
          addressedValue: "vip",
          recipients: 5,
          mismatched: 3,
          share: 3 / 5,
          actualValues: [
            { value: "gold", customers: 2 },
            { value: null, customers: 1 },
          ],
        },
        {
          campaignId: "gold-weekend",
          addressedValue: "gold",
          recipients: 2,
          mismatched: 1,
          share: 1 / 2,
          actualValues: [{ value: "vip", customers: 1 }],
        },
      ],
    });
  });

  test("a trait nobody holds checks nothing; the channel filter narrows the recipients", async () => {
    const { workspaceId } = await loadDataset(db.current.prisma, events());
    const window = reportWindow(workspaceId);
    expect(await getAudienceCheck(db.current.prisma, window, "favouriteColour")).toEqual({
      trait: "favouriteColour",
      campaigns: [],
    });
    const sms = await getAudienceCheck(db.current.prisma, { ...window, channel: "sms" }, "loyaltyTier");
    expect(sms.campaigns).toEqual([]);
  });
});
