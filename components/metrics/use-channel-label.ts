"use client";

import { useTranslations } from "next-intl";

import type { ChannelName } from "@/lib/events/enums";

/** A channel's name in the interface language; `null` (a send without a channel) as "(no channel)". */
export function useChannelLabel() {
  const t = useTranslations("channels");
  const tf = useTranslations("frequency");
  return (channel: ChannelName | null) => (channel === null ? tf("noChannel") : t(channel));
}
