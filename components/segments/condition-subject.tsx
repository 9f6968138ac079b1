"use client";

import { useTranslations } from "next-intl";

import { useChannelLabel } from "@/components/metrics/use-channel-label";
import { CHANNELS, type ChannelName } from "@/lib/events/enums";

import type { ConditionDraft } from "./builder-tree";
import { SELECT } from "./field-error";
import { LabelledTextInput } from "./labelled-text-input";

/** What a condition is about, between the field and the operator: a trait's name or a consent's channel. */
export function ConditionSubject({
  id,
  draft,
  position,
  onChange,
  keyError,
}: {
  id: string;
  draft: ConditionDraft;
  position: string;
  onChange: (draft: ConditionDraft) => void;
  keyError: string | null;
}) {
  const t = useTranslations("segments");
  const channelLabel = useChannelLabel();
  if (draft.field === "trait") {
    return (
      <LabelledTextInput
        id={`${id}-key`}
        label={t("builder.traitKeyLabel", { position })}
        placeholder={t("builder.traitKeyPlaceholder")}
        value={draft.key}
        onChange={(key) => onChange({ ...draft, key })}
        error={keyError}
        width="w-32"
      />
    );
  }
  if (draft.field === "consent") {
    return (
      <select
        aria-label={t("builder.channelLabel", { position })}
        value={draft.channel}
        onChange={(event) => onChange({ ...draft, channel: event.target.value as ChannelName })}
        className={SELECT}
      >
        {CHANNELS.map((channel) => (
          <option key={channel} value={channel}>
            {channelLabel(channel)}
          </option>
        ))}
      </select>
    );
  }
  return null;
}
