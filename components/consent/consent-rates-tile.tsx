"use client";

import { useTranslations } from "next-intl";

import { ChartCard } from "@/components/charts/common/chart-card";
import { lazyChart } from "@/components/charts/common/lazy-chart";
import { tableSpec } from "@/components/charts/common/table-spec";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { useChannelLabel } from "@/components/metrics/use-channel-label";

import { useConsentRates } from "./use-consent-rates";

const ConsentRatesChart = lazyChart(() =>
  import("./consent-rates-chart").then((module) => module.ConsentRatesChart),
);

/** Consent rates per channel over the page's weeks, with the grants and opt-outs behind them. */
export function ConsentRatesTile() {
  const t = useTranslations("consent.rates");
  const format = useFormatters();
  const channelLabel = useChannelLabel();
  const query = useConsentRates();
  const count = (value: number) => format.number(value);
  return (
    <ChartCard
      id="consent-rates"
      title={t("title")}
      description={t("description")}
      query={query}
      isEmpty={(data) => data.result.points.every((point) => point.customers === 0)}
      skeletonHeight="h-72"
      table={(data) =>
        tableSpec(data.result.points, [
          { key: "week", header: t("week"), value: (row) => row.week },
          { key: "weekStart", header: t("weekStart"), value: (row) => row.weekStart },
          {
            key: "channel",
            header: t("channel"),
            value: (row) => row.channel,
            format: (row) => channelLabel(row.channel),
          },
          {
            key: "rate",
            header: t("rate"),
            value: (row) => row.rate,
            format: (row) => format.percent(row.rate),
            numeric: true,
          },
          {
            key: "granted",
            header: t("granted"),
            value: (row) => row.granted,
            format: (row) => count(row.granted),
            numeric: true,
          },
          {
            key: "customers",
            header: t("customers"),
            value: (row) => row.customers,
            format: (row) => count(row.customers),
            numeric: true,
          },
          {
            key: "grants",
            header: t("grants"),
            value: (row) => row.grants,
            format: (row) => count(row.grants),
            numeric: true,
          },
          {
            key: "withdrawals",
            header: t("withdrawals"),
            value: (row) => row.withdrawals,
            format: (row) => count(row.withdrawals),
            numeric: true,
          },
          {
            key: "unsubscribes",
            header: t("unsubscribes"),
            value: (row) => row.unsubscribes,
            format: (row) => count(row.unsubscribes),
            numeric: true,
          },
          {
            key: "complaints",
            header: t("complaints"),
            value: (row) => row.complaints,
            format: (row) => count(row.complaints),
            numeric: true,
          },
        ])
      }
    >
      {({ result }) => <ConsentRatesChart rates={result} />}
    </ChartCard>
  );
}
