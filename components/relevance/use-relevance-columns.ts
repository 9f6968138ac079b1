"use client";

import { useTranslations } from "next-intl";

import type { TableColumn } from "@/components/charts/common/table-spec";
import { useFormatters } from "@/components/charts/common/use-formatters";
import type { RelevanceRow } from "@/lib/metrics/relevance";

/** The figure columns of a per-campaign or per-topic relevance table, each rate beside its counts. */
export function useRelevanceColumns<Row extends RelevanceRow>(): TableColumn<Row>[] {
  const t = useTranslations("relevance");
  const format = useFormatters();
  const count = (
    key: "contacts" | "scoredContacts" | "irrelevantContacts" | "engagedContacts",
  ): TableColumn<Row> => ({
    key,
    header: t(key),
    value: (row) => row[key],
    format: (row) => format.number(row[key]),
    numeric: true,
  });
  const share = (key: "coverage" | "irrelevantShare" | "clickRate"): TableColumn<Row> => ({
    key,
    header: t(key),
    value: (row) => row[key],
    format: (row) => format.percent(row[key]),
    numeric: true,
  });
  return [
    count("contacts"),
    count("scoredContacts"),
    share("coverage"),
    {
      key: "meanRelevance",
      header: t("meanRelevance"),
      value: (row) => row.meanRelevance,
      format: (row) => format.number(row.meanRelevance, 1),
      numeric: true,
    },
    count("irrelevantContacts"),
    share("irrelevantShare"),
    count("engagedContacts"),
    share("clickRate"),
  ];
}
