"use client";

import { useTranslations } from "next-intl";

import { useFormatters } from "@/components/charts/common/use-formatters";
import { useDashboardQuery } from "@/components/metrics/dashboard-query";
import { usePageMetric } from "@/components/metrics/use-metric";
import type { OverContacted, OverviewNumbers, SaturationCurve } from "@/lib/metrics/frequency";
import { PAGE_METRICS } from "@/lib/metrics/page-metrics";
import type { SendVsWant } from "@/lib/metrics/relevance";

import { KpiTile } from "./kpi-tile";
import { MetricKpi } from "./metric-kpi";

/** The comparison's figure: undefined when no comparison was asked for, null when it has none. */
function previousOf<T>(
  compare: string,
  comparison: T | null,
  pick: (result: T) => number | null,
): number | null | undefined {
  if (compare === "none") return undefined;
  return comparison === null ? null : pick(comparison);
}

/** Engaged contacts / contacts over every bucket of the saturation curve: the window's click rate. */
function clickRate(curve: SaturationCurve): number | null {
  const contacts = curve.buckets.reduce((sum, bucket) => sum + bucket.contacts, 0);
  const engaged = curve.buckets.reduce((sum, bucket) => sum + bucket.engagedContacts, 0);
  return contacts === 0 ? null : engaged / contacts;
}

/** The Overview's headline numbers, each loading on its own, with the change on the comparison period. */
export function OverviewKpis() {
  const t = useTranslations("overview");
  const tc = useTranslations("common");
  const format = useFormatters();
  const { compare } = useDashboardQuery();
  const overview = usePageMetric<OverviewNumbers>(PAGE_METRICS.overview);
  const saturation = usePageMetric<SaturationCurve>(PAGE_METRICS.saturation);
  const gap = usePageMetric<SendVsWant>(PAGE_METRICS.gap);
  const over = usePageMetric<OverContacted>(PAGE_METRICS.overContacted);
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3 2xl:grid-cols-6">
      <MetricKpi label={t("contacts")} query={overview}>
        {({ result, comparison }) => (
          <KpiTile
            id="contacts"
            label={t("contacts")}
            value={result.contacts}
            display={format.number(result.contacts)}
            previous={previousOf(compare, comparison, (before) => before.contacts)}
            locale={format.locale}
            definition={t("contactsDefinition")}
          />
        )}
      </MetricKpi>
      <MetricKpi label={t("contactedCustomers")} query={overview}>
        {({ result, comparison }) => (
          <KpiTile
            id="contacted-customers"
            label={t("contactedCustomers")}
            value={result.contactedCustomers}
            display={format.number(result.contactedCustomers)}
            previous={previousOf(compare, comparison, (before) => before.contactedCustomers)}
            locale={format.locale}
            definition={t("contactedCustomersDefinition")}
            detail={
              <span
                data-testid="kpi-median-contacts-per-week"
                data-value={result.medianContactsPerWeek ?? ""}
              >
                {t("medianPerWeek", { value: format.number(result.medianContactsPerWeek, 2) })}
              </span>
            }
          />
        )}
      </MetricKpi>
      <MetricKpi label={t("clickRate")} query={saturation}>
        {({ result, comparison }) => {
          const rate = clickRate(result);
          return (
            <KpiTile
              id="click-rate"
              label={t("clickRate")}
              value={rate}
              display={format.percent(rate, 2)}
              previous={previousOf(compare, comparison, clickRate)}
              locale={format.locale}
              definition={t("clickRateDefinition")}
              changeAs="percentPoints"
            />
          );
        }}
      </MetricKpi>
      <MetricKpi label={t("gapIndex")} query={gap}>
        {({ result, comparison }) => (
          <KpiTile
            id="gap-index"
            label={t("gapIndex")}
            value={result.gapIndex}
            display={format.number(result.gapIndex, 1)}
            previous={previousOf(compare, comparison, (before) => before.gapIndex)}
            locale={format.locale}
            definition={t("gapIndexDefinition")}
            changeAs="points"
          />
        )}
      </MetricKpi>
      <MetricKpi label={t("overContactedShare")} query={over}>
        {({ result, comparison }) => {
          return (
            <KpiTile
              id="over-contacted-share"
              label={t("overContactedShare")}
              value={result.share}
              display={format.percent(result.share)}
              previous={previousOf(compare, comparison, (before) => before.share)}
              locale={format.locale}
              definition={t("overContactedShareDefinition", { cap: format.number(result.cap, 1) })}
              detail={t("overContactedCount", {
                count: format.number(result.overContactedCustomers),
                total: format.number(result.contactedCustomers),
              })}
              changeAs="percentPoints"
            />
          );
        }}
      </MetricKpi>
      <MetricKpi label={t("contactsAfterOptOut")} query={overview}>
        {({ result, comparison }) => (
          <KpiTile
            id="contacts-after-opt-out"
            label={t("contactsAfterOptOut")}
            value={result.contactsAfterOptOut.contacts}
            display={format.number(result.contactsAfterOptOut.contacts)}
            previous={previousOf(compare, comparison, (before) => before.contactsAfterOptOut.contacts)}
            locale={format.locale}
            alarm={result.contactsAfterOptOut.contacts > 0}
            detail={tc("customers", { count: result.contactsAfterOptOut.customers })}
            definition={t("contactsAfterOptOutDefinition")}
          />
        )}
      </MetricKpi>
    </div>
  );
}
