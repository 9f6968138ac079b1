import "server-only";

import { getLocale, getTranslations } from "next-intl/server";

import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDate, formatDateTime, formatTimeAgo } from "@/lib/format";
import { type ApiKeySummary, listApiKeys } from "@/lib/server/admin/api-keys";
import { getPrisma } from "@/lib/server/db";

import { RevokeApiKeyButton } from "./revoke-api-key-button";

interface WorkspaceView {
  id: number;
  slug: string;
  timeZone: string;
}

type TableT = Awaited<ReturnType<typeof getTranslations<"settings.table">>>;

/** The workspace's API keys: active ones first, revoked ones after them, muted. */
export async function ApiKeyTable({ workspace, now }: { workspace: WorkspaceView; now: Date }) {
  const [keys, t, locale] = await Promise.all([
    getPrisma().then((prisma) => listApiKeys(prisma, workspace.id)),
    getTranslations("settings.table"),
    getLocale(),
  ]);
  if (keys.length === 0) {
    return (
      <EmptyState title={t("emptyTitle")}>
        <p>{t("emptyBody")}</p>
      </EmptyState>
    );
  }
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-4 py-3">
              {t("name")}
            </th>
            <th scope="col" className="px-4 py-3">
              {t("key")}
            </th>
            <th scope="col" className="px-4 py-3">
              {t("scopes")}
            </th>
            <th scope="col" className="px-4 py-3">
              {t("created")}
            </th>
            <th scope="col" className="px-4 py-3">
              {t("lastUsed")}
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
          {keys.map((key) => (
            <ApiKeyRow key={key.id} apiKey={key} workspace={workspace} now={now} t={t} locale={locale} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ApiKeyRow({
  apiKey,
  workspace,
  now,
  t,
  locale,
}: {
  apiKey: ApiKeySummary;
  workspace: WorkspaceView;
  now: Date;
  t: TableT;
  locale: string;
}) {
  const at = (date: Date) => formatDateTime(date, locale, workspace.timeZone);
  const day = (date: Date) => formatDate(date, locale, workspace.timeZone);
  const revokedAt = apiKey.revokedAt;
  const revoked = revokedAt !== null;
  const creator = apiKey.createdBy ? (apiKey.createdBy.name ?? apiKey.createdBy.email) : null;
  return (
    <tr
      data-testid={`api-key-${apiKey.id}`}
      data-status={revoked ? "revoked" : "active"}
      className={revoked ? "bg-slate-50/60 text-slate-500" : "text-slate-800"}
    >
      <th scope="row" className={`px-4 py-3 font-medium ${revoked ? "text-slate-500" : "text-slate-900"}`}>
        {apiKey.name}
      </th>
      <td className="px-4 py-3">
        <code className="font-mono text-xs whitespace-nowrap">{apiKey.prefix}…</code>
      </td>
      <td className="px-4 py-3">
        <ul className="flex flex-wrap gap-1">
          {apiKey.scopes.map((scope) => (
            <li
              key={scope}
              className={`rounded-full border px-2 py-0.5 font-mono text-xs ${
                revoked ? "border-slate-200 text-slate-500" : "border-slate-300 bg-slate-50 text-slate-700"
              }`}
            >
              {scope}
            </li>
          ))}
        </ul>
      </td>
      <td className="px-4 py-3 whitespace-nowrap">
        <time dateTime={apiKey.createdAt.toISOString()} title={at(apiKey.createdAt)}>
          {day(apiKey.createdAt)}
        </time>
        <div className="text-xs text-slate-500">
          {creator ? t("by", { name: creator }) : t("creatorUnknown")}
        </div>
      </td>
      <td className="px-4 py-3 whitespace-nowrap">
        {apiKey.lastUsedAt ? (
          <time dateTime={apiKey.lastUsedAt.toISOString()} title={at(apiKey.lastUsedAt)}>
            {formatTimeAgo(apiKey.lastUsedAt, now, locale, t("justNow"))}
            <span className="sr-only"> ({at(apiKey.lastUsedAt)})</span>
          </time>
        ) : (
          <span className="text-slate-500">{t("never")}</span>
        )}
      </td>
      <td className="px-4 py-3 whitespace-nowrap">
        {revokedAt ? (
          <span className="inline-flex items-center gap-1.5">
            <span aria-hidden className="h-2 w-2 rounded-full border border-slate-400" />
            {t.rich("revoked", {
              date: day(revokedAt),
              time: (chunks) => (
                <time dateTime={revokedAt.toISOString()} title={at(revokedAt)}>
                  {chunks}
                </time>
              ),
            })}
          </span>
        ) : (
          <span className="inline-flex items-center gap-1.5 font-medium text-slate-800">
            <span aria-hidden className="h-2 w-2 rounded-full bg-chart-3" />
            {t("active")}
          </span>
        )}
      </td>
      <td className="px-4 py-3 text-right">
        {revoked ? null : <RevokeApiKeyButton slug={workspace.slug} id={apiKey.id} name={apiKey.name} />}
      </td>
    </tr>
  );
}

export async function ApiKeyTableSkeleton() {
  const t = await getTranslations("settings.table");
  return (
    <div aria-busy="true" aria-label={t("loading")} className="space-y-2">
      {[0, 1, 2].map((i) => (
        <Skeleton key={i} className="h-12" />
      ))}
    </div>
  );
}
