"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { useDashboardQuery } from "@/components/metrics/dashboard-query";
import { formatCalendarDate } from "@/lib/format";
import type { SavedSegment } from "@/lib/schemas/segment";

import { type CompareChoice, type CompareOption, compareOptions } from "./compare-choices";
import { ComparedFigures } from "./compared-figures";
import { SELECT } from "./field-error";

/**
 * Two segments side by side on the key figures of contact pressure, relevance and loyalty. The
 * figures load once both sides are chosen (twelve metrics: nothing is computed unasked).
 */
export function SegmentCompare({ saved, builderJson }: { saved: SavedSegment[]; builderJson: string }) {
  const t = useTranslations("segments");
  const { from, to, locale } = useDashboardQuery();
  const [chosen, setChosen] = useState<[CompareChoice | null, CompareChoice | null]>([null, null]);
  const options = compareOptions(saved, builderJson);
  // A side whose segment was deleted (or whose builder was emptied) is no longer chosen.
  const [a, b] = chosen.map((value) => options.find((option) => option.value === value) ?? null);
  const name = (option: CompareOption) =>
    option.name ?? (option.value === "builder" ? t("compare.builder") : t("compare.allCustomers"));

  const side = (index: 0 | 1, current: CompareOption | null) => (
    <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
      {index === 0 ? t("compare.sideA") : t("compare.sideB")}
      <select
        value={current?.value ?? ""}
        onChange={(event) => {
          const next = (event.target.value || null) as CompareChoice | null;
          setChosen(index === 0 ? [next, chosen[1]] : [chosen[0], next]);
        }}
        className={`${SELECT} min-w-56 py-1.5 font-normal`}
      >
        <option value="">{t("compare.choose")}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {name(option)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section
      data-testid="segment-compare"
      aria-labelledby="segment-compare-title"
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 id="segment-compare-title" className="text-base font-semibold text-slate-900">
        {t("compare.title")}
      </h2>
      <p className="mt-1 max-w-prose text-xs text-slate-600">
        {t("compare.description", {
          from: formatCalendarDate(from, locale),
          to: formatCalendarDate(to, locale),
        })}
      </p>
      <div className="mt-4 flex flex-wrap items-end gap-4">
        {side(0, a)}
        {side(1, b)}
      </div>
      {a && b ? (
        <>
          {a.value === b.value ? <p className="mt-2 text-sm text-slate-600">{t("compare.same")}</p> : null}
          <ComparedFigures a={a} b={b} names={[name(a), name(b)]} />
        </>
      ) : (
        <p className="mt-4 rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">
          {saved.length === 0 && !builderJson ? t("compare.nothingToCompare") : t("compare.prompt")}
        </p>
      )}
    </section>
  );
}
