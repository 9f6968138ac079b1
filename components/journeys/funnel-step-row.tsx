"use client";

import { useTranslations } from "next-intl";

import { useChannelLabel } from "@/components/metrics/use-channel-label";
import { CHANNELS, type ChannelName, EVENT_TYPES, type EventTypeName } from "@/lib/events/enums";
import type { FunnelStep } from "@/lib/metrics/journeys";

import { useEventLabel } from "./use-journey-labels";

export type StepAction = "up" | "down" | "remove";

const SELECT = "min-w-0 rounded-lg border border-slate-300 bg-white px-2 py-1 text-sm";
const ICON_BUTTON =
  "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm leading-none text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-40";

/** One funnel step: its event type, optional channel and topic, and buttons to move or remove it. */
export function FunnelStepRow({
  index,
  count,
  step,
  topics,
  canRemove,
  onChange,
  onAction,
}: {
  index: number;
  count: number;
  step: FunnelStep;
  /** Topics to offer (those with contacts in the period). */
  topics: string[];
  canRemove: boolean;
  onChange: (step: FunnelStep) => void;
  onAction: (action: StepAction) => void;
}) {
  const t = useTranslations("journeys");
  const eventLabel = useEventLabel();
  const channelLabel = useChannelLabel();
  const n = index + 1;
  const topicOptions = step.topic && !topics.includes(step.topic) ? [step.topic, ...topics] : topics;
  return (
    <li data-step-index={index} className="flex flex-wrap items-center gap-2">
      <span
        aria-hidden
        className="flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-700"
      >
        {n}
      </span>
      <select
        aria-label={t("stepEvent", { step: n })}
        value={step.type}
        onChange={(event) => onChange({ ...step, type: event.target.value as EventTypeName })}
        className={SELECT}
      >
        {EVENT_TYPES.map((type) => (
          <option key={type} value={type}>
            {eventLabel(type)}
          </option>
        ))}
      </select>
      <select
        aria-label={t("stepChannel", { step: n })}
        value={step.channel ?? ""}
        onChange={(event) =>
          onChange({ ...step, channel: (event.target.value || undefined) as ChannelName | undefined })
        }
        className={SELECT}
      >
        <option value="">{t("anyChannel")}</option>
        {CHANNELS.map((channel) => (
          <option key={channel} value={channel}>
            {channelLabel(channel)}
          </option>
        ))}
      </select>
      <select
        aria-label={t("stepTopic", { step: n })}
        value={step.topic ?? ""}
        onChange={(event) => onChange({ ...step, topic: event.target.value || undefined })}
        className={SELECT}
      >
        <option value="">{t("anyTopic")}</option>
        {topicOptions.map((topic) => (
          <option key={topic} value={topic}>
            {topic}
          </option>
        ))}
      </select>
      <span className="flex gap-1">
        <button
          type="button"
          data-action="up"
          aria-label={t("moveUp", { step: n })}
          title={t("moveUp", { step: n })}
          disabled={index === 0}
          onClick={() => onAction("up")}
          className={ICON_BUTTON}
        >
          <span aria-hidden>↑</span>
        </button>
        <button
          type="button"
          data-action="down"
          aria-label={t("moveDown", { step: n })}
          title={t("moveDown", { step: n })}
          disabled={index === count - 1}
          onClick={() => onAction("down")}
          className={ICON_BUTTON}
        >
          <span aria-hidden>↓</span>
        </button>
        <button
          type="button"
          data-action="remove"
          aria-label={t("removeStep", { step: n })}
          title={t("removeStep", { step: n })}
          disabled={!canRemove}
          onClick={() => onAction("remove")}
          className={ICON_BUTTON}
        >
          <span aria-hidden>✕</span>
        </button>
      </span>
    </li>
  );
}
