"use client";

import { useTranslations } from "next-intl";
import { useQueryStates } from "nuqs";
import { useId, useRef, useState } from "react";

import { useDashboardQuery } from "@/components/metrics/dashboard-query";
import { buttonStyles } from "@/components/ui/button-styles";
import type { SavedSegment } from "@/lib/schemas/segment";
import { dashboardParsers } from "@/lib/url-state/dashboard-params";

import { LiveCount } from "./live-count";
import { type SaveTarget, SaveSegmentForm } from "./save-segment-form";
import { SavedSegmentsList } from "./saved-segments-list";
import { SegmentBuilder } from "./segment-builder";
import { SegmentCompare } from "./segment-compare";
import { canEditSegment, type SegmentViewer } from "./segment-viewer";
import { useSavedSegments } from "./use-saved-segments";
import { useSegmentBuilder } from "./use-segment-builder";

const NEW: SaveTarget = { id: null, name: "", shared: false };

/** The Segments page: the builder with its live count and save form, the saved segments, the comparison. */
export function SegmentsWorkspace({
  initialSegments,
  viewer,
}: {
  initialSegments: SavedSegment[];
  viewer: SegmentViewer;
}) {
  const t = useTranslations("segments");
  const { locale, timeZone } = useDashboardQuery();
  const builder = useSegmentBuilder(useId());
  const { data: segments = initialSegments } = useSavedSegments(viewer.workspace, initialSegments);
  const [target, setTarget] = useState<SaveTarget>(NEW);
  // Loading a segment starts the save form afresh (its messages belong to the previous one).
  const [formKey, setFormKey] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [{ segment: filterId }, setParams] = useQueryStates(dashboardParsers, { shallow: false });
  const editing =
    target.id === null
      ? null
      : (segments.find((segment) => segment.id === target.id && canEditSegment(viewer, segment)) ?? null);

  const start = (filter: SavedSegment["definition"], next: SaveTarget) => {
    builder.load(filter);
    setTarget(next);
    setFormKey((key) => key + 1);
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: "start", behavior: "smooth" });
  };

  return (
    <div className="space-y-4">
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <section
          data-testid="segment-builder"
          aria-labelledby="segment-builder-title"
          className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
        >
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div>
              <h2
                id="segment-builder-title"
                ref={headingRef}
                tabIndex={-1}
                className="scroll-mt-4 text-base font-semibold text-slate-900 outline-none"
              >
                {editing ? t("builder.editingTitle", { name: editing.name }) : t("builder.title")}
              </h2>
              <p className="mt-1 max-w-prose text-xs text-slate-600">{t("builder.description")}</p>
            </div>
            {editing || builder.tree.children.length > 0 ? (
              <button
                type="button"
                onClick={() => start(null, NEW)}
                className={`${buttonStyles.secondary} py-1 text-xs`}
              >
                {t("builder.startNew")}
              </button>
            ) : null}
          </div>
          <div className="mt-4">
            <SegmentBuilder tree={builder.tree} editing={builder.editing} />
          </div>
        </section>
        <div className="space-y-4">
          <LiveCount
            segmentJson={builder.segmentJson}
            pending={builder.countPending}
            incomplete={!builder.check.valid}
          />
          <SaveSegmentForm
            key={formKey}
            workspace={viewer.workspace}
            filter={builder.check.filter}
            builderValid={builder.check.valid}
            editing={editing}
            target={target}
            onTargetChange={setTarget}
            onSaved={(id) => setTarget((current) => ({ ...current, id }))}
            onInvalid={builder.showAllIssues}
          />
        </div>
      </div>
      <SavedSegmentsList
        segments={segments}
        viewer={viewer}
        locale={locale}
        timeZone={timeZone}
        editingId={editing?.id ?? null}
        onOpen={(segment, editable) =>
          start(
            segment.definition,
            editable
              ? { id: segment.id, name: segment.name, shared: segment.shared }
              : { id: null, name: t("builder.copyOf", { name: segment.name }), shared: false },
          )
        }
        onDeleted={(id) => {
          setTarget((current) => (current.id === id ? { ...current, id: null } : current));
          // A deleted segment can no longer filter anything.
          if (filterId === id) void setParams({ segment: null });
        }}
      />
      <SegmentCompare saved={segments} builderJson={builder.segmentJson} />
    </div>
  );
}
