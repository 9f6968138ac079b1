"use client";

import { useTranslations } from "next-intl";

import { type BarChoice, BarCustomers } from "@/components/metrics/bar-customers";
import { useDashboardQuery } from "@/components/metrics/dashboard-query";
import { formatDateTime } from "@/lib/format";
import type { CustomerList, FunnelCustomer, FunnelResult, FunnelStep } from "@/lib/metrics/journeys";

import { useFunnelStepLabel } from "./use-journey-labels";

/** The customers who reached one step of the funnel (the choice's value is the step number). */
export function FunnelStepCustomers({
  result,
  steps,
  conversionDays,
  choice,
  onChoose,
}: {
  result: FunnelResult;
  steps: FunnelStep[];
  conversionDays: number;
  choice: BarChoice;
  onChoose: (choice: BarChoice) => void;
}) {
  const t = useTranslations("journeys");
  const { locale, timeZone } = useDashboardQuery();
  const stepLabel = useFunnelStepLabel();
  const step = Math.min(Number(choice.value), result.steps.length);
  const count = result.steps[step - 1]?.customers ?? 0;
  const instant = (iso: string) => formatDateTime(new Date(iso), locale, timeZone);
  return (
    <BarCustomers<CustomerList<FunnelCustomer>, FunnelCustomer>
      hint={t("stepCustomersHint")}
      pickerLabel={t("stepCustomersPicker")}
      options={result.steps.map((row) => ({
        value: String(row.step),
        label: `${row.step}. ${stepLabel(row.definition).name}`,
      }))}
      choice={{ ...choice, value: String(step) }}
      onChoose={onChoose}
      panel={{
        name: "funnel",
        extra: {
          steps: JSON.stringify(steps),
          conversionWindowDays: String(conversionDays),
          step: String(step),
        },
        label: t("showStepCustomers", { count, step }),
        rowsOf: (list) => list,
        columns: [
          { key: "customerId", header: t("customerId"), value: (row) => row.customerId },
          {
            key: "enteredAt",
            header: t("enteredAt"),
            value: (row) => row.enteredAt,
            format: (row) => instant(row.enteredAt),
          },
          {
            key: "reachedAt",
            header: t("reachedAt", { step }),
            value: (row) => row.reachedAt,
            format: (row) => instant(row.reachedAt),
          },
        ],
      }}
    />
  );
}
