"use client";

import { useTranslations } from "next-intl";

import { HEAT_LEGEND_GRADIENT, heatCellStyle } from "@/components/charts/common/heat-cell";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { COHORT_MONTHS, type Cohort } from "@/lib/metrics/loyalty";

import { useMonthLabel } from "./use-month-label";

const OFFSETS = Array.from({ length: COHORT_MONTHS }, (_, i) => i + 1);

/**
 * Cohort retention as an HTML table: first-purchase month down, months since across. Each cell
 * prints its share and is shaded by it (palest = the table's lowest, darkest = its highest);
 * its counts are in its title. Months not reached yet stay blank; a month still running has a star.
 */
export function CohortGrid({ cohorts }: { cohorts: Cohort[] }) {
  const t = useTranslations("loyalty");
  const format = useFormatters();
  const monthLabel = useMonthLabel();
  const shares = cohorts.flatMap((cohort) =>
    cohort.retention.flatMap((cell) => (cell.retention === null ? [] : [cell.retention])),
  );
  const lowest = Math.min(...shares);
  const highest = Math.max(...shares);
  const intensity = (share: number) => (highest > lowest ? (share - lowest) / (highest - lowest) : 1);
  const anyPartial = cohorts.some((cohort) => cohort.retention.some((cell) => cell.partial));
  return (
    <div>
      <div className="overflow-x-auto">
        <table data-testid="cohort-grid" className="w-full border-separate border-spacing-0.5 text-sm">
          <caption className="sr-only">{t("cohortsTitle")}</caption>
          <thead>
            <tr>
              <th
                rowSpan={2}
                scope="col"
                className="px-2 py-1 text-left align-bottom font-medium text-slate-600"
              >
                {t("cohort")}
              </th>
              <th
                rowSpan={2}
                scope="col"
                className="px-2 py-1 text-right align-bottom font-medium text-slate-600"
              >
                {t("cohortSize")}
              </th>
              <th
                colSpan={COHORT_MONTHS}
                scope="colgroup"
                className="px-2 py-1 text-center font-medium text-slate-600"
              >
                {t("monthsSince")}
              </th>
            </tr>
            <tr>
              {OFFSETS.map((offset) => (
                <th
                  key={offset}
                  scope="col"
                  className="px-1 py-1 text-center text-xs font-medium text-slate-600"
                >
                  {t("monthOffset", { offset })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cohorts.map((cohort) => (
              <tr key={cohort.month} data-cohort={cohort.month}>
                <th
                  scope="row"
                  className="whitespace-nowrap px-2 py-1.5 text-left font-medium text-slate-800"
                >
                  {monthLabel(cohort.month)}
                </th>
                <td data-testid="cohort-size" className="px-2 py-1.5 text-right tabular-nums text-slate-700">
                  {format.number(cohort.size)}
                </td>
                {cohort.retention.map((cell) =>
                  cell.retained === null ? (
                    <td key={cell.offset} className="rounded bg-slate-50">
                      <span className="sr-only">{t("notYet")}</span>
                    </td>
                  ) : (
                    <td
                      key={cell.offset}
                      data-value={cell.retention ?? ""}
                      title={t("cellTitle", {
                        count: format.number(cell.retained),
                        size: format.number(cohort.size),
                      })}
                      style={cell.retention === null ? undefined : heatCellStyle(intensity(cell.retention))}
                      className="min-w-12 rounded px-1 py-1.5 text-center tabular-nums"
                    >
                      {format.percent(cell.retention, 0)}
                      {cell.partial ? <abbr title={t("partialMonth")}>*</abbr> : null}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600">
        {shares.length > 0 ? (
          <span className="flex items-center gap-2">
            <span>{t("legend")}</span>
            <span className="tabular-nums">{format.percent(lowest, 0)}</span>
            <span aria-hidden className="h-3 w-32 rounded" style={{ background: HEAT_LEGEND_GRADIENT }} />
            <span className="tabular-nums">{format.percent(highest, 0)}</span>
          </span>
        ) : null}
        {anyPartial ? <span>* {t("partialMonth")}</span> : null}
      </div>
    </div>
  );
}
