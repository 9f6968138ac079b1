"use client";

import { useTranslations } from "next-intl";

import { BigFigure } from "@/components/charts/common/big-figure";
import { ChartCard } from "@/components/charts/common/chart-card";
import { tableSpec } from "@/components/charts/common/table-spec";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { useMetric } from "@/components/metrics/use-metric";
import type { SilentCustomers } from "@/lib/metrics/frequency";

/** Customers contacted often who never responded in any way. */
export function SilentTile() {
  const t = useTranslations("frequency");
  const format = useFormatters();
  const query = useMetric<SilentCustomers>("silent");
  return (
    <ChartCard
      id="silent"
      title={t("silentTitle")}
      description={t("silentDescription")}
      query={query}
      skeletonHeight="h-20"
      table={(data) =>
        tableSpec(
          [
            { figure: t("silentTitle"), value: data.result.silentCustomers },
            { figure: t("customers"), value: data.result.contactedCustomers },
            { figure: t("share"), value: data.result.share },
          ],
          [
            { key: "figure", header: t("figure"), value: (row) => row.figure },
            { key: "value", header: t("value"), value: (row) => row.value, numeric: true },
          ],
        )
      }
    >
      {(data) => (
        <BigFigure
          testId="silent-customers"
          rawValue={data.result.silentCustomers}
          value={format.number(data.result.silentCustomers)}
          caption={t("overContactedOf", {
            count: format.percent(data.result.share),
            total: format.number(data.result.contactedCustomers),
          })}
        />
      )}
    </ChartCard>
  );
}
