"use client";

import { useTranslations } from "next-intl";
import type { Ref } from "react";

import type { SegmentField } from "@/lib/metrics/segment";

import { SELECT } from "./field-error";
import { FIELD_GROUPS } from "./segment-fields";

/** The field a condition tests: every field of the segment language, grouped. */
export function FieldSelect({
  ref,
  value,
  position,
  onChange,
}: {
  ref?: Ref<HTMLSelectElement>;
  value: SegmentField;
  position: string;
  onChange: (field: SegmentField) => void;
}) {
  const t = useTranslations("segments");
  return (
    <select
      ref={ref}
      aria-label={t("builder.fieldLabel", { position })}
      value={value}
      onChange={(event) => onChange(event.target.value as SegmentField)}
      className={`${SELECT} font-medium`}
    >
      {FIELD_GROUPS.map((group) => (
        <optgroup key={group.id} label={t(`fieldGroups.${group.id}`)}>
          {group.fields.map((field) => (
            <option key={field} value={field}>
              {t(`fields.${field}`)}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
