"use client";

import { useTranslations } from "next-intl";

import { ChartCard } from "@/components/charts/common/chart-card";
import { lazyChart } from "@/components/charts/common/lazy-chart";
import type { TableColumn } from "@/components/charts/common/table-spec";
import { tableSpec } from "@/components/charts/common/table-spec";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { bucketLabel } from "@/components/frequency/bucket-label";
import { usePageMetric } from "@/components/metrics/use-metric";
import type { LoyaltyByPressure, PressureBucketLoyalty } from "@/lib/metrics/loyalty";
import { PAGE_METRICS } from "@/lib/metrics/page-metrics";

const PressureChart = lazyChart(() => import("./pressure-chart").then((module) => module.PressureChart));

type Row = PressureBucketLoyalty;

/** Loyalty of the customers in each contacts-per-week bucket of the last 28 days. */
export function LoyaltyPressureTile({ className }: { className?: string }) {
  const t = useTranslations("loyalty");
  const format = useFormatters();
  const query = usePageMetric<LoyaltyByPressure>(PAGE_METRICS.loyaltyPressure);
  const count = (key: keyof Row & string, header: string): TableColumn<Row> => ({
    key,
    header,
    value: (row) => row[key] as number,
    format: (row) => format.number(row[key] as number),
    numeric: true,
  });
  const rate = (key: keyof Row & string, header: string): TableColumn<Row> => ({
    key,
    header,
    value: (row) => row[key] as number | null,
    format: (row) => format.percent(row[key] as number | null),
    numeric: true,
  });
  return (
    <ChartCard
      id="loyalty-pressure"
      title={t("pressureTitle")}
      description={t("pressureDescription")}
      query={query}
      isEmpty={(data) => data.result.buckets.every((bucket) => bucket.customers === 0)}
      skeletonHeight="h-80"
      className={className}
      table={(data) =>
        tableSpec(data.result.buckets, [
          { key: "bucket", header: t("bucket"), value: (row) => bucketLabel(row.bucket) },
          count("customers", t("customers")),
          count("purchasers", t("purchasers")),
          count("repeatPurchasers", t("repeatPurchasers")),
          rate("repeatPurchaseRate", t("repeatShort")),
          count("repeatCustomers", t("repeatCustomers")),
          count("atRiskCustomers", t("atRiskCustomers")),
          rate("atRiskShare", t("atRiskShort")),
          count("unsubscribedCustomers", t("unsubscribedCustomers")),
          rate("unsubscribeShare", t("unsubscribedShort")),
        ])
      }
      footer={() => <p className="text-xs text-slate-600">{t("pressureNote")}</p>}
    >
      {({ result }) => <PressureChart buckets={result.buckets} />}
    </ChartCard>
  );
}
