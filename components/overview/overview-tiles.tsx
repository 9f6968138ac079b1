import "server-only";

import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";

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
  const t = await getTranslations("overview");
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
        label={t("contacts")}
        value={current.contacts}
        display={formatNumber(current.contacts, locale)}
        previous={previous.contacts}
        locale={locale}
        definition={t("contactsDefinition")}
      />
      <KpiTile
        id="contacted-customers"
        label={t("contactedCustomers")}
        value={current.contactedCustomers}
        display={formatNumber(current.contactedCustomers, locale)}
        previous={previous.contactedCustomers}
        locale={locale}
        definition={t("contactedCustomersDefinition")}
      />
      <KpiTile
        id="median-contacts-per-week"
        label={t("medianContactsPerWeek")}
        value={current.medianContactsPerWeek}
        display={
          current.medianContactsPerWeek === null
            ? "—"
            : formatNumber(current.medianContactsPerWeek, locale, 2)
        }
        previous={previous.medianContactsPerWeek}
        locale={locale}
        definition={t("medianContactsPerWeekDefinition")}
      />
      <KpiTile
        id="contacts-after-opt-out"
        label={t("contactsAfterOptOut")}
        value={optOut.contacts}
        display={formatNumber(optOut.contacts, locale)}
        previous={previous.contactsAfterOptOut.contacts}
        locale={locale}
        alarm={optOut.contacts > 0}
        detail={t("customersAffected", { count: optOut.customers })}
        definition={t("contactsAfterOptOutDefinition")}
      />
    </div>
  );
}

export function OverviewTilesSkeleton() {
  const t = useTranslations("overview");
  return (
    <div
      aria-busy="true"
      aria-label={t("loading")}
      className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4"
    >
      {[0, 1, 2, 3].map((i) => (
        <Skeleton key={i} className="h-44" />
      ))}
    </div>
  );
}
