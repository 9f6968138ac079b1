import { useTranslations } from "next-intl";

import { formatNumber } from "@/lib/format";
import type { ImportView } from "@/lib/import/import-view";

import { formatDuration } from "./import-format";
import type { ImportRate } from "./use-import-rates";

/**
 * The live progress of a queued or running import: a bar by bytes read, rows read, rows per
 * second, and the time left at the current byte rate.
 */
export function ImportProgress({
  view,
  rate,
  locale,
}: {
  view: ImportView;
  rate: ImportRate | null;
  locale: string;
}) {
  const t = useTranslations("data");
  const queued = view.status === "queued";
  const percent =
    view.totalBytes > 0 ? Math.min(100, Math.floor((view.bytesDone / view.totalBytes) * 100)) : 0;
  const rows = t("progress.rowsRead", {
    count: view.rowsDone,
    formatted: formatNumber(view.rowsDone, locale),
  });
  const left =
    rate && rate.bytesPerSecond > 0
      ? t("progress.left", {
          duration: formatDuration(((view.totalBytes - view.bytesDone) / rate.bytesPerSecond) * 1000, t),
        })
      : null;
  const speed = rate ? t("progress.speed", { speed: formatNumber(rate.rowsPerSecond, locale) }) : null;
  const details = queued
    ? t("progress.waiting")
    : [rows, speed, left ?? t("progress.estimating")].filter(Boolean).join(" · ");
  return (
    <div className="mt-2 w-full max-w-xs">
      <div className="flex items-center gap-2">
        <div
          role="progressbar"
          data-testid="import-progress"
          aria-label={t("progress.label", { name: view.fileName })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={queued ? t("progress.queued") : `${percent}%, ${rows}${left ? `, ${left}` : ""}`}
          className="h-2 flex-1 overflow-hidden rounded-full bg-slate-200"
        >
          <div
            className={`h-full rounded-full transition-[width] duration-500 ${queued ? "bg-slate-400" : "bg-chart-1"}`}
            style={{ width: `${percent}%` }}
          />
        </div>
        <span className="w-10 text-right text-xs font-semibold text-slate-800 tabular-nums">{percent}%</span>
      </div>
      <p className="mt-1 text-xs text-slate-600 tabular-nums">{details}</p>
    </div>
  );
}
