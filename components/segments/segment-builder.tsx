"use client";

import { useTranslations } from "next-intl";

import { useMetric } from "@/components/metrics/use-metric";
import type { RelevanceByTopicRow } from "@/lib/metrics/relevance";
import { MAX_SEGMENT_DEPTH, MAX_SEGMENT_LEAVES } from "@/lib/metrics/segment-limits";

import type { GroupNode } from "./builder-tree";
import { GroupEditor, type TreeEditing } from "./group-editor";

/** The tree editor of the segment language: groups, conditions, NOT, with problems shown in place. */
export function SegmentBuilder({ tree, editing }: { tree: GroupNode; editing: TreeEditing }) {
  const t = useTranslations("segments");
  // Topics offered for "stated topic": those contacted about in the period.
  const topics = useMetric<RelevanceByTopicRow[]>("relevance-topics");
  const topicNames = (topics.data?.result ?? []).flatMap((row) => (row.topic ? [row.topic] : []));
  const { check } = editing;
  return (
    <div>
      <GroupEditor group={tree} position="" level={1} editing={editing} />
      {check.tooDeep || check.tooLarge ? (
        <p role="alert" className="mt-3 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {check.tooDeep
            ? t("errors.tooDeep", { max: MAX_SEGMENT_DEPTH })
            : t("errors.tooLarge", { max: MAX_SEGMENT_LEAVES })}
        </p>
      ) : null}
      <datalist id={editing.topicsListId}>
        {topicNames.map((topic) => (
          <option key={topic} value={topic} />
        ))}
      </datalist>
    </div>
  );
}
