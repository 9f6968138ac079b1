"use client";

import { useTranslations } from "next-intl";
import { useRef } from "react";

import { buttonStyles } from "@/components/ui/button-styles";
import { formatDate } from "@/lib/format";
import type { SavedSegment } from "@/lib/schemas/segment";

import { DeleteSegmentButton } from "./delete-segment-button";
import { canEditSegment, type SegmentViewer } from "./segment-viewer";
import { UseAsFilterLink } from "./use-as-filter-link";

const HEAD = "border-b border-slate-200 px-2 py-1.5 text-left font-medium text-slate-600";

/** The saved segments the user may use: name, owner, sharing, and what can be done with each. */
export function SavedSegmentsList({
  segments,
  viewer,
  locale,
  timeZone,
  editingId,
  onOpen,
  onDeleted,
}: {
  segments: SavedSegment[];
  viewer: SegmentViewer;
  locale: string;
  timeZone: string;
  editingId: number | null;
  /** Loads a segment into the builder: to edit it when `editable`, else as a copy. */
  onOpen: (segment: SavedSegment, editable: boolean) => void;
  onDeleted: (id: number) => void;
}) {
  const t = useTranslations("segments");
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The deleted row took the focus with it: hand it to the list.
  const deleted = (id: number) => {
    onDeleted(id);
    headingRef.current?.focus();
  };
  return (
    <section
      data-testid="saved-segments"
      aria-labelledby="saved-segments-title"
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2
        id="saved-segments-title"
        ref={headingRef}
        tabIndex={-1}
        className="text-base font-semibold text-slate-900 outline-none"
      >
        {t("list.title")}
      </h2>
      <p className="mt-1 text-xs text-slate-600">{t("list.description")}</p>
      {segments.length === 0 ? (
        <p className="mt-4 rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">
          {t("list.empty")}
        </p>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">{t("list.title")}</caption>
            <thead>
              <tr>
                <th scope="col" className={HEAD}>
                  {t("list.name")}
                </th>
                <th scope="col" className={HEAD}>
                  {t("list.owner")}
                </th>
                <th scope="col" className={HEAD}>
                  {t("list.visibility")}
                </th>
                <th scope="col" className={HEAD}>
                  {t("list.updated")}
                </th>
                <th scope="col" className={HEAD}>
                  <span className="sr-only">{t("list.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {segments.map((segment) => {
                const editable = canEditSegment(viewer, segment);
                const valid = segment.definition !== null;
                return (
                  <tr
                    key={segment.id}
                    data-testid="saved-segment"
                    aria-current={segment.id === editingId ? "true" : undefined}
                    className="border-b border-slate-100 last:border-0 aria-[current=true]:bg-brand-soft"
                  >
                    <th scope="row" className="px-2 py-2 text-left font-medium text-slate-900">
                      {segment.name}
                      {segment.id === editingId ? (
                        <span className="ml-2 text-xs font-normal text-brand">{t("list.inBuilder")}</span>
                      ) : null}
                      {valid ? null : (
                        <span className="ml-2 text-xs font-normal text-red-800">{t("list.invalid")}</span>
                      )}
                    </th>
                    <td className="px-2 py-2 text-slate-700">
                      {segment.ownerId === viewer.userId
                        ? t("list.you")
                        : (segment.ownerName ?? t("list.formerMember"))}
                    </td>
                    <td className="px-2 py-2 text-slate-700">
                      {segment.shared ? t("list.shared") : t("list.private")}
                    </td>
                    <td className="px-2 py-2 whitespace-nowrap text-slate-700">
                      {formatDate(new Date(segment.updatedAt), locale, timeZone)}
                    </td>
                    <td className="px-2 py-2">
                      <div className="flex flex-wrap justify-end gap-1.5">
                        <button
                          type="button"
                          disabled={!valid}
                          onClick={() => onOpen(segment, editable)}
                          className={`${buttonStyles.secondary} py-1 text-xs`}
                        >
                          {editable ? t("list.edit") : t("list.openCopy")}
                          <span className="sr-only"> — {segment.name}</span>
                        </button>
                        {valid ? <UseAsFilterLink workspace={viewer.workspace} segment={segment} /> : null}
                        {editable ? (
                          <DeleteSegmentButton
                            workspace={viewer.workspace}
                            segment={segment}
                            onDeleted={deleted}
                          />
                        ) : null}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
