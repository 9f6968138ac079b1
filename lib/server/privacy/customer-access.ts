import "server-only";

import { resolveWindow } from "@/lib/date-window";
import type { PrismaClient, Workspace } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/server/audit";
import { getCustomerProfile } from "@/lib/server/customers/get-customer-profile";
import { AppError } from "@/lib/server/errors";
import { getAnchorDate } from "@/lib/server/workspaces/get-anchor-date";

import { customerHash } from "./customer-hash";
import { CONTACT_FACT_COLUMNS, customerRows, EVENT_COLUMNS } from "./customer-rows";

/** Names the document's layout, so a reader can tell versions apart. */
export const ACCESS_DOCUMENT_FORMAT = "resonans.customer-data.v1";

export interface CustomerAccessDocument {
  /** Everything but the events and contact facts, which follow it in the text, streamed. */
  head: Record<string, unknown>;
  /** The whole document as JSON text, in pieces: the head, then contact facts, then events. */
  text: () => AsyncGenerator<string>;
}

/**
 * Opens the answer to an access request: everything the workspace holds about one customer —
 * the customer row (traits and when each was set, first and last seen), consent per channel
 * now and every consent event, stated preferences, contact pressure as the customer page shows
 * it (contacts per week, the window's frequency bucket), every contact fact (relevance, click,
 * opt-out in force per send), every event with every stored column, and the customer's entry
 * on the suppression list. Records `dsr.access` (the customer named by hash only). Unknown
 * customer: not found, saying when they were erased if they were.
 */
export async function openCustomerAccess(
  prisma: PrismaClient,
  workspace: Workspace,
  customerId: string,
  userId: string | null,
): Promise<CustomerAccessDocument> {
  const workspaceId = workspace.id;
  const hash = customerHash(workspaceId, customerId);
  const suppression = await prisma.suppressedCustomer.findUnique({
    where: { workspaceId_customerHash: { workspaceId, customerHash: hash } },
  });
  const customer = await prisma.customer.findUnique({
    where: { workspaceId_id: { workspaceId, id: customerId } },
  });
  const events = await prisma.event.count({ where: { workspaceId, customerId } });
  if (!customer && events === 0) {
    const erased =
      suppression && !suppression.liftedAt
        ? ` It was erased by a data-subject request on ${suppression.createdAt.toISOString().slice(0, 10)}.`
        : "";
    throw new AppError("not_found", `No customer "${customerId}" in this workspace.${erased}`);
  }
  // Contact pressure over the window the customer page opens with (28 days to the latest data).
  const { anchorDate } = await getAnchorDate(workspace);
  const window = resolveWindow(
    { range: null, from: null, to: null },
    { timeZone: workspace.timeZone, anchorDate },
  );
  const profile = customer
    ? await getCustomerProfile(prisma, {
        workspaceId,
        customerId,
        from: window.from,
        to: window.to,
        timeZone: workspace.timeZone,
        frequencyCap: workspace.frequencyCap,
        limit: 0,
        offset: 0,
      })
    : null;
  await recordAudit({
    action: "dsr.access",
    workspaceId,
    userId,
    targetType: "customer",
    targetId: hash,
    details: { events },
  });

  const head: Record<string, unknown> = {
    format: ACCESS_DOCUMENT_FORMAT,
    generatedAt: new Date().toISOString(),
    workspace: { name: workspace.name, slug: workspace.slug, timeZone: workspace.timeZone },
    customerId,
    customer: customer
      ? {
          traits: customer.traits,
          traitTimes: customer.traitTimes,
          firstSeenAt: customer.firstSeenAt.toISOString(),
          lastSeenAt: customer.lastSeenAt.toISOString(),
        }
      : null,
    consent: { current: profile?.consent ?? [], history: profile?.consentHistory ?? [] },
    preferences: profile?.preferences ?? null,
    contactPressure: profile
      ? {
          window: { from: window.from.toISOString(), to: window.to.toISOString(), ...profile.window },
          weeklyContacts: profile.weeklyContacts,
        }
      : null,
    suppression: suppression
      ? {
          mode: suppression.mode,
          erasedAt: suppression.createdAt.toISOString(),
          liftedAt: suppression.liftedAt?.toISOString() ?? null,
        }
      : null,
    eventCount: events,
  };

  async function* text(): AsyncGenerator<string> {
    yield JSON.stringify(head).slice(0, -1);
    yield* jsonArray(
      "contactFacts",
      customerRows(prisma, "ContactFact", CONTACT_FACT_COLUMNS, workspaceId, customerId),
    );
    yield* jsonArray("events", customerRows(prisma, "Event", EVENT_COLUMNS, workspaceId, customerId));
    yield "}\n";
  }
  return { head, text };
}

/** `,"name":[` then one row per line, then `]`. */
async function* jsonArray(
  name: string,
  rows: AsyncGenerator<Record<string, unknown>>,
): AsyncGenerator<string> {
  yield `,${JSON.stringify(name)}:[`;
  let first = true;
  for await (const row of rows) {
    yield (first ? "\n" : ",\n") + JSON.stringify(plainRow(row));
    first = false;
  }
  yield first ? "]" : "\n]";
}

/** A database row as JSON values: ids as strings, instants as ISO strings, amounts as numbers. */
function plainRow(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => {
      if (typeof value === "bigint") return [key, value.toString()];
      if (value instanceof Date) return [key, value.toISOString()];
      if (key === "value" && typeof value === "string") return [key, Number(value)];
      return [key, value];
    }),
  );
}
