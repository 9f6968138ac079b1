import "server-only";

import { getLocale, getTranslations } from "next-intl/server";

import { Skeleton } from "@/components/ui/skeleton";
import { formatCalendarDate, formatDateTime } from "@/lib/format";
import type { Workspace } from "@/lib/generated/prisma/client";
import { getPrisma } from "@/lib/server/db";
import { getRetentionStatus } from "@/lib/server/retention/retention-status";

import { RunRetentionButton } from "./run-retention-button";

/**
 * What the saved policy means now — its cutoff and how many events are older — and what the
 * job last did, with the "Run now" button.
 */
export async function RetentionStatusPanel({ workspace, now }: { workspace: Workspace; now: Date }) {
  const [status, t, locale] = await Promise.all([
    getPrisma().then((prisma) => getRetentionStatus(prisma, workspace, now)),
    getTranslations("retention.status"),
    getLocale(),
  ]);
  const at = (date: Date) => formatDateTime(date, locale, workspace.timeZone);
  const cutoffLabel = status.preview ? formatCalendarDate(status.preview.cutoffDate, locale) : null;
  const last = status.lastRun;
  return (
    <section
      aria-labelledby="retention-status-title"
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h3 id="retention-status-title" className="text-base font-semibold text-slate-900">
        {t("title")}
      </h3>
      {status.preview && cutoffLabel ? (
        <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-700">{t("cutoff")}</dt>
          <dd className="text-slate-900">
            <time dateTime={status.preview.cutoff.toISOString()}>
              {t("cutoffValue", { date: cutoffLabel })}
            </time>
          </dd>
          <dt className="font-medium text-slate-700">{t("waiting")}</dt>
          <dd className="text-slate-900" data-testid="retention-waiting">
            {t("waitingValue", { count: status.preview.events })}
          </dd>
          <dt className="font-medium text-slate-700">{t("lastChecked")}</dt>
          <dd className="text-slate-900">
            {status.ranAt ? (
              <time dateTime={status.ranAt.toISOString()}>{at(status.ranAt)}</time>
            ) : (
              t("never")
            )}
          </dd>
          <dt className="font-medium text-slate-700">{t("lastRun")}</dt>
          <dd className="text-slate-900" data-testid="retention-last-run">
            {last ? (
              <>
                <time dateTime={last.at.toISOString()}>{at(last.at)}</time>
                {": "}
                {last.mode === "delete"
                  ? t("runDelete", {
                      events: last.events,
                      customers: last.customers,
                      removed: last.customersRemoved,
                    })
                  : t("runAnonymise", { events: last.events, customers: last.customers })}
                {last.failed ? <span className="block text-red-800">{t("runFailed")}</span> : null}
              </>
            ) : (
              t("noRun")
            )}
          </dd>
        </dl>
      ) : (
        <p className="mt-2 text-sm text-slate-600">{t("noPolicy")}</p>
      )}
      <div className="mt-5">
        <RunRetentionButton slug={workspace.slug} mode={workspace.retentionMode} cutoffLabel={cutoffLabel} />
      </div>
    </section>
  );
}

export async function RetentionStatusSkeleton() {
  const t = await getTranslations("retention.status");
  return (
    <div aria-busy="true" aria-label={t("loading")} className="space-y-2">
      {[0, 1, 2, 3].map((i) => (
        <Skeleton key={i} className="h-8" />
      ))}
    </div>
  );
}
