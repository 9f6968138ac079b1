import "server-only";

import type { ConsentChange, CustomerProfile, TimelineEvent } from "@/lib/customers/customer-views";
import type { ChannelName } from "@/lib/events/enums";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { frequencyBucketOfCount, isAboveCap } from "@/lib/metrics/frequency-buckets";
import { calendarWeeks } from "@/lib/server/metrics/frequency/calendar-weeks";

const CONSENT_TYPES = ["consent_granted", "consent_withdrawn", "unsubscribed", "complained"] as const;
const WEEKS_SHOWN = 12;
const WEEK_MS = 7 * 86_400_000;

export interface CustomerProfileQuery {
  workspaceId: number;
  customerId: string;
  /** The report window: its contacts decide the saturation status. */
  from: Date;
  to: Date;
  timeZone: string;
  frequencyCap: number;
  /** Timeline paging: newest first. */
  limit: number;
  offset: number;
}

/** Everything the customer page shows about one customer of the workspace, or null if unknown. */
export async function getCustomerProfile(
  prisma: PrismaClient,
  query: CustomerProfileQuery,
): Promise<CustomerProfile | null> {
  const { workspaceId, customerId } = query;
  const customer = await prisma.customer.findUnique({
    where: { workspaceId_id: { workspaceId, id: customerId } },
    include: { consents: { orderBy: { channel: "asc" } }, preference: true },
  });
  if (!customer) return null;
  const weeks = calendarWeeks(
    new Date(query.to.getTime() - WEEKS_SHOWN * WEEK_MS),
    query.to,
    query.timeZone,
  ).slice(-WEEKS_SHOWN);
  const since = new Date(
    Math.min(weeks[0]?.weekStart.getTime() ?? query.from.getTime(), query.from.getTime()),
  );
  const [total, events, consentEvents, facts] = await Promise.all([
    prisma.event.count({ where: { workspaceId, customerId } }),
    prisma.event.findMany({
      where: { workspaceId, customerId },
      orderBy: [{ ts: "desc" }, { id: "desc" }],
      take: query.limit,
      skip: query.offset,
    }),
    prisma.event.findMany({
      where: { workspaceId, customerId, type: { in: [...CONSENT_TYPES] } },
      orderBy: [{ ts: "desc" }, { id: "desc" }],
      select: { ts: true, type: true, channel: true },
    }),
    prisma.contactFact.findMany({
      where: { workspaceId, customerId, ts: { gte: since, lt: query.to } },
      select: { ts: true, eventId: true },
    }),
  ]);
  const pageFacts = await prisma.contactFact.findMany({
    where: { workspaceId, eventId: { in: events.filter((e) => e.type === "message_sent").map((e) => e.id) } },
    select: { eventId: true, relevance: true, clickedAt: true, optedOutAt: true },
  });
  const factOf = new Map(pageFacts.map((fact) => [fact.eventId, fact]));

  const inWindow = facts.filter((fact) => fact.ts >= query.from && fact.ts < query.to).length;
  const spanMs = query.to.getTime() - query.from.getTime();
  return {
    customerId,
    traits: (customer.traits ?? {}) as Record<string, unknown>,
    firstSeenAt: customer.firstSeenAt.toISOString(),
    lastSeenAt: customer.lastSeenAt.toISOString(),
    consent: customer.consents.map((consent) => ({
      channel: consent.channel as ChannelName,
      state: consent.state,
      changedAt: consent.changedAt.toISOString(),
    })),
    consentHistory: consentEvents.map((event): ConsentChange => ({
      at: event.ts.toISOString(),
      type: event.type as ConsentChange["type"],
      channel: event.channel as ChannelName | null,
    })),
    preferences: customer.preference
      ? {
          topics: customer.preference.topics,
          maxPerWeek: customer.preference.maxPerWeek,
          updatedAt: customer.preference.updatedAt.toISOString(),
        }
      : null,
    weeklyContacts: weeks.map((week) => ({
      weekStart: week.weekStart.toISOString(),
      contacts: facts.filter((fact) => fact.ts >= week.weekStart && fact.ts < week.weekEnd).length,
    })),
    window: {
      contacts: inWindow,
      perWeek: (inWindow * WEEK_MS) / spanMs,
      bucket: inWindow > 0 ? frequencyBucketOfCount(inWindow, spanMs) : null,
      overCap: inWindow > 0 && isAboveCap(inWindow, spanMs, query.frequencyCap),
      cap: query.frequencyCap,
    },
    timeline: {
      total,
      events: events.map((event): TimelineEvent => {
        const fact = factOf.get(event.id);
        return {
          id: event.id.toString(),
          type: event.type,
          at: event.ts.toISOString(),
          channel: event.channel as ChannelName | null,
          messageId: event.messageId,
          campaignId: event.campaignId,
          messageKind: event.messageKind,
          topic: event.topic,
          topics: event.topics,
          value: event.value === null ? null : Number(event.value),
          currency: event.currency,
          ...(fact
            ? {
                relevance: fact.relevance,
                clickedAt: fact.clickedAt?.toISOString() ?? null,
                optedOutAt: fact.optedOutAt?.toISOString() ?? null,
              }
            : {}),
        };
      }),
    },
  };
}
