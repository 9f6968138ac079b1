"use client";

import { useTranslations } from "next-intl";

import { useFormatters } from "@/components/charts/common/use-formatters";
import { useDashboardQuery } from "@/components/metrics/dashboard-query";
import { useChannelLabel } from "@/components/metrics/use-channel-label";
import type { CustomerProfile } from "@/lib/customers/customer-views";
import { formatDateTime } from "@/lib/format";

import { ProfileCard } from "./profile-card";

const HISTORY_SHOWN = 20;

/** Consent in force per channel, and the grants, withdrawals, unsubscribes and complaints behind it. */
export function ConsentCard({ profile }: { profile: CustomerProfile }) {
  const t = useTranslations("customers");
  const te = useTranslations("journeys");
  const format = useFormatters();
  const channelLabel = useChannelLabel();
  const { timeZone } = useDashboardQuery();
  const when = (iso: string) => formatDateTime(new Date(iso), format.locale, timeZone);
  return (
    <ProfileCard title={t("consentTitle")} testId="customer-consent">
      {profile.consent.length === 0 ? (
        <p className="text-slate-600">{t("noConsent")}</p>
      ) : (
        <>
          <h3 className="text-xs font-medium uppercase tracking-wide text-slate-600">{t("consentNow")}</h3>
          <ul className="mt-1 space-y-1">
            {profile.consent.map((consent) => (
              <li key={consent.channel} className="flex justify-between gap-3">
                <span>{channelLabel(consent.channel)}</span>
                <span className={consent.state === "granted" ? "font-medium" : "font-semibold text-red-800"}>
                  {consent.state === "granted" ? "✓ " : "✕ "}
                  {t("consentState", { state: consent.state })}
                </span>
              </li>
            ))}
          </ul>
          <h3 className="mt-4 text-xs font-medium uppercase tracking-wide text-slate-600">
            {t("consentHistory")}
          </h3>
          <ol className="mt-1 space-y-1 text-xs">
            {profile.consentHistory.slice(0, HISTORY_SHOWN).map((change, index) => (
              <li key={`${change.at}-${index}`} className="flex justify-between gap-3">
                <span>
                  {te(`eventTypes.${change.type}`)} ·{" "}
                  {change.channel ? channelLabel(change.channel) : t("allChannels")}
                </span>
                <time dateTime={change.at} className="shrink-0 text-slate-600">
                  {when(change.at)}
                </time>
              </li>
            ))}
          </ol>
        </>
      )}
    </ProfileCard>
  );
}
