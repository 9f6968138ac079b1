"use client";

import { useTranslations } from "next-intl";

import { Skeleton } from "@/components/ui/skeleton";

import { useFigureFormat } from "./use-figure-format";
import { COMPARED_FIGURES, type FigureKind, type SegmentFigures } from "./use-segment-figures";

const HEAD = "border-b border-slate-200 px-3 py-2 font-medium text-slate-600";

/** The key figures of two segments side by side, with the difference (B − A). */
export function CompareTable({
  names,
  a,
  b,
}: {
  names: [string, string];
  a: SegmentFigures;
  b: SegmentFigures;
}) {
  const t = useTranslations("segments");
  const fmt = useFigureFormat();

  const cell = (kind: FigureKind, figure: SegmentFigures[keyof SegmentFigures], testId: string) => {
    if (figure === undefined) {
      return (
        <td className="px-3 py-2 text-right">
          <span className="sr-only">{t("compare.loading")}</span>
          <Skeleton className="ml-auto h-4 w-16" />
        </td>
      );
    }
    if (figure === "error") {
      return <td className="px-3 py-2 text-right text-red-800">{t("compare.failed")}</td>;
    }
    const detail = fmt.detail(kind, figure);
    return (
      <td data-testid={testId} data-value={figure.value ?? ""} className="px-3 py-2 text-right tabular-nums">
        <span className="font-medium text-slate-900">{fmt.value(kind, figure)}</span>
        {detail ? <span className="block text-xs text-slate-600">{detail}</span> : null}
      </td>
    );
  };

  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{t("compare.caption", { a: names[0], b: names[1] })}</caption>
        <thead>
          <tr>
            <th scope="col" className={`${HEAD} text-left`}>
              {t("compare.figure")}
            </th>
            <th scope="col" className={`${HEAD} text-right`}>
              <span className="mr-1 text-xs text-slate-500">A</span>
              {names[0]}
            </th>
            <th scope="col" className={`${HEAD} text-right`}>
              <span className="mr-1 text-xs text-slate-500">B</span>
              {names[1]}
            </th>
            <th scope="col" className={`${HEAD} text-right`}>
              {t("compare.difference")}
            </th>
          </tr>
        </thead>
        <tbody>
          {COMPARED_FIGURES.map(({ id, kind }) => {
            const left = a[id];
            const right = b[id];
            const ready = typeof left === "object" && typeof right === "object";
            return (
              <tr
                key={id}
                data-testid={`compare-row-${id}`}
                className="border-b border-slate-100 last:border-0"
              >
                <th scope="row" className="px-3 py-2 text-left font-normal text-slate-800">
                  {t(`figures.${id}`)}
                  <span className="block text-xs text-slate-600">{t(`figureNotes.${id}`)}</span>
                </th>
                {cell(kind, left, `compare-${id}-a`)}
                {cell(kind, right, `compare-${id}-b`)}
                <td className="px-3 py-2 text-right font-medium tabular-nums text-slate-900">
                  {ready ? fmt.difference(kind, left.value, right.value) : ""}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
