"use client";

import { useTranslations } from "next-intl";

import { useChannelLabel } from "@/components/metrics/use-channel-label";
import type { ChannelName, EventTypeName } from "@/lib/events/enums";
import { PATH_END, PATH_LABEL_SEPARATOR, PATH_OTHER } from "@/lib/metrics/journey-limits";
import type { FunnelStep } from "@/lib/metrics/journeys";

import { PATH_START } from "./path-sankey-data";

const MESSAGE_TYPES = [
  "message_sent",
  "message_delivered",
  "message_bounced",
  "message_opened",
  "message_clicked",
] as const;
const isMessageType = (type: EventTypeName): type is (typeof MESSAGE_TYPES)[number] =>
  (MESSAGE_TYPES as readonly string[]).includes(type);

/** An event type's name in the interface language, e.g. "Message opened". */
export function useEventLabel() {
  const t = useTranslations("journeys");
  return (type: EventTypeName) => t(`eventTypes.${type}`);
}

/** A path step's label in words: "E-mail · opened", "(path ends)", "Other events". */
export function usePathLabel() {
  const t = useTranslations("journeys");
  const eventLabel = useEventLabel();
  const channelLabel = useChannelLabel();
  return (label: string) => {
    if (label === PATH_END) return t("pathEnd");
    if (label === PATH_OTHER) return t("pathOther");
    if (label === PATH_START) return t("pathStart");
    const [first, second] = label.split(PATH_LABEL_SEPARATOR);
    if (second === undefined) return eventLabel(first as EventTypeName);
    // A message event with its channel: "E-mail · opened" (the channel says it is a message).
    const type = second as EventTypeName;
    const verb = isMessageType(type) ? t(`messageShort.${type}`) : eventLabel(type);
    return `${channelLabel(first as ChannelName)}${PATH_LABEL_SEPARATOR}${verb}`;
  };
}

/** A funnel step as its event's name and, apart, its filters in words ("E-mail · topic running"). */
export function useFunnelStepLabel() {
  const t = useTranslations("journeys");
  const eventLabel = useEventLabel();
  const channelLabel = useChannelLabel();
  return (step: FunnelStep) => {
    const filters = [
      step.channel ? channelLabel(step.channel) : null,
      step.topic ? t("topicIs", { topic: step.topic }) : null,
    ].filter((part): part is string => part !== null);
    return {
      name: eventLabel(step.type),
      filters: filters.length ? filters.join(PATH_LABEL_SEPARATOR) : null,
    };
  };
}
