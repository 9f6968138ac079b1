"use client";

import { useTranslations } from "next-intl";
import { useQueryStates } from "nuqs";

import { dashboardParsers, RANGE_PRESETS, type RangePreset } from "@/lib/url-state/dashboard-params";

const PRESET_KEYS = {
  "7d": "preset7d",
  "28d": "preset28d",
  "90d": "preset90d",
  "365d": "preset365d",
} as const satisfies Record<RangePreset, string>;

/** Date range control; its state lives in the URL (?range= or ?from=&to=) so views are shareable. */
export function DateRangePicker() {
  const t = useTranslations("filters");
  const [params, setParams] = useQueryStates(dashboardParsers, { shallow: false, history: "push" });
  const custom = Boolean(params.from && params.to);
  const value = custom ? "custom" : (params.range ?? "28d");
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <label className="flex items-center gap-2">
        <span className="text-slate-600">{t("dateRange")}</span>
        <select
          value={value}
          onChange={(event) => {
            const next = event.target.value;
            if (next === "custom") {
              void setParams({ range: null, from: params.from ?? null, to: params.to ?? null });
            } else {
              void setParams({ range: next as RangePreset, from: null, to: null });
            }
          }}
          className="rounded-lg border border-slate-300 bg-white px-2 py-1.5"
        >
          {RANGE_PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {t(PRESET_KEYS[preset])}
            </option>
          ))}
          <option value="custom">{t("custom")}</option>
        </select>
      </label>
      {value === "custom" || params.from || params.to ? (
        <>
          <label className="flex items-center gap-1">
            <span className="sr-only">{t("from")}</span>
            <input
              type="date"
              value={params.from ?? ""}
              onChange={(event) => void setParams({ from: event.target.value || null, range: null })}
              className="rounded-lg border border-slate-300 px-2 py-1"
            />
          </label>
          <span aria-hidden>–</span>
          <label className="flex items-center gap-1">
            <span className="sr-only">{t("to")}</span>
            <input
              type="date"
              value={params.to ?? ""}
              onChange={(event) => void setParams({ to: event.target.value || null, range: null })}
              className="rounded-lg border border-slate-300 px-2 py-1"
            />
          </label>
        </>
      ) : null}
    </div>
  );
}
