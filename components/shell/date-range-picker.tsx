"use client";

import { useTranslations } from "next-intl";
import { useQueryStates } from "nuqs";
import { useState } from "react";

import { windowDates } from "@/lib/date-window";
import { dashboardParsers, RANGE_PRESETS, type RangePreset } from "@/lib/url-state/dashboard-params";

const PRESET_KEYS = {
  "7d": "preset7d",
  "28d": "preset28d",
  "90d": "preset90d",
  "365d": "preset365d",
} as const satisfies Record<RangePreset, string>;

/**
 * Date range control; its state lives in the URL (?range= or ?from=&to=) so views are shareable.
 * Choosing "Custom" pins the window on screen as explicit dates, which the date fields then
 * change one end at a time; the URL only ever holds a whole, ordered pair.
 */
export function DateRangePicker({ anchorDate }: { anchorDate: string }) {
  const t = useTranslations("filters");
  const [params, setParams] = useQueryStates(dashboardParsers, { shallow: false, history: "push" });
  const shown = windowDates(params, anchorDate);
  const custom = shown.preset === null;
  // A date field may be cleared or half typed; until it is whole again the URL keeps the last pair.
  const [draft, setDraft] = useState<{ from?: string; to?: string }>({});
  const setEnd = (end: "from" | "to", value: string) => {
    setDraft((current) => ({ ...current, [end]: value }));
    const next = { from: shown.fromDate, to: shown.toDate, [end]: value };
    if (value && next.from <= next.to) {
      setDraft({});
      void setParams({ range: null, from: next.from, to: next.to });
    }
  };
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <label className="flex items-center gap-2">
        <span className="text-slate-600">{t("dateRange")}</span>
        <select
          value={custom ? "custom" : shown.preset!}
          onChange={(event) => {
            const next = event.target.value;
            setDraft({});
            if (next === "custom") {
              void setParams({ range: null, from: shown.fromDate, to: shown.toDate });
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
      {custom ? (
        <>
          <label className="flex items-center gap-1">
            <span className="sr-only">{t("from")}</span>
            <input
              type="date"
              value={draft.from ?? shown.fromDate}
              max={shown.toDate}
              onChange={(event) => setEnd("from", event.target.value)}
              className="rounded-lg border border-slate-300 px-2 py-1"
            />
          </label>
          <span aria-hidden>–</span>
          <label className="flex items-center gap-1">
            <span className="sr-only">{t("to")}</span>
            <input
              type="date"
              value={draft.to ?? shown.toDate}
              min={shown.fromDate}
              onChange={(event) => setEnd("to", event.target.value)}
              className="rounded-lg border border-slate-300 px-2 py-1"
            />
          </label>
        </>
      ) : null}
    </div>
  );
}
