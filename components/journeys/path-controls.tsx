"use client";

import { useTranslations } from "next-intl";

import { useChannelLabel } from "@/components/metrics/use-channel-label";
import { CHANNELS, type ChannelName, EVENT_TYPES, type EventTypeName } from "@/lib/events/enums";
import { PATH_DEPTHS, type PathDepth } from "@/lib/url-state/journeys-params";

import { useEventLabel } from "./use-journey-labels";

const SELECT = "rounded-lg border border-slate-300 bg-white px-2 py-1 text-sm disabled:opacity-50";

export interface PathView {
  anchor: "start" | "end";
  /** The anchor event; null = any event (start-anchored only). */
  event: EventTypeName | null;
  channel: ChannelName | null;
  depth: PathDepth;
}

/** The path explorer's controls: "starting from" or "leading to", the anchor event and channel, the steps shown. */
export function PathControls({
  view,
  onChange,
}: {
  view: PathView;
  onChange: (change: Partial<PathView>) => void;
}) {
  const t = useTranslations("journeys");
  const eventLabel = useEventLabel();
  const channelLabel = useChannelLabel();
  return (
    <div className="flex flex-wrap items-end gap-x-4 gap-y-3 text-sm">
      <div role="group" aria-label={t("direction")} className="flex rounded-lg border border-slate-300 p-0.5">
        {(["start", "end"] as const).map((anchor) => (
          <button
            key={anchor}
            type="button"
            aria-pressed={view.anchor === anchor}
            onClick={() => onChange({ anchor })}
            className={`rounded-md px-3 py-1 font-medium ${
              view.anchor === anchor ? "bg-brand text-white" : "text-slate-700 hover:bg-slate-100"
            }`}
          >
            {anchor === "start" ? t("startingFrom") : t("leadingTo")}
          </button>
        ))}
      </div>
      <label className="flex flex-col gap-1">
        <span className="text-xs text-slate-600">{t("anchorEvent")}</span>
        <select
          value={view.event ?? ""}
          onChange={(event) => onChange({ event: (event.target.value || null) as EventTypeName | null })}
          className={SELECT}
        >
          {view.anchor === "start" ? <option value="">{t("anyEvent")}</option> : null}
          {EVENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {eventLabel(type)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs text-slate-600">{t("anchorChannel")}</span>
        <select
          value={view.channel ?? ""}
          disabled={view.event === null}
          onChange={(event) => onChange({ channel: (event.target.value || null) as ChannelName | null })}
          className={SELECT}
        >
          <option value="">{t("anyChannel")}</option>
          {CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {channelLabel(channel)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs text-slate-600">{t("pathDepth")}</span>
        <select
          value={view.depth}
          onChange={(event) => onChange({ depth: Number(event.target.value) as PathDepth })}
          className={SELECT}
        >
          {PATH_DEPTHS.map((depth) => (
            <option key={depth} value={depth}>
              {t("stepsCount", { count: depth })}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
