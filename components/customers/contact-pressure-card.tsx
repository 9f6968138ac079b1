"use client";

import { useTranslations } from "next-intl";

import { LazyBarChart } from "@/components/charts/common/lazy-chart";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { bucketLabel } from "@/components/frequency/bucket-label";
import { useDashboardQuery } from "@/components/metrics/dashboard-query";
import type { CustomerProfile } from "@/lib/customers/customer-views";
import { formatDate } from "@/lib/format";

import { ProfileCard } from "./profile-card";

/** Contacts per week over 12 weeks against the cap, and where the period puts the customer. */
export function ContactPressureCard({ profile }: { profile: CustomerProfile }) {
  const t = useTranslations("customers");
  const tc = useTranslations("common");
  const format = useFormatters();
  const { timeZone } = useDashboardQuery();
  const { window } = profile;
  const rows = profile.weeklyContacts.map((week) => ({
    ...week,
    label: formatDate(new Date(week.weekStart), format.locale, timeZone),
  }));
  return (
    <ProfileCard title={t("pressureTitle")} description={t("pressureDescription")} testId="customer-pressure">
      <p data-testid="customer-window-contacts" data-value={window.contacts}>
        {window.bucket
          ? t("pressureStatus", {
              contacts: tc("contacts", { count: window.contacts }),
              perWeek: format.number(window.perWeek, 1),
              bucket: bucketLabel(window.bucket),
            })
          : t("notContacted")}
      </p>
      {window.bucket ? (
        <p className={window.overCap ? "mt-1 font-semibold text-red-800" : "mt-1 text-slate-700"}>
          {window.overCap ? "▲ " : ""}
          {t(window.overCap ? "pressureOverCap" : "pressureUnderCap", { cap: format.number(window.cap, 1) })}
        </p>
      ) : null}
      <LazyBarChart
        data={rows.map((row) => ({ key: row.weekStart, label: row.label, value: row.contacts }))}
        name={t("contacts")}
        format={(value) => format.number(value)}
        height={160}
        compactAxis
        reference={{ y: window.cap, label: t("capLabel", { cap: format.number(window.cap, 1) }) }}
      />
    </ProfileCard>
  );
}
