"use client";

import { useTranslations } from "next-intl";

import { BigFigure } from "@/components/charts/common/big-figure";
import { ChartCard } from "@/components/charts/common/chart-card";
import { figureTable } from "@/components/charts/common/table-spec";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { useMetric } from "@/components/metrics/use-metric";
import type { OverContacted } from "@/lib/metrics/frequency";

/** The share of contacted customers above the weekly frequency cap. */
export function OverContactedTile() {
  const t = useTranslations("frequency");
  const format = useFormatters();
  const query = useMetric<OverContacted>("over-contacted");
  return (
    <ChartCard
      id="over-contacted"
      title={t("overContactedTitle")}
      description={
        query.data ? t("overContactedDescription", { cap: format.number(query.data.result.cap, 1) }) : null
      }
      query={query}
      skeletonHeight="h-20"
      table={(data) =>
        figureTable(
          [
            {
              figure: t("overContactedTitle"),
              value: data.result.overContactedCustomers,
              shown: format.number(data.result.overContactedCustomers),
            },
            {
              figure: t("customers"),
              value: data.result.contactedCustomers,
              shown: format.number(data.result.contactedCustomers),
            },
            { figure: t("share"), value: data.result.share, shown: format.percent(data.result.share) },
          ],
          { figure: t("figure"), value: t("value") },
        )
      }
    >
      {(data) => (
        <BigFigure
          testId="over-contacted-share"
          rawValue={data.result.overContactedCustomers}
          value={format.percent(data.result.share)}
          caption={t("overContactedOf", {
            count: format.number(data.result.overContactedCustomers),
            total: format.number(data.result.contactedCustomers),
          })}
        />
      )}
    </ChartCard>
  );
}
