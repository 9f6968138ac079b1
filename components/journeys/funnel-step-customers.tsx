"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";

import { CustomerListPanel } from "@/components/metrics/customer-list-panel";
import { useDashboardQuery } from "@/components/metrics/dashboard-query";
import { formatDateTime } from "@/lib/format";
import type { CustomerList, FunnelCustomer, FunnelResult, FunnelStep } from "@/lib/metrics/journeys";

import { useFunnelStepLabel } from "./use-journey-labels";

/** Which step's customers are listed, and whether a bar click asked for them (opens the list). */
export interface StepChoice {
  step: number;
  /** Bumped by each bar click, so the list opens again for the same step. */
  clicks: number;
}

/** The customers who reached one step of the funnel: a step picker and their list, page by page. */
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
  choice: StepChoice;
  onChoose: (choice: StepChoice) => void;
}) {
  const t = useTranslations("journeys");
  const { canViewCustomers, locale, timeZone } = useDashboardQuery();
  const stepLabel = useFunnelStepLabel();
  const pickerId = useId();
  if (!canViewCustomers) return null;
  const step = Math.min(choice.step, result.steps.length);
  const count = result.steps[step - 1]?.customers ?? 0;
  const instant = (iso: string) => formatDateTime(new Date(iso), locale, timeZone);
  return (
    <div className="mt-1">
      <p className="text-xs text-slate-600">{t("stepCustomersHint")}</p>
      <div className="mt-2 flex items-center gap-2">
        <label htmlFor={pickerId} className="text-sm text-slate-700">
          {t("stepCustomersPicker")}
        </label>
        <select
          id={pickerId}
          value={step}
          onChange={(event) => onChoose({ step: Number(event.target.value), clicks: choice.clicks })}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        >
          {result.steps.map((row) => (
            <option key={row.step} value={row.step}>
              {`${row.step}. ${stepLabel(row.definition).name}`}
            </option>
          ))}
        </select>
      </div>
      <CustomerListPanel<CustomerList<FunnelCustomer>, FunnelCustomer>
        key={`${step}-${choice.clicks}`}
        name="funnel"
        extra={{
          steps: JSON.stringify(steps),
          conversionWindowDays: String(conversionDays),
          step: String(step),
        }}
        label={t("showStepCustomers", { count, step })}
        defaultOpen={choice.clicks > 0}
        rowsOf={(list) => list}
        columns={[
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
        ]}
      />
    </div>
  );
}
