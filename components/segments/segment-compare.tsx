"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { tableSpec } from "@/components/charts/common/table-spec";
import { downloadCsv, toCsv } from "@/components/charts/common/to-csv";
import { useDashboardQuery } from "@/components/metrics/dashboard-query";
import { buttonStyles } from "@/components/ui/button-styles";
import { formatCalendarDate } from "@/lib/format";
import type { SavedSegment } from "@/lib/schemas/segment";

import { type CompareChoice, type CompareOption, compareOptions, resolveChoice } from "./compare-choices";
import { CompareTable } from "./compare-table";
import { SELECT } from "./field-error";
import { COMPARED_FIGURES, type SegmentFigures, useSegmentFigures } from "./use-segment-figures";

/** Two segments side by side on the key figures of contact pressure, relevance and loyalty. */
export function SegmentCompare({ saved, builderJson }: { saved: SavedSegment[]; builderJson: string }) {
  const t = useTranslations("segments");
  const { from, to, locale } = useDashboardQuery();
  const [chosen, setChosen] = useState<[CompareChoice | null, CompareChoice | null]>([null, null]);
  const options = compareOptions(saved, builderJson);
  const a = resolveChoice(options, chosen[0], 0);
  const b = resolveChoice(options, chosen[1], a === options[0] ? 1 : 0);
  const left = useSegmentFigures(a.params);
  const right = useSegmentFigures(b.params);
  const name = (option: CompareOption) =>
    option.name ?? (option.value === "builder" ? t("compare.builder") : t("compare.allCustomers"));
  const names: [string, string] = [name(a), name(b)];
  const failed = [...left.failed, ...right.failed];

  const side = (index: 0 | 1, current: CompareOption) => (
    <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
      {index === 0 ? t("compare.sideA") : t("compare.sideB")}
      <select
        value={current.value}
        onChange={(event) => {
          const next = event.target.value as CompareChoice;
          setChosen(index === 0 ? [next, chosen[1]] : [chosen[0], next]);
        }}
        className={`${SELECT} min-w-56 py-1.5 font-normal`}
      >
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
      aria-busy={left.fetching || right.fetching}
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="segment-compare-title" className="text-base font-semibold text-slate-900">
            {t("compare.title")}
          </h2>
          <p className="mt-1 max-w-prose text-xs text-slate-600">
            {t("compare.description", {
              from: formatCalendarDate(from, locale),
              to: formatCalendarDate(to, locale),
            })}
          </p>
        </div>
        <button
          type="button"
          onClick={() =>
            downloadCsv(toCsv(csvTable(names, left.figures, right.figures, t)), `segments_${from}_${to}.csv`)
          }
          className="rounded-lg border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50"
        >
          {t("compare.exportCsv")}
        </button>
      </div>
      <div className="mt-4 flex flex-wrap items-end gap-4">
        {side(0, a)}
        {side(1, b)}
      </div>
      {options.length < 2 ? (
        <p className="mt-2 text-sm text-slate-600">{t("compare.nothingToCompare")}</p>
      ) : a.value === b.value ? (
        <p className="mt-2 text-sm text-slate-600">{t("compare.same")}</p>
      ) : null}
      <div className={`mt-4 transition-opacity ${left.fetching || right.fetching ? "opacity-80" : ""}`}>
        <CompareTable names={names} a={left.figures} b={right.figures} />
      </div>
      {failed.length > 0 ? (
        <div
          role="alert"
          className="mt-3 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-900"
        >
          <p>{t("compare.someFailed", { detail: failed[0].error?.message ?? "" })}</p>
          <button
            type="button"
            onClick={() => failed.forEach((query) => void query.refetch())}
            className={`${buttonStyles.secondary} mt-2 py-1 text-xs`}
          >
            {t("retry")}
          </button>
        </div>
      ) : null}
    </section>
  );
}

function csvTable(
  names: [string, string],
  a: SegmentFigures,
  b: SegmentFigures,
  t: ReturnType<typeof useTranslations<"segments">>,
) {
  const raw = (figure: SegmentFigures[keyof SegmentFigures]) =>
    typeof figure === "object" ? figure.value : null;
  const rows = COMPARED_FIGURES.map(({ id }) => {
    const left = raw(a[id]);
    const right = raw(b[id]);
    return {
      figure: t(`figures.${id}`),
      a: left,
      b: right,
      diff: left === null || right === null ? null : right - left,
    };
  });
  return tableSpec(rows, [
    { key: "figure", header: t("compare.figure"), value: (row) => row.figure },
    { key: "a", header: names[0], value: (row) => row.a, numeric: true },
    { key: "b", header: names[1], value: (row) => row.b, numeric: true },
    { key: "diff", header: t("compare.differenceCsv"), value: (row) => row.diff, numeric: true },
  ]);
}
