"use client";

import { useTranslations } from "next-intl";

import { BucketCheckboxes } from "./bucket-checkboxes";
import type { ConditionDraft, ConsentState } from "./builder-tree";
import type { ConditionInput } from "./draft-to-leaf";
import { SELECT } from "./field-error";
import { LabelledTextInput } from "./labelled-text-input";
import { FLAG_FIELDS, VALUELESS_TRAIT_OPERATORS } from "./segment-fields";

const CONSENT_STATES: ConsentState[] = ["granted", "optedOut", "unknown"];

/** The value inputs a condition's field and operator call for. */
export function ConditionValue({
  id,
  draft,
  position,
  onChange,
  errors,
  topicsListId,
}: {
  id: string;
  draft: ConditionDraft;
  position: string;
  onChange: (draft: ConditionDraft) => void;
  errors: Partial<Record<ConditionInput, string>>;
  /** The datalist of known topics. */
  topicsListId: string;
}) {
  const t = useTranslations("segments");
  const label = t("builder.valueLabel", { position });
  const text = (props: Partial<Parameters<typeof LabelledTextInput>[0]>) => (
    <LabelledTextInput
      id={`${id}-value`}
      label={label}
      value={draft.text}
      onChange={(value) => onChange({ ...draft, text: value })}
      error={errors.value ?? null}
      {...props}
    />
  );

  if (FLAG_FIELDS.includes(draft.field)) {
    return (
      <select
        aria-label={label}
        value={String(draft.flag)}
        onChange={(event) => onChange({ ...draft, flag: event.target.value === "true" })}
        className={SELECT}
      >
        <option value="true">{t("builder.yes")}</option>
        <option value="false">{t("builder.no")}</option>
      </select>
    );
  }
  switch (draft.field) {
    case "trait":
      if (VALUELESS_TRAIT_OPERATORS.includes(draft.op)) return null;
      if (draft.op === "in" || draft.op === "notIn")
        return text({ placeholder: t("builder.listPlaceholder"), width: "w-48" });
      if (draft.op === "eq" || draft.op === "neq")
        return text({ placeholder: t("builder.valuePlaceholder") });
      return text({ numeric: true, placeholder: t("builder.numberPlaceholder") });
    case "frequencyBucket":
      return (
        <BucketCheckboxes
          id={`${id}-value`}
          position={position}
          value={draft.buckets}
          onChange={(buckets) => onChange({ ...draft, buckets })}
          error={errors.value ?? null}
        />
      );
    case "relevance":
      return (
        <div className="flex flex-wrap items-start gap-1.5">
          <LabelledTextInput
            id={`${id}-min`}
            label={t("builder.minLabel", { position })}
            value={draft.min}
            onChange={(min) => onChange({ ...draft, min })}
            error={errors.min ?? null}
            placeholder="0"
            numeric
            width="w-16"
          />
          <span className="py-1 text-sm text-slate-600">{t("builder.and")}</span>
          <LabelledTextInput
            id={`${id}-max`}
            label={t("builder.maxLabel", { position })}
            value={draft.max}
            onChange={(max) => onChange({ ...draft, max })}
            error={errors.max ?? null}
            placeholder="100"
            numeric
            width="w-16"
          />
        </div>
      );
    case "consent":
      return (
        <select
          aria-label={label}
          value={draft.consent}
          onChange={(event) => onChange({ ...draft, consent: event.target.value as ConsentState })}
          className={SELECT}
        >
          {CONSENT_STATES.map((state) => (
            <option key={state} value={state}>
              {t(`consent.${state}`)}
            </option>
          ))}
        </select>
      );
    case "statedTopic":
      return text({ placeholder: t("builder.topicPlaceholder"), list: topicsListId, width: "w-40" });
    case "daysSinceLastPurchase":
      return text({ numeric: true, unit: t("builder.days"), width: "w-20" });
    case "statedMaxPerWeek":
      return text({ numeric: true, unit: t("builder.perWeek"), width: "w-20" });
    default:
      return text({ numeric: true, width: "w-20" });
  }
}
