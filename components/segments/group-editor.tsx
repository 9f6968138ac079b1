"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

import { buttonStyles } from "@/components/ui/button-styles";
import { MAX_SEGMENT_DEPTH } from "@/lib/metrics/segment-limits";

import { type BuilderNode, type GroupNode, newCondition, newGroup } from "./builder-tree";
import { ConditionEditor } from "./condition-editor";
import { SELECT } from "./field-error";
import { NotToggle } from "./not-toggle";
import type { TreeCheck } from "./tree-to-filter";

export interface TreeEditing {
  check: TreeCheck;
  /** Condition ids whose problems are shown. */
  touched: ReadonlySet<string> | "all";
  /** The node that was just added and takes focus. */
  focusId: string | null;
  topicsListId: string;
  update: (id: string, fn: (node: BuilderNode) => BuilderNode | null) => void;
  add: (groupId: string, node: BuilderNode) => void;
  touch: (id: string) => void;
}

/** A group of the builder: all of / any of its conditions and groups, NOT, and buttons to add to it. */
export function GroupEditor({
  group,
  position,
  level,
  editing,
  onRemove,
}: {
  group: GroupNode;
  /** Its place in the tree ("" for the root). */
  position: string;
  /** How deep it sits: 1 for the root. */
  level: number;
  editing: TreeEditing;
  /** Removes the group (not given for the root). */
  onRemove?: () => void;
}) {
  const t = useTranslations("segments");
  const addRef = useRef<HTMLButtonElement>(null);
  const opRef = useRef<HTMLSelectElement>(null);
  const root = position === "";
  const { check, update, add } = editing;
  useEffect(() => {
    if (editing.focusId === group.id && !root) opRef.current?.focus();
  }, [editing.focusId, group.id, root]);

  const remove = (id: string) => {
    update(id, () => null);
    addRef.current?.focus();
  };
  const childPosition = (index: number) => (root ? String(index + 1) : `${position}.${index + 1}`);
  const empty = check.emptyGroups.has(group.id) && (!root || group.negated);
  return (
    <fieldset
      data-testid={root ? "segment-root" : "segment-group"}
      className={
        root
          ? ""
          : `rounded-xl border p-3 ${group.negated ? "border-dashed border-red-300 bg-red-50/40" : "border-slate-300 bg-slate-50"}`
      }
    >
      <legend className="sr-only">
        {root ? t("builder.rootLegend") : t("builder.groupLegend", { position })}
      </legend>
      <div className="flex flex-wrap items-center gap-2">
        <NotToggle
          pressed={group.negated}
          label={root ? t("builder.negateRoot") : t("builder.negateGroup", { position })}
          onToggle={() => update(group.id, (node) => ({ ...node, negated: !node.negated }))}
        />
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <span className="sr-only">
            {root ? t("builder.rootMatch") : t("builder.groupMatch", { position })}
          </span>
          <select
            ref={opRef}
            value={group.op}
            onChange={(event) =>
              update(group.id, (node) => ({ ...node, op: event.target.value as "and" | "or" }))
            }
            className={`${SELECT} font-medium`}
          >
            <option value="and">{t("builder.allOf")}</option>
            <option value="or">{t("builder.anyOf")}</option>
          </select>
        </label>
        {onRemove ? (
          <button
            type="button"
            aria-label={t("builder.removeGroupAt", { position })}
            onClick={onRemove}
            className={`${buttonStyles.danger} ml-auto py-1 text-xs`}
          >
            {t("builder.removeGroup")}
          </button>
        ) : null}
      </div>
      {group.children.length === 0 ? (
        <p className={`mt-3 text-sm ${empty ? "text-red-700" : "text-slate-600"}`}>
          {root && !group.negated ? t("builder.emptyRoot") : t("builder.emptyGroup")}
        </p>
      ) : (
        <ol className="mt-3 space-y-2">
          {group.children.map((child, index) => (
            <li key={child.id}>
              {index > 0 ? (
                <span
                  aria-hidden
                  className="mb-1 ml-3 block text-xs font-semibold uppercase tracking-wide text-slate-500"
                >
                  {group.op === "and" ? t("builder.and") : t("builder.or")}
                </span>
              ) : null}
              {child.kind === "group" ? (
                <GroupEditor
                  group={child}
                  position={childPosition(index)}
                  level={level + 1}
                  editing={editing}
                  onRemove={() => remove(child.id)}
                />
              ) : (
                <ConditionEditor
                  node={child}
                  position={childPosition(index)}
                  issues={check.conditions.get(child.id)}
                  showIssues={editing.touched === "all" || editing.touched.has(child.id)}
                  autoFocus={editing.focusId === child.id}
                  topicsListId={editing.topicsListId}
                  onChange={(node) => update(child.id, () => node)}
                  onRemove={() => remove(child.id)}
                  onTouched={() => editing.touch(child.id)}
                />
              )}
            </li>
          ))}
        </ol>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <button
          ref={addRef}
          type="button"
          aria-label={root ? undefined : t("builder.addConditionTo", { position })}
          onClick={() => add(group.id, newCondition())}
          className={`${buttonStyles.secondary} py-1`}
        >
          {t("builder.addCondition")}
        </button>
        <button
          type="button"
          disabled={level + 2 > MAX_SEGMENT_DEPTH}
          aria-label={root ? undefined : t("builder.addGroupTo", { position })}
          onClick={() => add(group.id, newGroup(group.op === "and" ? "or" : "and", [newCondition()]))}
          className={`${buttonStyles.secondary} py-1`}
        >
          {t("builder.addGroup")}
        </button>
      </div>
    </fieldset>
  );
}
