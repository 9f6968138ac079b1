"use client";

import { useTranslations } from "next-intl";
import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import { CHART_ALERT, CHART_AXIS, CHART_COLORS, CHART_GRID } from "@/components/charts/common/palette";
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
      <ResponsiveContainer width="100%" height={160}>
        <BarChart data={rows} margin={{ top: 12, right: 4, left: -20, bottom: 0 }}>
          <CartesianGrid stroke={CHART_GRID} vertical={false} />
          <XAxis dataKey="label" stroke={CHART_AXIS} fontSize={10} interval="preserveStartEnd" />
          <YAxis stroke={CHART_AXIS} fontSize={11} allowDecimals={false} />
          <Tooltip
            formatter={(value) => [format.number(Number(value)), t("contacts")]}
            labelFormatter={(label) => `${t("weekOf")} ${label}`}
          />
          <ReferenceLine
            y={window.cap}
            stroke={CHART_ALERT}
            strokeDasharray="4 3"
            label={{
              value: t("capLabel", { cap: format.number(window.cap, 1) }),
              position: "insideTopRight",
              fontSize: 10,
              fill: CHART_ALERT,
            }}
          />
          <Bar isAnimationActive={false} dataKey="contacts" fill={CHART_COLORS[0]} radius={[3, 3, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </ProfileCard>
  );
}
