"use client";

import { useTranslations } from "next-intl";

import { FREQUENCY_BUCKETS, type FrequencyBucketId } from "@/lib/metrics/frequency-buckets";

import { describedBy, FieldError } from "./field-error";

/** The frequency buckets a condition accepts, as a group of checkboxes. */
export function BucketCheckboxes({
  id,
  position,
  value,
  onChange,
  error,
}: {
  id: string;
  position: string;
  value: FrequencyBucketId[];
  onChange: (value: FrequencyBucketId[]) => void;
  error: string | null;
}) {
  const t = useTranslations("segments");
  const toggle = (bucket: FrequencyBucketId, on: boolean) =>
    onChange(FREQUENCY_BUCKETS.map((b) => b.id).filter((b) => (b === bucket ? on : value.includes(b))));
  return (
    <div>
      <fieldset className="flex flex-wrap items-center gap-1.5" {...describedBy(id, error)}>
        <legend className="sr-only">{t("builder.bucketsLabel", { position })}</legend>
        {FREQUENCY_BUCKETS.map((bucket) => (
          <label
            key={bucket.id}
            className="flex items-center gap-1 rounded-md border border-slate-300 bg-white px-1.5 py-0.5 text-sm tabular-nums has-[:checked]:border-brand has-[:checked]:bg-brand-soft"
          >
            <input
              type="checkbox"
              checked={value.includes(bucket.id)}
              onChange={(event) => toggle(bucket.id, event.target.checked)}
              className="h-3.5 w-3.5 accent-brand"
            />
            {bucket.label}
          </label>
        ))}
        <span className="text-sm text-slate-600">{t("builder.perWeek")}</span>
      </fieldset>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
