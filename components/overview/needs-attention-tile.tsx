"use client";

import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";

import { useFormatters } from "@/components/charts/common/use-formatters";
import { bucketLabel } from "@/components/frequency/bucket-label";
import { useDashboardQuery } from "@/components/metrics/dashboard-query";
import { usePageMetric } from "@/components/metrics/use-metric";
import { Link } from "@/components/ui/link";
import { Skeleton } from "@/components/ui/skeleton";
import type { AudienceCheck } from "@/lib/metrics/audience";
import type {
  ContactsAfterOptOut,
  OverContacted,
  SaturationCurve,
  SilentCustomers,
} from "@/lib/metrics/frequency";
import type { LifecycleChecks } from "@/lib/metrics/journeys";
import { type Finding, findAttention } from "@/lib/metrics/needs-attention";
import { PAGE_METRICS } from "@/lib/metrics/page-metrics";
import type { SendVsWant, StatedVsActual } from "@/lib/metrics/relevance";

const MESSAGE = {
  optout: "findingOptOut",
  stated: "findingStated",
  audience: "findingAudience",
  notWelcomed: "findingNotWelcomed",
  fatigue: "findingFatigue",
  overContacted: "findingOverContacted",
  gap: "findingGap",
  silent: "findingSilent",
} as const;

/** What needs attention in the period, computed from the metrics, each with a link to its evidence. */
export function NeedsAttentionTile() {
  const t = useTranslations("overview");
  const tc = useTranslations("chart");
  const format = useFormatters();
  const { workspace } = useDashboardQuery();
  const search = useSearchParams();
  const queries = {
    optout: usePageMetric<ContactsAfterOptOut>(PAGE_METRICS.optout),
    stated: usePageMetric<StatedVsActual>(PAGE_METRICS.statedVsActual),
    lifecycle: usePageMetric<LifecycleChecks>(PAGE_METRICS.lifecycleYear),
    // With the comparison, as the headline tiles ask for them: one request serves both.
    saturation: usePageMetric<SaturationCurve>(PAGE_METRICS.saturation),
    overContacted: usePageMetric<OverContacted>(PAGE_METRICS.overContacted),
    gap: usePageMetric<SendVsWant>(PAGE_METRICS.gap),
    silent: usePageMetric<SilentCustomers>(PAGE_METRICS.silent),
    audience: usePageMetric<AudienceCheck>(PAGE_METRICS.audience),
  };
  const all = Object.values(queries);
  const findings = findAttention(
    Object.fromEntries(Object.entries(queries).map(([key, query]) => [key, query.data?.result])),
  );
  const loading = all.some((query) => query.isPending);
  const failed = all.filter((query) => query.isError);

  const sentence = (finding: Finding) => {
    const v = finding.values;
    const n = (key: string, digits = 0) => format.number(Number(v[key]), digits);
    const p = (key: string) => format.percent(Number(v[key]));
    switch (finding.id) {
      case "fatigue":
        return t(MESSAGE.fatigue, {
          bucket: bucketLabel(String(v.bucket)),
          cap: n("cap"),
          workspaceCap: n("workspaceCap", 1),
        });
      case "overContacted":
        return t(MESSAGE.overContacted, { share: p("share"), count: n("count"), cap: n("cap", 1) });
      case "gap":
        return t(MESSAGE.gap, {
          index: n("index", 1),
          overTopic: String(v.overTopic),
          overSend: p("overSend"),
          overWant: p("overWant"),
          underTopic: String(v.underTopic),
          underSend: p("underSend"),
          underWant: p("underWant"),
        });
      case "silent":
        return t(MESSAGE.silent, { count: n("count"), share: p("share") });
      case "audience":
        return t(MESSAGE.audience, {
          campaign: String(v.campaign),
          value: String(v.value),
          count: n("count"),
          recipients: n("recipients"),
          share: p("share"),
        });
      case "optout":
        return t(MESSAGE.optout, {
          contacts: n("contacts"),
          customers: n("customers"),
          campaign: String(v.campaign),
        });
      default:
        return t(MESSAGE[finding.id], { count: n("count") });
    }
  };
  const evidenceHref = (finding: Finding) => {
    const params = new URLSearchParams(search);
    if (finding.id === "notWelcomed") {
      params.delete("from");
      params.set("range", "365d");
    }
    const query = params.toString();
    return `/${workspace}/${finding.evidence.section}${query ? `?${query}` : ""}#tile-${finding.evidence.tile}`;
  };

  return (
    <section
      data-testid="tile-needs-attention"
      aria-labelledby="needs-attention-title"
      aria-busy={loading}
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 id="needs-attention-title" className="text-base font-semibold text-slate-900">
        {t("needsAttentionTitle")}
      </h2>
      <p className="mt-1 text-xs text-slate-600">{t("needsAttentionDescription")}</p>
      <ul className="mt-4 space-y-3">
        {findings.map((finding) => (
          <li
            key={finding.key}
            data-testid={`finding-${finding.id}`}
            className={`flex flex-wrap items-start gap-3 rounded-lg border p-3 ${
              finding.severity === "alarm" ? "border-red-300 bg-red-50" : "border-amber-300 bg-amber-50"
            }`}
          >
            <span
              className={`rounded px-2 py-0.5 text-xs font-semibold ${
                finding.severity === "alarm" ? "bg-red-700 text-white" : "bg-amber-200 text-amber-950"
              }`}
            >
              {finding.severity === "alarm" ? `▲ ${t("severityAlarm")}` : `● ${t("severityWarning")}`}
            </span>
            <p className="min-w-0 flex-1 text-sm text-slate-900">{sentence(finding)}</p>
            <Link
              href={evidenceHref(finding)}
              className="text-sm font-medium text-brand underline-offset-2 hover:underline"
            >
              {t("evidence")}
            </Link>
          </li>
        ))}
      </ul>
      {loading ? <Skeleton className="mt-3 h-12" /> : null}
      {!loading && findings.length === 0 && failed.length === 0 ? (
        <p className="text-sm text-slate-700">{t("nothingNeedsAttention")}</p>
      ) : null}
      {failed.length > 0 ? (
        <p role="alert" className="mt-3 text-sm text-red-800">
          {failed[0].error?.message}{" "}
          <button
            type="button"
            className="underline"
            onClick={() => failed.forEach((query) => void query.refetch())}
          >
            {tc("retry")}
          </button>
        </p>
      ) : null}
    </section>
  );
}
