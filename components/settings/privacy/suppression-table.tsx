import "server-only";

import { getLocale, getTranslations } from "next-intl/server";

import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDate, formatDateTime } from "@/lib/format";
import { getPrisma } from "@/lib/server/db";
import { listSuppressions } from "@/lib/server/privacy/list-suppressions";

import { LiftSuppressionButton } from "./lift-suppression-button";

/** The workspace's suppression list: hash prefix, mode, when and by whom, lifted or not. */
export async function SuppressionTable({
  workspace,
}: {
  workspace: { id: number; slug: string; timeZone: string };
}) {
  const [entries, t, tMode, locale] = await Promise.all([
    getPrisma().then((prisma) => listSuppressions(prisma, workspace.id)),
    getTranslations("privacy.suppression"),
    getTranslations("privacy.mode"),
    getLocale(),
  ]);
  if (entries.length === 0) {
    return (
      <EmptyState title={t("emptyTitle")}>
        <p>{t("emptyBody")}</p>
      </EmptyState>
    );
  }
  const day = (date: Date) => formatDate(date, locale, workspace.timeZone);
  const at = (date: Date) => formatDateTime(date, locale, workspace.timeZone);
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-4 py-3">
              {t("customer")}
            </th>
            <th scope="col" className="px-4 py-3">
              {t("mode")}
            </th>
            <th scope="col" className="px-4 py-3">
              {t("erased")}
            </th>
            <th scope="col" className="px-4 py-3">
              {t("status")}
            </th>
            <th scope="col" className="px-4 py-3">
              <span className="sr-only">{t("actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((entry) => (
            <tr key={entry.customerHash} data-testid={`suppression-${entry.customerHash.slice(0, 12)}`}>
              <th scope="row" className="px-4 py-3 font-medium text-slate-900">
                <code className="font-mono text-xs" title={entry.customerHash}>
                  {entry.customerHash.slice(0, 12)}…
                </code>
              </th>
              <td className="px-4 py-3">{entry.mode === "delete" ? tMode("delete") : tMode("anonymise")}</td>
              <td className="px-4 py-3 whitespace-nowrap">
                <time dateTime={entry.createdAt.toISOString()} title={at(entry.createdAt)}>
                  {day(entry.createdAt)}
                </time>
                <div className="text-xs text-slate-500">
                  {entry.createdBy ? t("by", { name: entry.createdBy }) : t("unknownUser")}
                </div>
              </td>
              <td className="px-4 py-3 whitespace-nowrap">
                {entry.liftedAt ? (
                  <>
                    <span className="text-slate-600">{t("lifted", { date: day(entry.liftedAt) })}</span>
                    <div className="text-xs text-slate-500">
                      {entry.liftedBy ? t("by", { name: entry.liftedBy }) : t("unknownUser")}
                    </div>
                  </>
                ) : (
                  <span className="inline-flex items-center gap-1.5 font-medium text-slate-800">
                    <span aria-hidden className="h-2 w-2 rounded-full bg-red-700" />
                    {t("active")}
                  </span>
                )}
              </td>
              <td className="px-4 py-3 text-right">
                {entry.liftedAt ? null : (
                  <LiftSuppressionButton slug={workspace.slug} customerHash={entry.customerHash} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export async function SuppressionTableSkeleton() {
  const t = await getTranslations("privacy.suppression");
  return (
    <div aria-busy="true" aria-label={t("loading")} className="space-y-2">
      {[0, 1, 2].map((i) => (
        <Skeleton key={i} className="h-12" />
      ))}
    </div>
  );
}
