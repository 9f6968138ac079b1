"use client";

import { useTranslations } from "next-intl";
import { useQueryStates } from "nuqs";
import { useId, useState } from "react";

import { buttonStyles } from "@/components/ui/button-styles";
import { AUDIT_ACTION_GROUPS, AUDIT_GROUPS } from "@/lib/audit/audit-actions";
import { auditLogParsers } from "@/lib/url-state/audit-log-params";

import { useAuditActionLabel } from "./use-audit-action-label";

const FIELD = "rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** Action, person and period filters of the audit log, kept in the URL; applying goes back to page 1. */
export function AuditLogFilters({ users }: { users: { id: string; label: string }[] }) {
  const t = useTranslations("audit");
  const actionLabel = useAuditActionLabel();
  const [params, setParams] = useQueryStates(auditLogParsers, { shallow: false, history: "push" });
  const [rangeError, setRangeError] = useState(false);
  const id = useId();
  const errorId = `${id}-range-error`;
  return (
    <form
      // A new form when the URL changes (back button, "clear"), so the fields show the URL's filters.
      key={[params.action, params.user, params.from, params.to].join("|")}
      aria-label={t("filters.legend")}
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const value = (name: string) => String(form.get(name) ?? "").trim() || null;
        const from = value("from");
        const to = value("to");
        if (from && to && from > to) {
          setRangeError(true);
          return;
        }
        setRangeError(false);
        void setParams({ action: value("action"), user: value("user"), from, to, page: null });
      }}
    >
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        {t("filters.action")}
        <select name="action" defaultValue={params.action ?? ""} className={FIELD}>
          <option value="">{t("filters.allActions")}</option>
          <optgroup label={t("filters.groups")}>
            {AUDIT_GROUPS.map((group) => (
              <option key={group} value={`${group}.*`}>
                {t(`groups.${group}`)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t("filters.actions")}>
            {AUDIT_GROUPS.flatMap((group) =>
              AUDIT_ACTION_GROUPS[group].map((action) => (
                <option key={action} value={action}>
                  {actionLabel(action)}
                </option>
              )),
            )}
          </optgroup>
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        {t("filters.user")}
        <select name="user" defaultValue={params.user ?? ""} className={FIELD}>
          <option value="">{t("filters.allUsers")}</option>
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        {t("filters.from")}
        <input
          type="date"
          name="from"
          defaultValue={params.from ?? ""}
          aria-describedby={rangeError ? errorId : undefined}
          aria-invalid={rangeError || undefined}
          className={FIELD}
        />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        {t("filters.to")}
        <input
          type="date"
          name="to"
          defaultValue={params.to ?? ""}
          aria-describedby={rangeError ? errorId : undefined}
          aria-invalid={rangeError || undefined}
          className={FIELD}
        />
      </label>
      <button type="submit" className={buttonStyles.secondary}>
        {t("filters.apply")}
      </button>
      <button
        type="button"
        className={buttonStyles.secondary}
        onClick={() => {
          setRangeError(false);
          void setParams({ action: null, user: null, from: null, to: null, page: null });
        }}
      >
        {t("filters.clear")}
      </button>
      {rangeError ? (
        <p id={errorId} role="alert" className="w-full text-sm text-red-800">
          {t("filters.badRange")}
        </p>
      ) : null}
    </form>
  );
}
