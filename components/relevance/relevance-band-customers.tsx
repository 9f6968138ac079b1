"use client";

import { useTranslations } from "next-intl";

import { useFormatters } from "@/components/charts/common/use-formatters";
import { type BarChoice, BarCustomers } from "@/components/metrics/bar-customers";
import { useDashboardQuery } from "@/components/metrics/dashboard-query";
import { formatDateTime } from "@/lib/format";
import type { CustomerList } from "@/lib/metrics/journeys";
import type { RelevanceBandCustomer } from "@/lib/metrics/relevance";

/** The first choice of a relevance tile: the lowest band, where irrelevant sends are. */
export const FIRST_BAND: BarChoice = { value: "0-10", clicks: 0 };

/**
 * The customers behind one relevance band (a bar of the distribution or the calibration): who
 * received its contacts, how many, how many they clicked, their mean score and the latest.
 */
export function RelevanceBandCustomers({
  bands,
  choice,
  onChoose,
}: {
  /** The tile's bars: band id, label as shown, contacts counted. */
  bands: { band: string; label: string; contacts: number }[];
  choice: BarChoice;
  onChoose: (choice: BarChoice) => void;
}) {
  const t = useTranslations("relevance");
  const format = useFormatters();
  const { locale, timeZone } = useDashboardQuery();
  const chosen = bands.find((band) => band.band === choice.value) ?? bands[0];
  return (
    <BarCustomers<CustomerList<RelevanceBandCustomer>, RelevanceBandCustomer>
      hint={t("bandCustomersHint")}
      pickerLabel={t("bandCustomersPicker")}
      options={bands.map((band) => ({ value: band.band, label: band.label }))}
      choice={{ ...choice, value: chosen.band }}
      onChoose={onChoose}
      panel={{
        name: "relevance",
        extra: { band: chosen.band },
        label: t("showBandCustomers", { count: chosen.contacts, band: chosen.label }),
        rowsOf: (list) => list,
        columns: [
          { key: "customerId", header: t("customer"), value: (row) => row.customerId },
          {
            key: "contacts",
            header: t("bandContacts"),
            value: (row) => row.contacts,
            format: (row) => format.number(row.contacts),
            numeric: true,
          },
          {
            key: "engagedContacts",
            header: t("engagedContacts"),
            value: (row) => row.engagedContacts,
            format: (row) => format.number(row.engagedContacts),
            numeric: true,
          },
          {
            key: "meanRelevance",
            header: t("meanRelevance"),
            value: (row) => row.meanRelevance,
            format: (row) => format.number(row.meanRelevance, 1),
            numeric: true,
          },
          {
            key: "lastContactAt",
            header: t("lastContact"),
            value: (row) => row.lastContactAt,
            format: (row) => formatDateTime(new Date(row.lastContactAt), locale, timeZone),
          },
        ],
      }}
    />
  );
}
