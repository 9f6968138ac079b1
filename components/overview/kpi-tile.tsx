import { useTranslations } from "next-intl";

import { formatNumber, formatPercent, relativeChange } from "@/lib/format";

/** One headline number with its change against the comparison period. */
export function KpiTile({
  id,
  label,
  value,
  display,
  previous,
  locale,
  definition,
  alarm = false,
  detail,
  changeAs = "relative",
}: {
  /** Stable id for tests and links (data-testid="kpi-<id>"). */
  id: string;
  label: string;
  value: number | null;
  /** The formatted value. */
  display: string;
  /** The comparison period's value; undefined when no comparison was asked for. */
  previous: number | null | undefined;
  locale: string;
  /** One sentence saying how the number is defined. */
  definition: string;
  /** Alarm style: the number should be zero and is not. */
  alarm?: boolean;
  detail?: React.ReactNode;
  /**
   * "relative" for counts (▲ 12 %); "points" for indices (▲ 1.5 points); "percentPoints" for
   * shares given as fractions (0.147 → 0.152 is ▲ 0.5 points).
   */
  changeAs?: ChangeKind;
}) {
  const t = useTranslations("kpi");
  return (
    <section
      data-testid={`kpi-${id}`}
      data-value={value ?? ""}
      aria-labelledby={`kpi-${id}-label`}
      className={`rounded-xl border bg-white p-5 shadow-sm ${alarm ? "border-red-300 ring-1 ring-red-200" : "border-slate-200"}`}
    >
      <h2 id={`kpi-${id}-label`} className="flex items-center gap-1.5 text-sm font-medium text-slate-600">
        {alarm ? (
          <span aria-hidden className="text-red-700">
            ▲
          </span>
        ) : null}
        {label}
      </h2>
      <p className={`mt-2 text-3xl font-semibold tabular-nums ${alarm ? "text-red-800" : "text-slate-900"}`}>
        {display}
      </p>
      {alarm ? <p className="mt-1 text-xs font-semibold text-red-800">{t("shouldBeZero")}</p> : null}
      {previous !== undefined ? (
        <p className="mt-2 text-xs text-slate-600">
          <Change value={value} previous={previous} locale={locale} changeAs={changeAs} />
        </p>
      ) : null}
      {detail ? <div className="mt-1 text-xs text-slate-600">{detail}</div> : null}
      <p className="mt-3 border-t border-slate-100 pt-2 text-xs text-slate-600">{definition}</p>
    </section>
  );
}

type ChangeKind = "relative" | "points" | "percentPoints";

function Change({
  value,
  previous,
  locale,
  changeAs,
}: {
  value: number | null;
  previous: number | null;
  locale: string;
  changeAs: ChangeKind;
}) {
  const t = useTranslations("kpi");
  if (changeAs !== "relative") {
    if (value === null || previous === null) return t("noComparison");
    const points = (value - previous) * (changeAs === "percentPoints" ? 100 : 1);
    if (Math.abs(points) < 0.05) return `${t("unchanged")} ${t("onComparison")}`;
    const change = formatNumber(Math.abs(points), locale, 1);
    return (
      <>
        <span className="font-medium">{t(points > 0 ? "upPoints" : "downPoints", { change })}</span>{" "}
        {t("onComparison")}
      </>
    );
  }
  const change = relativeChange(value, previous);
  if (change === null) {
    return previous === 0 && value ? (
      <span className="font-medium">{t("upFromNone")}</span>
    ) : (
      t("noComparison")
    );
  }
  return (
    <>
      <span className="font-medium">
        {change === 0
          ? t("unchanged")
          : t(change > 0 ? "up" : "down", { change: formatPercent(Math.abs(change), locale) })}
      </span>{" "}
      {t("onComparison")}
    </>
  );
}
