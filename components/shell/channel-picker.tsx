"use client";

import { useTranslations } from "next-intl";
import { useQueryStates } from "nuqs";

import { CHANNELS, type ChannelName } from "@/lib/events/enums";
import { dashboardParsers } from "@/lib/url-state/dashboard-params";

/** Channel filter; kept in the URL (?channel=) and honoured by every tile. */
export function ChannelPicker() {
  const t = useTranslations("filters");
  const tc = useTranslations("channels");
  const [{ channel }, setParams] = useQueryStates(dashboardParsers, { shallow: false, history: "push" });
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-slate-600">{t("channel")}</span>
      <select
        value={channel ?? ""}
        onChange={(event) => void setParams({ channel: (event.target.value || null) as ChannelName | null })}
        className="rounded-lg border border-slate-300 bg-white px-2 py-1.5"
      >
        <option value="">{t("allChannels")}</option>
        {CHANNELS.map((name) => (
          <option key={name} value={name}>
            {tc(name)}
          </option>
        ))}
      </select>
    </label>
  );
}
