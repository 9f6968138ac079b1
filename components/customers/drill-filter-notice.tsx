"use client";

import { useTranslations } from "next-intl";

import { bucketLabel } from "@/components/frequency/bucket-label";
import { Link } from "@/components/ui/link";
import type { SegmentFilter } from "@/lib/metrics/segment";

import { useListHref } from "./use-list-href";

/** The drill-down filter the list is narrowed by (from a clicked bar or bucket), with a way out. */
export function DrillFilterNotice({ filter, error }: { filter: SegmentFilter | null; error: string | null }) {
  const t = useTranslations("customers");
  const href = useListHref();
  if (error) {
    return (
      <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
        {t("badFilter", { reason: error })}{" "}
        <Link href={href({ filter: null, page: null })} className="font-medium underline">
          {t("removeFilter")}
        </Link>
      </p>
    );
  }
  if (!filter) return null;
  const words =
    "field" in filter && filter.field === "frequencyBucket"
      ? t("drillBucket", { buckets: filter.value.map(bucketLabel).join(", ") })
      : "field" in filter && filter.field === "overContacted"
        ? t(filter.value ? "drillOverContacted" : "drillNotOverContacted")
        : JSON.stringify(filter);
  return (
    <p
      data-testid="drill-filter"
      className="flex flex-wrap items-center gap-2 rounded-lg border border-brand/30 bg-brand-soft px-3 py-2 text-sm"
    >
      <span className="font-medium">{t("drillFilter")}:</span>
      <span className="font-mono text-xs">{words}</span>
      <Link href={href({ filter: null, page: null })} className="ml-auto font-medium text-brand underline">
        {t("removeFilter")}
      </Link>
    </p>
  );
}
