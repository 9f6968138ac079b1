import "server-only";

import { LEDGER_TYPES, type LedgerEntry, type LedgerType } from "@/lib/consent/consent-views";
import type { ChannelName } from "@/lib/events/enums";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const LEDGER_PAGE_SIZE = 50;

/** The ledger's filters: one customer (exact id), events that apply to a channel, one type. */
export interface LedgerFilter {
  customerId?: string;
  /** Events on this channel and events without a channel (they apply to every channel). */
  channel?: ChannelName;
  type?: LedgerType;
}

/**
 * One page (from 1) of the workspace's consent events, newest first, and whether another
 * follows: grants, withdrawals, unsubscribes and complaints with their channel and campaign.
 */
export async function listConsentLedger(
  prisma: PrismaClient,
  workspaceId: number,
  filter: LedgerFilter,
  page = 1,
  pageSize = LEDGER_PAGE_SIZE,
): Promise<{ rows: LedgerEntry[]; hasMore: boolean }> {
  if (!Number.isInteger(page) || page < 1) throw new RangeError("page must be a whole number ≥ 1");
  const events = await prisma.event.findMany({
    where: {
      workspaceId,
      type: filter.type ? filter.type : { in: [...LEDGER_TYPES] },
      ...(filter.customerId !== undefined ? { customerId: filter.customerId } : {}),
      ...(filter.channel ? { OR: [{ channel: filter.channel }, { channel: null }] } : {}),
    },
    select: {
      id: true,
      ts: true,
      customerId: true,
      channel: true,
      type: true,
      campaignId: true,
      messageId: true,
    },
    orderBy: [{ ts: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize + 1,
  });
  const rows = events.slice(0, pageSize).map((event) => ({
    id: String(event.id),
    at: event.ts,
    customerId: event.customerId,
    channel: event.channel,
    type: event.type as LedgerType,
    campaignId: event.campaignId,
    messageId: event.messageId,
  }));
  return { rows, hasMore: events.length > pageSize };
}
