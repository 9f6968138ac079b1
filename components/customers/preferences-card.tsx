"use client";

import { useTranslations } from "next-intl";

import { useFormatters } from "@/components/charts/common/use-formatters";
import { useDashboardQuery } from "@/components/metrics/dashboard-query";
import type { CustomerProfile } from "@/lib/customers/customer-views";
import { formatDate } from "@/lib/format";

import { ProfileCard } from "./profile-card";

/** What the customer told the preference centre: topics and a weekly maximum. */
export function PreferencesCard({ profile }: { profile: CustomerProfile }) {
  const t = useTranslations("customers");
  const format = useFormatters();
  const { timeZone } = useDashboardQuery();
  const preferences = profile.preferences;
  return (
    <ProfileCard title={t("preferencesTitle")} testId="customer-preferences">
      {preferences ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="text-slate-600">{t("statedTopics")}</dt>
          <dd className="font-medium">
            {preferences.topics.length ? preferences.topics.join(", ") : t("anyTopic")}
          </dd>
          <dt className="text-slate-600">{t("statedMax")}</dt>
          <dd className="font-medium">
            {preferences.maxPerWeek === null
              ? "—"
              : t("perWeekValue", { value: format.number(preferences.maxPerWeek, 1) })}
          </dd>
          <dd className="col-span-2 text-xs text-slate-600">
            {t("updated", { date: formatDate(new Date(preferences.updatedAt), format.locale, timeZone) })}
          </dd>
        </dl>
      ) : (
        <p className="text-slate-600">{t("noPreferences")}</p>
      )}
    </ProfileCard>
  );
}
