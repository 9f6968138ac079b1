"use client";

import { useTranslations } from "next-intl";
import { useQueryStates } from "nuqs";

import { type CompareMode, dashboardParsers } from "@/lib/url-state/dashboard-params";

const LABELS = { previous: "comparePrevious", year: "compareYear", none: "compareNone" } as const;

/** The comparison period (?compare=), shown as the change on headline numbers. */
export function ComparePicker() {
  const t = useTranslations("filters");
  const [{ compare }, setParams] = useQueryStates(dashboardParsers, { shallow: false, history: "push" });
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-slate-600">{t("compare")}</span>
      <select
        value={compare ?? "previous"}
        onChange={(event) => {
          const next = event.target.value as CompareMode;
          void setParams({ compare: next === "previous" ? null : next });
        }}
        className="rounded-lg border border-slate-300 bg-white px-2 py-1.5"
      >
        {(Object.keys(LABELS) as CompareMode[]).map((mode) => (
          <option key={mode} value={mode}>
            {t(LABELS[mode])}
          </option>
        ))}
      </select>
    </label>
  );
}
