"use client";

import { useTranslations } from "next-intl";

import type { Comparison } from "@/lib/metrics/segment";

import type { ConditionDraft } from "./builder-tree";
import { SELECT } from "./field-error";
import { FIELD_OPERATORS, FLAG_FIELDS } from "./segment-fields";

type Operator = "is" | "in" | "notIn" | "between" | "includes" | "exists" | "missing" | Comparison;

/** A condition's operator: a select when the field has several, the operator in words when it has one. */
export function OperatorSelect({
  draft,
  position,
  onChange,
}: {
  draft: ConditionDraft;
  position: string;
  onChange: (draft: ConditionDraft) => void;
}) {
  const t = useTranslations("segments");
  const operators = FIELD_OPERATORS[draft.field];
  if (operators.length === 1) {
    // Yes/no fields read "Contacted in the period: yes"; the others say their one operator.
    if (FLAG_FIELDS.includes(draft.field)) return null;
    return <span className="py-1 text-sm text-slate-700">{t(`operators.${draft.op as Operator}`)}</span>;
  }
  // Counts and days read better as "at least 2" than "is at least 2".
  const words = draft.field === "trait" ? "operators" : "numericOperators";
  return (
    <select
      aria-label={t("builder.operatorLabel", { position })}
      value={draft.op}
      onChange={(event) => onChange({ ...draft, op: event.target.value })}
      className={SELECT}
    >
      {operators.map((op) => (
        <option key={op} value={op}>
          {words === "operators"
            ? t(`operators.${op as Operator}`)
            : t(`numericOperators.${op as Comparison}`)}
        </option>
      ))}
    </select>
  );
}
