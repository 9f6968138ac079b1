"use client";

import { useTranslations } from "next-intl";

import { BigFigure } from "@/components/charts/common/big-figure";
import { ChartCard } from "@/components/charts/common/chart-card";
import { tableSpec } from "@/components/charts/common/table-spec";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { useMetric } from "@/components/metrics/use-metric";
import { WELCOME_DAYS } from "@/lib/metrics/journey-limits";
import type { LifecycleChecks } from "@/lib/metrics/journeys";

import { NotLetGoList, NotWelcomedList } from "./lifecycle-lists";

/** Lifecycle checks: new customers never welcomed, opted-out customers still sent promotions — with who they are. */
export function LifecycleTile() {
  const t = useTranslations("journeys");
  const format = useFormatters();
  const query = useMetric<LifecycleChecks>("lifecycle", {}, { withComparison: true });
  return (
    <ChartCard
      id="lifecycle"
      title={t("lifecycleTitle")}
      description={t("lifecycleDescription", { days: WELCOME_DAYS })}
      query={query}
      skeletonHeight="h-28"
      table={(data) => {
        const { notWelcomed, notLetGo } = data.result;
        return tableSpec(
          [
            {
              check: t("notWelcomed"),
              customers: notWelcomed.customers,
              base: notWelcomed.newCustomers,
              share: notWelcomed.share,
              contacts: null,
            },
            {
              check: t("notLetGo"),
              customers: notLetGo.customers,
              base: null,
              share: null,
              contacts: notLetGo.contacts,
            },
          ],
          [
            { key: "check", header: t("check"), value: (row) => row.check },
            {
              key: "customers",
              header: t("customers"),
              value: (row) => row.customers,
              format: (row) => format.number(row.customers),
              numeric: true,
            },
            {
              key: "base",
              header: t("newCustomers"),
              value: (row) => row.base,
              format: (row) => format.number(row.base),
              numeric: true,
            },
            {
              key: "share",
              header: t("share"),
              value: (row) => row.share,
              format: (row) => format.percent(row.share),
              numeric: true,
            },
            {
              key: "contacts",
              header: t("promotionalContacts"),
              value: (row) => row.contacts,
              format: (row) => format.number(row.contacts),
              numeric: true,
            },
          ],
        );
      }}
      footer={(data) => (
        // Outside the chart/table switch, full width: the lists stay at hand in both views.
        <>
          {data.result.notWelcomed.customers > 0 ? (
            <NotWelcomedList count={data.result.notWelcomed.customers} />
          ) : null}
          {data.result.notLetGo.customers > 0 ? (
            <NotLetGoList count={data.result.notLetGo.customers} />
          ) : null}
        </>
      )}
    >
      {(data) => {
        const { notWelcomed, notLetGo } = data.result;
        return (
          <div className="grid gap-6 md:grid-cols-2">
            <div>
              <h3 className="text-sm font-medium text-slate-800">{t("notWelcomed")}</h3>
              <BigFigure
                testId="lifecycle-not-welcomed"
                rawValue={notWelcomed.customers}
                value={format.number(notWelcomed.customers)}
                alarm={notWelcomed.customers > 0}
                caption={
                  notWelcomed.newCustomers === 0
                    ? t("noNewCustomers")
                    : t("notWelcomedOf", {
                        share: format.percent(notWelcomed.share),
                        count: notWelcomed.newCustomers,
                        formatted: format.number(notWelcomed.newCustomers),
                        days: WELCOME_DAYS,
                      })
                }
              />
              <Compared value={data.comparison?.notWelcomed.customers} />
            </div>
            <div>
              <h3 className="text-sm font-medium text-slate-800">{t("notLetGo")}</h3>
              <BigFigure
                testId="lifecycle-not-let-go"
                rawValue={notLetGo.customers}
                value={format.number(notLetGo.customers)}
                alarm={notLetGo.customers > 0}
                caption={t("notLetGoOf", {
                  count: notLetGo.contacts,
                  formatted: format.number(notLetGo.contacts),
                })}
              />
              <Compared value={data.comparison?.notLetGo.customers} />
            </div>
          </div>
        );
      }}
    </ChartCard>
  );
}

/** The same count in the compared period, when the dashboard compares. */
function Compared({ value }: { value: number | undefined }) {
  const t = useTranslations("journeys");
  const format = useFormatters();
  if (value === undefined) return null;
  return <p className="mt-1 text-xs text-slate-600">{t("comparedValue", { value: format.number(value) })}</p>;
}
