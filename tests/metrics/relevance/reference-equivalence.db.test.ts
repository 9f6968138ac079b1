import { describe, expect, test } from "vitest";

import type { Channel } from "@/lib/generated/prisma/client";
import type { MetricParams } from "@/lib/server/metrics/common/metric-params";
import { getRelevanceByCampaign } from "@/lib/server/metrics/relevance/get-relevance-by-campaign";
import { getRelevanceByTopic } from "@/lib/server/metrics/relevance/get-relevance-by-topic";
import { getRelevanceCalibration } from "@/lib/server/metrics/relevance/get-relevance-calibration";
import { getRelevanceDistribution } from "@/lib/server/metrics/relevance/get-relevance-distribution";
import { getRelevanceSummary } from "@/lib/server/metrics/relevance/get-relevance-summary";
import { getSendVsWant } from "@/lib/server/metrics/relevance/get-send-vs-want";
import { getStatedVsActual } from "@/lib/server/metrics/relevance/get-stated-vs-actual";
import { listStatedVsActualCustomers } from "@/lib/server/metrics/relevance/list-stated-vs-actual-customers";
import { Random } from "@/prisma/seed/generator/prng";

import { setupTestDatabase } from "../../helpers/test-database";
import { loadDataset } from "../load-dataset";
import { RANDOM_WINDOW, randomDataset } from "../random-dataset";
import { isContact, type RefEvent, type RefQuery } from "../reference/events";
import {
  referenceRelevance,
  refRelevanceByCampaign,
  refRelevanceByTopic,
  refRelevanceCalibration,
  refRelevanceDistribution,
  refRelevanceSummary,
  refSendVsWant,
  refStatedVsActual,
  refStatedVsActualCustomers,
} from "../reference/relevance";
import { danishCustomers, expectClose } from "../reference-check";

import { DANISH } from "./relevance-world";

/**
 * The SQL engine against the reference (tests/metrics/reference/relevance.ts) on random
 * datasets, with extra preference changes (several per customer, some inside the window, some
 * with an empty topic list or without a maximum) that the generator does not make.
 */

const db = setupTestDatabase();

const TOPICS = ["running", "cycling", "yoga", "outdoor", "sale"];

function extraPreferences(seed: number): Record<string, unknown>[] {
  const random = new Random(1000 + seed);
  const start = Date.parse("2026-02-01T00:00:00Z");
  const events: Record<string, unknown>[] = [];
  for (let c = 1; c <= 40; c += 1) {
    const changes = random.int(4);
    for (let i = 0; i < changes; i += 1) {
      const roll = random.int(4);
      const topics = roll === 0 ? [] : TOPICS.filter(() => random.next() < 0.4);
      const event: Record<string, unknown> = {
        id: `p${seed}-${c}-${i}`,
        type: "preferences_updated",
        customerId: `c-${String(c).padStart(3, "0")}`,
        timestamp: new Date(start + random.int(70 * 24) * 3_600_000).toISOString(),
        topics,
      };
      if (roll !== 1) event.maxPerWeek = [0.5, 1, 1.5, 2, 3, 4][random.int(6)];
      events.push(event);
    }
  }
  return events;
}

interface Case {
  name: string;
  from: string;
  to: string;
  channel?: Channel;
  danish?: boolean;
}

const CASES: Case[] = [
  { name: "the random window", ...RANDOM_WINDOW },
  {
    name: "a 63-day window off the midnights",
    from: "2026-02-09T06:30:00.000Z",
    to: "2026-04-13T06:30:00.000Z",
  },
  { name: "email only", ...RANDOM_WINDOW, channel: "email" },
  { name: "the Danish segment", ...RANDOM_WINDOW, danish: true },
  {
    name: "sms in the Danish segment, another window",
    from: "2026-01-20T00:00:00.000Z",
    to: "2026-02-24T00:00:00.000Z",
    channel: "sms",
    danish: true,
  },
];

describe.each([1, 2, 3, 4, 5])("relevance metrics on random dataset %i", (seed) => {
  test("SQL and reference agree on every contact's relevance and on every metric", async () => {
    const raw = [...randomDataset(seed), ...extraPreferences(seed)];
    const { workspaceId, events } = await loadDataset(db.current.prisma, raw);

    const facts = await db.current.prisma.contactFact.findMany({ where: { workspaceId } });
    const byKey = new Map(events.map((e) => [e.key, e]));
    const signals = events.filter((e) =>
      ["product_viewed", "message_clicked", "cart_added", "purchased"].includes(e.type),
    );
    const eventsById = await db.current.prisma.event.findMany({
      where: { workspaceId, type: "message_sent" },
      select: { id: true, eventKey: true },
    });
    const keyOf = new Map(eventsById.map((e) => [e.id, e.eventKey]));
    expect(facts.length).toBe(events.filter(isContact).length);
    for (const fact of facts) {
      const send = byKey.get(keyOf.get(fact.eventId) as string) as RefEvent;
      const own = signals.filter((s) => s.customerId === send.customerId);
      expect(fact.relevance, `relevance of ${send.key}`).toBe(referenceRelevance(send, own));
    }

    const danish = danishCustomers(events);
    for (const c of CASES) {
      const params: MetricParams = {
        workspaceId,
        from: new Date(c.from),
        to: new Date(c.to),
        channel: c.channel ?? null,
        segment: c.danish ? DANISH : null,
      };
      const query: RefQuery = {
        from: Date.parse(c.from),
        to: Date.parse(c.to),
        channel: c.channel ?? null,
        customers: c.danish ? danish : null,
      };
      const sql = db.current.prisma;
      expectClose(
        await getRelevanceSummary(sql, params),
        refRelevanceSummary(events, query),
        `${c.name}: summary`,
      );
      expectClose(
        await getRelevanceByCampaign(sql, params),
        refRelevanceByCampaign(events, query),
        `${c.name}: by campaign`,
      );
      expectClose(
        await getRelevanceByTopic(sql, params),
        refRelevanceByTopic(events, query),
        `${c.name}: by topic`,
      );
      expectClose(
        await getRelevanceDistribution(sql, params),
        refRelevanceDistribution(events, query),
        `${c.name}: distribution`,
      );
      expectClose(
        await getRelevanceCalibration(sql, params),
        refRelevanceCalibration(events, query),
        `${c.name}: calibration`,
      );
      expectClose(await getSendVsWant(sql, params), refSendVsWant(events, query), `${c.name}: send vs want`);
      expectClose(
        await getStatedVsActual(sql, params),
        refStatedVsActual(events, query),
        `${c.name}: stated vs actual`,
      );
      if (c.name === "the random window") {
        // The comparison is not vacuous: scores, both sides of the gap and stated preferences exist.
        const summary = refRelevanceSummary(events, query);
        expect(summary.scoredContacts).toBeGreaterThan(summary.irrelevantContacts);
        expect(refSendVsWant(events, query).gapIndex).not.toBeNull();
        expect(refStatedVsActual(events, query).contactsWithStatedTopics).toBeGreaterThan(0);
      }
      const listed = await listStatedVsActualCustomers(sql, { ...params, limit: 500 });
      const expected = refStatedVsActualCustomers(events, query);
      expectClose(
        listed,
        { total: expected.length, customers: expected },
        `${c.name}: stated vs actual customers`,
      );
    }
  });
});
