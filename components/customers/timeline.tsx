"use client";

import { useTranslations } from "next-intl";

import { useFormatters } from "@/components/charts/common/use-formatters";
import { useDashboardQuery } from "@/components/metrics/dashboard-query";
import { useChannelLabel } from "@/components/metrics/use-channel-label";
import { Link } from "@/components/ui/link";
import type { CustomerProfile, TimelineEvent } from "@/lib/customers/customer-views";
import { formatDate, formatTime } from "@/lib/format";

import { ProfileCard } from "./profile-card";
import { useListHref } from "./use-list-href";

/** Every event of the customer, newest first, grouped by day; each send with its relevance. */
export function Timeline({
  timeline,
  offset,
  perPage,
}: {
  timeline: CustomerProfile["timeline"];
  offset: number;
  perPage: number;
}) {
  const t = useTranslations("customers");
  const format = useFormatters();
  const { timeZone } = useDashboardQuery();
  const href = useListHref();
  const days = new Map<string, TimelineEvent[]>();
  for (const event of timeline.events) {
    const day = formatDate(new Date(event.at), format.locale, timeZone);
    days.set(day, [...(days.get(day) ?? []), event]);
  }
  const link = "rounded-lg border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-50";
  return (
    <ProfileCard title={t("timelineTitle")} description={t("timelineDescription")} testId="customer-timeline">
      <p className="text-xs text-slate-600" data-total={timeline.total} data-testid="timeline-count">
        {t("timelineCount", {
          from: format.number(Math.min(offset + 1, timeline.total)),
          to: format.number(offset + timeline.events.length),
          total: format.number(timeline.total),
        })}
      </p>
      <ol className="mt-3 space-y-4">
        {[...days.entries()].map(([day, events]) => (
          <li key={day}>
            <h3 className="sticky top-0 bg-white py-1 text-xs font-semibold uppercase tracking-wide text-slate-600">
              {day}
            </h3>
            <ol className="mt-1 space-y-1 border-l-2 border-slate-200 pl-3">
              {events.map((event) => (
                <TimelineRow key={event.id} event={event} />
              ))}
            </ol>
          </li>
        ))}
      </ol>
      <nav aria-label={t("pagination")} className="mt-4 flex gap-2">
        {offset > 0 ? (
          <Link
            href={href({ offset: offset - perPage > 0 ? String(offset - perPage) : null })}
            className={link}
          >
            {t("newerEvents")}
          </Link>
        ) : null}
        {offset + perPage < timeline.total ? (
          <Link href={href({ offset: String(offset + perPage) })} className={link}>
            {t("olderEvents")}
          </Link>
        ) : null}
      </nav>
    </ProfileCard>
  );
}

function TimelineRow({ event }: { event: TimelineEvent }) {
  const t = useTranslations("customers");
  const te = useTranslations("journeys");
  const format = useFormatters();
  const { timeZone, currency } = useDashboardQuery();
  const channelLabel = useChannelLabel();
  const time = formatTime(new Date(event.at), format.locale, timeZone);
  const details = [
    event.channel ? channelLabel(event.channel) : null,
    event.campaignId,
    event.topic ?? (event.topics.length ? event.topics.join(", ") : null),
    event.value !== null
      ? new Intl.NumberFormat(format.locale, {
          style: "currency",
          currency: event.currency ?? currency,
        }).format(event.value)
      : null,
  ].filter(Boolean);
  const isContact = event.relevance !== undefined;
  return (
    <li className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-sm" data-type={event.type}>
      <time dateTime={event.at} className="w-12 shrink-0 tabular-nums text-xs text-slate-600">
        {time}
      </time>
      <span className="font-medium">{te(`eventTypes.${event.type}`)}</span>
      {details.length ? <span className="text-xs text-slate-600">{details.join(" · ")}</span> : null}
      {event.type === "message_sent" && event.messageKind === "transactional" ? (
        <Badge tone="plain">{t("transactional")}</Badge>
      ) : null}
      {isContact ? (
        <Badge
          tone={
            event.relevance === null || event.relevance === undefined
              ? "plain"
              : event.relevance < 20
                ? "warn"
                : "good"
          }
        >
          {event.relevance === null || event.relevance === undefined
            ? t("notScored")
            : t("relevanceBadge", { value: event.relevance })}
        </Badge>
      ) : null}
      {event.clickedAt ? <Badge tone="good">✓ {t("clicked")}</Badge> : null}
      {event.optedOutAt ? <Badge tone="alarm">▲ {t("afterOptOut")}</Badge> : null}
    </li>
  );
}

const TONES = {
  plain: "border-slate-300 text-slate-700",
  good: "border-emerald-300 bg-emerald-50 text-emerald-900",
  warn: "border-amber-300 bg-amber-50 text-amber-950",
  alarm: "border-red-300 bg-red-50 font-semibold text-red-900",
} as const;

function Badge({ tone, children }: { tone: keyof typeof TONES; children: React.ReactNode }) {
  return <span className={`rounded border px-1.5 py-0.5 text-xs ${TONES[tone]}`}>{children}</span>;
}
