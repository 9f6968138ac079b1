"use client";

import { useId } from "react";

import { type CustomerListPanelProps, CustomerListPanel } from "./customer-list-panel";
import { useDashboardQuery } from "./dashboard-query";

/** Which bar's customers are listed, and whether a bar click asked for them (opens the list). */
export interface BarChoice {
  value: string;
  /** Bumped by each bar click, so the list opens again for the same bar. */
  clicks: number;
}

/** The next choice after a click on the bar `value`. */
export const clickedBar = (choice: BarChoice, value: string): BarChoice => ({
  value,
  clicks: choice.clicks + 1,
});

/**
 * The customers behind one bar of a chart: a hint, a picker of the bars (the keyboard's way to
 * the same lists a click opens) and their list, page by page. Nothing for roles that may not
 * see customers.
 */
export function BarCustomers<List, Row>({
  hint,
  pickerLabel,
  options,
  choice,
  onChoose,
  panel,
}: {
  hint: string;
  pickerLabel: string;
  options: { value: string; label: string }[];
  choice: BarChoice;
  onChoose: (choice: BarChoice) => void;
  /** The list of the chosen bar. */
  panel: Omit<CustomerListPanelProps<List, Row>, "defaultOpen">;
}) {
  const { canViewCustomers } = useDashboardQuery();
  const pickerId = useId();
  if (!canViewCustomers) return null;
  return (
    <div className="mt-1">
      <p className="text-xs text-slate-600">{hint}</p>
      <div className="mt-2 flex items-center gap-2">
        <label htmlFor={pickerId} className="text-sm text-slate-700">
          {pickerLabel}
        </label>
        <select
          id={pickerId}
          value={choice.value}
          onChange={(event) => onChoose({ value: event.target.value, clicks: choice.clicks })}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <CustomerListPanel<List, Row>
        key={`${choice.value}-${choice.clicks}`}
        {...panel}
        defaultOpen={choice.clicks > 0}
      />
    </div>
  );
}
