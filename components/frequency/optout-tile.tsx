"use client";

import { useTranslations } from "next-intl";

import { BigFigure } from "@/components/charts/common/big-figure";
import { ChartCard } from "@/components/charts/common/chart-card";
import { LazyBarChart } from "@/components/charts/common/lazy-chart";
import { CHART_ALERT } from "@/components/charts/common/palette";
import { tableSpec } from "@/components/charts/common/table-spec";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { CustomerListPanel } from "@/components/metrics/customer-list-panel";
import { useDashboardQuery } from "@/components/metrics/dashboard-query";
import { useChannelLabel } from "@/components/metrics/use-channel-label";
import { useMetric } from "@/components/metrics/use-metric";
import { formatDateTime } from "@/lib/format";
import type { ContactsAfterOptOut, ContactsAfterOptOutList } from "@/lib/metrics/frequency";

interface Row {
  group: string;
  name: string;
  contacts: number;
  customers: number | null;
}

/** Contacts after opt-out: how many, to whom, on which channel and campaign, how long after. */
export function OptOutTile() {
  const t = useTranslations("frequency");
  const tc = useTranslations("common");
  const format = useFormatters();
  const tl = useTranslations("customers");
  const channelLabel = useChannelLabel();
  const { locale, timeZone } = useDashboardQuery();
  const when = (iso: string) => formatDateTime(new Date(iso), locale, timeZone);
  const query = useMetric<ContactsAfterOptOut>("optout");
  const delayLabel = (bin: string) => t(`delay${bin}` as "delay0-1");
  const rowsOf = (result: ContactsAfterOptOut): Row[] => [
    ...result.byChannel.map((row) => ({
      group: t("byChannel"),
      name: channelLabel(row.channel),
      contacts: row.contacts,
      customers: row.customers,
    })),
    ...result.byCampaign.map((row) => ({
      group: t("byCampaign"),
      name: row.campaignId ?? t("noCampaign"),
      contacts: row.contacts,
      customers: row.customers,
    })),
    ...result.delay.bins.map((row) => ({
      group: t("delay"),
      name: delayLabel(row.bin),
      contacts: row.contacts,
      customers: null,
    })),
  ];
  return (
    <ChartCard
      id="optout"
      title={t("optoutTitle")}
      description={t("optoutDescription")}
      query={query}
      table={(data) =>
        tableSpec(rowsOf(data.result), [
          { key: "group", header: t("figure"), value: (row) => row.group },
          { key: "name", header: t("value"), value: (row) => row.name },
          {
            key: "contacts",
            header: t("contacts"),
            value: (row) => row.contacts,
            format: (row) => format.number(row.contacts),
            numeric: true,
          },
          {
            key: "customers",
            header: t("customers"),
            value: (row) => row.customers,
            format: (row) => format.number(row.customers),
            numeric: true,
          },
        ])
      }
    >
      {({ result }) => (
        <div className="space-y-4">
          <BigFigure
            testId="optout-contacts"
            rawValue={result.contacts}
            alarm={result.contacts > 0}
            value={format.number(result.contacts)}
            caption={
              result.contacts > 0
                ? t("optoutSummary", {
                    contacts: tc("contacts", { count: result.contacts }),
                    customers: tc("customers", { count: result.customers }),
                  })
                : t("optoutNone")
            }
          />
          {result.contacts > 0 ? (
            <>
              <div className="grid gap-4 sm:grid-cols-2">
                <Breakdown
                  title={t("byChannel")}
                  rows={result.byChannel.map((row) => [channelLabel(row.channel), row.contacts])}
                  format={format.number}
                />
                <Breakdown
                  title={t("byCampaign")}
                  rows={result.byCampaign.map((row) => [row.campaignId ?? t("noCampaign"), row.contacts])}
                  format={format.number}
                />
              </div>
              <div>
                <h3 className="text-sm font-medium text-slate-700">{t("delay")}</h3>
                <p className="text-xs text-slate-600">
                  {t("medianDelay", {
                    days: format.number(result.delay.medianDays, 0),
                    max: format.number(result.delay.maxDays, 0),
                  })}
                </p>
                <LazyBarChart
                  data={result.delay.bins.map((row) => ({
                    key: row.bin,
                    label: delayLabel(row.bin),
                    value: row.contacts,
                  }))}
                  name={t("contacts")}
                  format={(value) => format.number(value)}
                  height={160}
                  color={CHART_ALERT}
                />
              </div>
              <CustomerListPanel<ContactsAfterOptOutList, ContactsAfterOptOutList["rows"][number]>
                name="optout"
                label={tl("showOptOut", { count: result.contacts })}
                rowsOf={(list) => list}
                columns={[
                  { key: "customerId", header: tl("customerId"), value: (row) => row.customerId },
                  {
                    key: "sentAt",
                    header: tl("sentAt"),
                    value: (row) => row.sentAt,
                    format: (row) => when(row.sentAt),
                  },
                  { key: "channel", header: tl("channel"), value: (row) => channelLabel(row.channel) },
                  { key: "campaign", header: tl("campaign"), value: (row) => row.campaignId },
                  {
                    key: "optedOutAt",
                    header: tl("optedOutAt"),
                    value: (row) => row.optedOutAt,
                    format: (row) => when(row.optedOutAt),
                  },
                  {
                    key: "delayDays",
                    header: tl("delayDays"),
                    value: (row) => row.delayDays,
                    format: (row) => format.number(row.delayDays, 1),
                    numeric: true,
                  },
                ]}
              />
            </>
          ) : null}
        </div>
      )}
    </ChartCard>
  );
}

/** A short ranked list: name and contacts. */
function Breakdown({
  title,
  rows,
  format,
}: {
  title: string;
  rows: [string, number][];
  format: (value: number) => string;
}) {
  return (
    <div>
      <h3 className="text-sm font-medium text-slate-700">{title}</h3>
      <ul className="mt-1 space-y-0.5 text-sm">
        {rows.slice(0, 6).map(([name, contacts]) => (
          <li key={name} className="flex justify-between gap-3">
            <span className="truncate">{name}</span>
            <span className="tabular-nums">{format(contacts)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
