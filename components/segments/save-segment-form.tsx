"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";

import { buttonStyles } from "@/components/ui/button-styles";
import type { SegmentFilter } from "@/lib/metrics/segment";
import type { SavedSegment } from "@/lib/schemas/segment";
import { createSegmentAction, updateSegmentAction } from "@/lib/server/actions/segments";

import { describedBy, FieldError, INPUT } from "./field-error";
import { loadSegmentSchemas, type SegmentSchemas } from "./segment-schemas";
import { useActionError } from "./use-action-error";
import { savedSegmentKeys } from "./use-saved-segments";

const NAME_MAX = 80;

/** What the form saves to: the segment being edited (or none), its name and sharing. */
export interface SaveTarget {
  id: number | null;
  name: string;
  shared: boolean;
}

/**
 * Saves the builder's segment: a name and whether it is shared. Editing a segment the user may
 * change offers to save the changes or a new copy. Problems are shown next to what caused them.
 */
export function SaveSegmentForm({
  workspace,
  filter,
  builderValid,
  editing,
  target,
  onTargetChange,
  onSaved,
  onInvalid,
}: {
  workspace: string;
  /** The builder's segment; null when it is empty or not valid. */
  filter: SegmentFilter | null;
  builderValid: boolean;
  /** The saved segment being edited, when the user may change it. */
  editing: SavedSegment | null;
  /** The name and sharing typed in (kept by the page, so that loading a segment fills them). */
  target: SaveTarget;
  onTargetChange: (target: SaveTarget) => void;
  onSaved: (id: number) => void;
  /** Asks the builder to show every problem. */
  onInvalid: () => void;
}) {
  const t = useTranslations("segments");
  const actionError = useActionError();
  const queryClient = useQueryClient();
  const nameRef = useRef<HTMLInputElement>(null);
  const { name, shared } = target;
  const [nameError, setNameError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  async function save(asNew: boolean) {
    setSaved(null);
    setFormError(null);
    let schemas: SegmentSchemas;
    try {
      schemas = await loadSegmentSchemas();
    } catch (error) {
      setFormError(t("errors.server", { detail: error instanceof Error ? error.message : String(error) }));
      return;
    }
    const parsedName = schemas.name.safeParse(name);
    const nameProblem = parsedName.success
      ? null
      : parsedName.error.issues[0].code === "too_big"
        ? t("errors.nameTooLong", { max: NAME_MAX })
        : t("errors.nameRequired");
    setNameError(nameProblem);
    if (!builderValid) onInvalid();
    const definitionProblem = !builderValid
      ? t("errors.fixConditions")
      : !filter
        ? t("errors.noConditions")
        : null;
    setFormError(definitionProblem);
    if (nameProblem) nameRef.current?.focus();
    if (nameProblem || definitionProblem || !filter || !parsedName.success) return;
    const input = { name: parsedName.data, definition: filter, shared };
    startTransition(async () => {
      const result =
        editing && !asNew
          ? await updateSegmentAction(workspace, { ...input, id: editing.id })
          : await createSegmentAction(workspace, input);
      if (!result.ok) {
        setFormError(actionError(result.error));
        return;
      }
      await queryClient.invalidateQueries({ queryKey: savedSegmentKeys.workspace(workspace) });
      setSaved(t("save.saved", { name: input.name }));
      onSaved(result.data.id);
    });
  }

  return (
    <form
      noValidate
      aria-labelledby="save-segment-title"
      onSubmit={(event) => {
        event.preventDefault();
        void save(false);
      }}
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 id="save-segment-title" className="text-base font-semibold text-slate-900">
        {editing ? t("save.editTitle", { name: editing.name }) : t("save.title")}
      </h2>
      <label htmlFor="segment-name" className="mt-3 block text-sm font-medium text-slate-700">
        {t("save.name")}
      </label>
      <input
        ref={nameRef}
        id="segment-name"
        type="text"
        autoComplete="off"
        maxLength={NAME_MAX + 20}
        value={name}
        onChange={(event) => onTargetChange({ ...target, name: event.target.value })}
        placeholder={t("save.namePlaceholder")}
        className={`${INPUT} mt-1 block w-full py-1.5`}
        {...describedBy("segment-name", nameError)}
      />
      <FieldError id="segment-name-error" message={nameError} />
      <label className="mt-3 flex items-start gap-2 text-sm text-slate-800">
        <input
          type="checkbox"
          checked={shared}
          onChange={(event) => onTargetChange({ ...target, shared: event.target.checked })}
          aria-describedby="segment-shared-hint"
          className="mt-0.5 h-4 w-4 accent-brand"
        />
        {t("save.shared")}
      </label>
      <p id="segment-shared-hint" className="mt-1 ml-6 text-xs text-slate-600">
        {t("save.sharedHint")}
      </p>
      {formError ? (
        <p role="alert" className="mt-3 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {formError}
        </p>
      ) : null}
      <p role="status" className="mt-3 text-sm text-emerald-800 empty:hidden">
        {saved}
      </p>
      <div className="mt-4 flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={buttonStyles.primary}>
          {pending ? t("save.saving") : editing ? t("save.saveChanges") : t("save.save")}
        </button>
        {editing ? (
          <button
            type="button"
            disabled={pending}
            onClick={() => void save(true)}
            className={buttonStyles.secondary}
          >
            {t("save.saveAsNew")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
