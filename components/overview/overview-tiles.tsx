import "server-only";

import { Skeleton } from "@/components/ui/skeleton";
import type { ReportWindow } from "@/lib/date-window";
import { formatNumber } from "@/lib/format";
import { getPrisma } from "@/lib/server/db";
import { getOverviewSummary } from "@/lib/server/metrics/overview/get-overview-summary";
import type { ChannelName } from "@/lib/url-state/dashboard-params";

import { KpiTile } from "./kpi-tile";

/** The Overview's four headline numbers, computed in the database for the window and its comparison. */
export async function OverviewTiles({
  workspaceId,
  window,
  comparison,
  channel,
  locale,
}: {
  workspaceId: number;
  window: ReportWindow;
  comparison: ReportWindow;
  channel: ChannelName | null;
  locale: string;
}) {
  const prisma = await getPrisma();
  const { current, previous } = await getOverviewSummary(prisma, {
    workspaceId,
    from: window.from,
    to: window.to,
    channel,
    comparison: { from: comparison.from, to: comparison.to },
  });
  const optOut = current.contactsAfterOptOut;
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <KpiTile
        id="contacts"
        label="Contacts"
        value={current.contacts}
        display={formatNumber(current.contacts, locale)}
        previous={previous.contacts}
        locale={locale}
        definition="Messages sent that were not transactional (receipts and password resets are not contacts)."
      />
      <KpiTile
        id="contacted-customers"
        label="Contacted customers"
        value={current.contactedCustomers}
        display={formatNumber(current.contactedCustomers, locale)}
        previous={previous.contactedCustomers}
        locale={locale}
        definition="Customers with at least one contact in the period."
      />
      <KpiTile
        id="median-contacts-per-week"
        label="Median contacts per week"
        value={current.medianContactsPerWeek}
        display={
          current.medianContactsPerWeek === null
            ? "—"
            : formatNumber(current.medianContactsPerWeek, locale, 2)
        }
        previous={previous.medianContactsPerWeek}
        locale={locale}
        definition="The middle value, over contacted customers, of each one's contacts divided by the weeks in the period."
      />
      <KpiTile
        id="contacts-after-opt-out"
        label="Contacts after opt-out"
        value={optOut.contacts}
        display={formatNumber(optOut.contacts, locale)}
        previous={previous.contactsAfterOptOut.contacts}
        locale={locale}
        alarm={optOut.contacts > 0}
        detail={`${formatNumber(optOut.customers, locale)} customers affected`}
        definition="Contacts on a channel the customer had unsubscribed from, complained about or withdrawn consent for."
      />
    </div>
  );
}

export function OverviewTilesSkeleton() {
  return (
    <div
      aria-busy="true"
      aria-label="Loading the overview"
      className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4"
    >
      {[0, 1, 2, 3].map((i) => (
        <Skeleton key={i} className="h-44" />
      ))}
    </div>
  );
}
