"use client";

import { useTranslations } from "next-intl";

import { BigFigure } from "@/components/charts/common/big-figure";
import { ChartCard } from "@/components/charts/common/chart-card";
import { figureTable } from "@/components/charts/common/table-spec";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { CustomerListPanel } from "@/components/metrics/customer-list-panel";
import { useMetric } from "@/components/metrics/use-metric";
import type { SilentCustomerList, SilentCustomers } from "@/lib/metrics/frequency";

/** Customers contacted often who never responded in any way. */
export function SilentTile() {
  const t = useTranslations("frequency");
  const tl = useTranslations("customers");
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
        figureTable(
          [
            {
              figure: t("silentTitle"),
              value: data.result.silentCustomers,
              shown: format.number(data.result.silentCustomers),
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
        <>
          <BigFigure
            testId="silent-customers"
            rawValue={data.result.silentCustomers}
            value={format.number(data.result.silentCustomers)}
            caption={t("overContactedOf", {
              count: format.percent(data.result.share),
              total: format.number(data.result.contactedCustomers),
            })}
          />
          {data.result.silentCustomers > 0 ? (
            <CustomerListPanel<SilentCustomerList, SilentCustomerList["rows"][number]>
              name="silent"
              label={tl("showSilent", { count: data.result.silentCustomers })}
              rowsOf={(list) => list}
              columns={[
                { key: "customerId", header: tl("customerId"), value: (row) => row.customerId },
                {
                  key: "contacts",
                  header: tl("contacts"),
                  value: (row) => row.contacts,
                  format: (row) => format.number(row.contacts),
                  numeric: true,
                },
                {
                  key: "perWeek",
                  header: tl("perWeek"),
                  value: (row) => row.perWeek,
                  format: (row) => format.number(row.perWeek, 1),
                  numeric: true,
                },
              ]}
            />
          ) : null}
        </>
      )}
    </ChartCard>
  );
}
