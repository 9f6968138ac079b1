"use client";

import { useTranslations } from "next-intl";

import { BigFigure } from "@/components/charts/common/big-figure";
import { ChartCard } from "@/components/charts/common/chart-card";
import { tableSpec } from "@/components/charts/common/table-spec";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { CustomerListPanel } from "@/components/metrics/customer-list-panel";
import { useDashboardQuery } from "@/components/metrics/dashboard-query";
import { useMetric } from "@/components/metrics/use-metric";
import { formatDateTime } from "@/lib/format";
import type { StatedVsActual, StatedVsActualCustomerList } from "@/lib/metrics/relevance";

/** What customers said they want (topics, a weekly maximum) against what they were sent. */
export function StatedVsActualTile() {
  const t = useTranslations("frequency");
  const tl = useTranslations("customers");
  const format = useFormatters();
  const { locale, timeZone } = useDashboardQuery();
  const query = useMetric<StatedVsActual>("stated-vs-actual");
  return (
    <ChartCard
      id="stated-vs-actual"
      title={t("statedTitle")}
      description={t("statedDescription")}
      query={query}
      skeletonHeight="h-24"
      table={({ result }) =>
        tableSpec(
          [
            {
              figure: t("offPreference"),
              count: result.offPreferenceContacts,
              total: result.contactsWithStatedTopics,
              share: result.offPreferenceShare,
            },
            {
              figure: t("exceeding"),
              count: result.customersExceeding,
              total: result.customersWithStatedMax,
              share: result.exceedingShare,
            },
          ],
          [
            { key: "figure", header: t("figure"), value: (row) => row.figure },
            {
              key: "count",
              header: t("value"),
              value: (row) => row.count,
              format: (row) => format.number(row.count),
              numeric: true,
            },
            {
              key: "total",
              header: t("customers"),
              value: (row) => row.total,
              format: (row) => format.number(row.total),
              numeric: true,
            },
            {
              key: "share",
              header: t("share"),
              value: (row) => row.share,
              format: (row) => format.percent(row.share),
              numeric: true,
            },
          ],
        )
      }
    >
      {({ result }) => (
        <>
          <div className="grid gap-6 sm:grid-cols-2">
            <div>
              <h3 className="text-sm font-medium text-slate-700">{t("offPreference")}</h3>
              <BigFigure
                testId="off-preference-share"
                rawValue={result.offPreferenceContacts}
                value={format.percent(result.offPreferenceShare)}
                caption={t("offPreferenceOf", {
                  count: format.number(result.offPreferenceContacts),
                  total: format.number(result.contactsWithStatedTopics),
                })}
              />
            </div>
            <div>
              <h3 className="text-sm font-medium text-slate-700">{t("exceeding")}</h3>
              <BigFigure
                testId="exceeding-share"
                rawValue={result.customersExceeding}
                value={format.percent(result.exceedingShare)}
                caption={t("exceedingOf", {
                  count: format.number(result.customersExceeding),
                  total: format.number(result.customersWithStatedMax),
                })}
              />
            </div>
          </div>
          {result.customersExceeding > 0 ? (
            <CustomerListPanel<StatedVsActualCustomerList, StatedVsActualCustomerList["customers"][number]>
              name="stated-vs-actual"
              label={tl("showExceeding", { count: result.customersExceeding })}
              rowsOf={(list) => ({ total: list.total, rows: list.customers })}
              columns={[
                { key: "customerId", header: tl("customerId"), value: (row) => row.customerId },
                {
                  key: "perWeek",
                  header: tl("perWeek"),
                  value: (row) => row.contactsPerWeek,
                  format: (row) => format.number(row.contactsPerWeek, 1),
                  numeric: true,
                },
                {
                  key: "statedMax",
                  header: tl("statedMax"),
                  value: (row) => row.statedMaxPerWeek,
                  format: (row) => format.number(row.statedMaxPerWeek),
                  numeric: true,
                },
                {
                  key: "lastContact",
                  header: tl("lastContact"),
                  value: (row) => row.lastContactAt,
                  format: (row) => formatDateTime(new Date(row.lastContactAt), locale, timeZone),
                },
              ]}
            />
          ) : null}
        </>
      )}
    </ChartCard>
  );
}
