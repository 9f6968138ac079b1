"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef } from "react";

import type { ConditionDraft, ConditionNode } from "./builder-tree";
import { ConditionSubject } from "./condition-subject";
import { ConditionValue } from "./condition-value";
import type { ConditionInput, ConditionIssues } from "./draft-to-leaf";
import { FieldSelect } from "./field-select";
import { NotToggle } from "./not-toggle";
import { OperatorSelect } from "./operator-select";
import { withField } from "./segment-fields";
import { useIssueMessage } from "./use-issue-message";

const ICON_BUTTON =
  "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm leading-none text-slate-700 hover:bg-red-50 hover:text-red-800";

/** One condition of the builder: NOT, field, what it is about, operator, value, and remove. */
export function ConditionEditor({
  node,
  position,
  issues,
  showIssues,
  autoFocus,
  topicsListId,
  onChange,
  onRemove,
  onTouched,
}: {
  node: ConditionNode;
  /** Its place in the tree, e.g. "2.1". */
  position: string;
  issues: ConditionIssues | undefined;
  /** Show problems (after the user left the condition, or tried to save). */
  showIssues: boolean;
  /** Take focus when it appears (it was just added). */
  autoFocus: boolean;
  topicsListId: string;
  onChange: (node: ConditionNode) => void;
  onRemove: () => void;
  onTouched: () => void;
}) {
  const t = useTranslations("segments");
  const message = useIssueMessage();
  const id = useId();
  const fieldRef = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (autoFocus) fieldRef.current?.focus();
  }, [autoFocus]);

  const errors: Partial<Record<ConditionInput, string>> = {};
  if (showIssues && issues) {
    for (const input of Object.keys(issues) as ConditionInput[])
      errors[input] = message(issues[input]!, input);
  }
  const setDraft = (draft: ConditionDraft) => onChange({ ...node, draft });
  return (
    <fieldset
      data-testid="segment-condition"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) onTouched();
      }}
      className={`rounded-lg border bg-white px-3 py-2 ${node.negated ? "border-red-300 border-dashed" : "border-slate-200"}`}
    >
      <legend className="sr-only">{t("builder.conditionLegend", { position })}</legend>
      <div className="flex flex-wrap items-start gap-2">
        <NotToggle
          pressed={node.negated}
          label={t("builder.negateCondition", { position })}
          onToggle={() => onChange({ ...node, negated: !node.negated })}
        />
        <FieldSelect
          ref={fieldRef}
          value={node.draft.field}
          position={position}
          onChange={(field) => setDraft(withField(node.draft, field))}
        />
        <ConditionSubject
          id={id}
          draft={node.draft}
          position={position}
          onChange={setDraft}
          keyError={errors.key ?? null}
        />
        <OperatorSelect draft={node.draft} position={position} onChange={setDraft} />
        <ConditionValue
          id={id}
          draft={node.draft}
          position={position}
          onChange={setDraft}
          errors={errors}
          topicsListId={topicsListId}
        />
        <button
          type="button"
          aria-label={t("builder.removeCondition", { position })}
          title={t("builder.removeCondition", { position })}
          onClick={onRemove}
          className={`${ICON_BUTTON} ml-auto`}
        >
          <span aria-hidden>✕</span>
        </button>
      </div>
    </fieldset>
  );
}
