"use client";

import { useLocale, useTranslations } from "next-intl";

import type { AuditLogRow } from "@/lib/audit/audit-log-row";
import { summariseDetails } from "@/lib/audit/summarise-details";
import { formatDateTime } from "@/lib/format";

import { useAuditActionLabel } from "./use-audit-action-label";

const CELL = "px-4 py-3 align-top";

/** One page of the audit log: time in the workspace's zone, who, the action in words, target, details. */
export function AuditLogTable({ rows, timeZone }: { rows: AuditLogRow[]; timeZone: string }) {
  const t = useTranslations("audit.table");
  const locale = useLocale();
  const actionLabel = useAuditActionLabel();
  const who = (row: AuditLogRow) => {
    if (row.actor.kind === "user")
      return row.actor.name ? `${row.actor.name} (${row.actor.email})` : row.actor.email;
    if (row.actor.kind === "apiKey") return t("apiKey", { name: row.actor.name ?? row.actor.id });
    const email = (row.details as { email?: unknown } | null)?.email;
    return typeof email === "string" && row.action.startsWith("auth.")
      ? t("attempted", { email })
      : t("system");
  };
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm" data-testid="audit-log-table">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            {(["time", "who", "action", "target", "details"] as const).map((column) => (
              <th key={column} scope="col" className="px-4 py-3">
                {t(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 text-slate-800">
          {rows.map((row) => (
            <tr key={row.id} data-action={row.action}>
              <td className={`${CELL} whitespace-nowrap`}>
                <time dateTime={row.at.toISOString()}>{formatDateTime(row.at, locale, timeZone)}</time>
              </td>
              <td className={CELL}>{who(row)}</td>
              <th scope="row" className={`${CELL} font-medium text-slate-900`}>
                {actionLabel(row.action)}
                <div className="font-mono text-xs font-normal text-slate-600">{row.action}</div>
              </th>
              <td className={`${CELL} font-mono text-xs break-all`}>
                {row.targetType ? `${row.targetType}${row.targetId ? ` ${row.targetId}` : ""}` : "—"}
              </td>
              <td className={`${CELL} max-w-md text-xs break-words text-slate-700`}>
                {summariseDetails(row.details) || "—"}
                {row.ip ? <div className="text-slate-600">{t("ip", { ip: row.ip })}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
