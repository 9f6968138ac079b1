"use client";

import { useParams } from "next/navigation";
import { useTranslations } from "next-intl";

import { reportExport } from "@/components/charts/common/report-export";
import { tableSpec } from "@/components/charts/common/table-spec";
import { downloadCsv, toCsv } from "@/components/charts/common/to-csv";
import { useDashboardQuery } from "@/components/metrics/dashboard-query";
import { buttonStyles } from "@/components/ui/button-styles";

import type { CompareOption } from "./compare-choices";
import { CompareTable } from "./compare-table";
import { COMPARED_FIGURES, type SegmentFigures, useSegmentFigures } from "./use-segment-figures";

const raw = (figure: SegmentFigures[keyof SegmentFigures]) =>
  typeof figure === "object" ? figure.value : null;

/** The figures of the two chosen segments: loaded side by side, each cell on its own, with a CSV export. */
export function ComparedFigures({
  a,
  b,
  names,
}: {
  a: CompareOption;
  b: CompareOption;
  names: [string, string];
}) {
  const t = useTranslations("segments");
  const { from, to } = useDashboardQuery();
  const { workspace: slug } = useParams<{ workspace?: string }>();
  const left = useSegmentFigures(a.params);
  const right = useSegmentFigures(b.params);
  const failed = [...left.failed, ...right.failed];

  const exportCsv = () => {
    const rows = COMPARED_FIGURES.map(({ id }) => {
      const [x, y] = [raw(left.figures[id]), raw(right.figures[id])];
      return { figure: t(`figures.${id}`), a: x, b: y, diff: x === null || y === null ? null : y - x };
    });
    const table = tableSpec(rows, [
      { key: "figure", header: t("compare.figure"), value: (row) => row.figure },
      { key: "a", header: names[0], value: (row) => row.a, numeric: true },
      { key: "b", header: names[1], value: (row) => row.b, numeric: true },
      { key: "diff", header: t("compare.differenceCsv"), value: (row) => row.diff, numeric: true },
    ]);
    downloadCsv(toCsv(table), `segments_${from}_${to}.csv`);
    reportExport(slug, "segment-compare", rows.length, { from, to, a: names[0], b: names[1] });
  };

  return (
    <div data-testid="segment-compare-figures" aria-busy={left.fetching || right.fetching} className="mt-4">
      <CompareTable names={names} a={left.figures} b={right.figures} />
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
      <div className="mt-3 flex justify-end">
        <button
          type="button"
          onClick={exportCsv}
          className="rounded-lg border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50"
        >
          {t("compare.exportCsv")}
        </button>
      </div>
    </div>
  );
}
