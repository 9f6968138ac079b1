"use client";

import { useState } from "react";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatNumber } from "@/lib/format";
import type { ImportView } from "@/lib/import/import-view";
import { deleteImportEventsAction } from "@/lib/server/actions/imports";

import { buttonStyles } from "./styles";
import { useImportAction } from "./use-import-action";

/**
 * Deletes the events one import stored, after the admin confirms it in a dialog that says
 * how many and what is recomputed. Disabled while the import may still add events.
 */
export function DeleteImportEventsButton({
  slug,
  view,
  active,
  locale,
}: {
  slug: string;
  view: ImportView;
  /** The import is queued or running: it must be cancelled first. */
  active: boolean;
  locale: string;
}) {
  const [open, setOpen] = useState(false);
  const { run, pending, error, clearError } = useImportAction(slug, deleteImportEventsAction);
  const events = `${formatNumber(view.accepted, locale)} ${view.accepted === 1 ? "event" : "events"}`;
  const hintId = `delete-hint-${view.id}`;

  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        disabled={active}
        aria-describedby={active ? hintId : undefined}
        onClick={() => {
          clearError();
          setOpen(true);
        }}
        className={buttonStyles.danger}
      >
        Delete events<span className="sr-only"> of {view.fileName}</span>
      </button>
      {active ? (
        <span id={hintId} className="sr-only">
          Cancel the import before deleting its events.
        </span>
      ) : null}
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Delete the events of “${view.fileName}”?`}
        error={error}
        cancelLabel="Keep the events"
        confirmLabel={`Delete ${events}`}
        pendingLabel="Deleting and recomputing…"
        pending={pending}
        onConfirm={() => run(view.id, () => setOpen(false))}
      >
        <p>
          This deletes the <strong data-testid="delete-event-count">{events}</strong> that import #{view.id}{" "}
          stored
          {view.status === "completed" ? "" : " before it stopped"}. Customers, consent, preferences and the
          message catalogue are then recomputed from the events that remain, so numbers on every page may
          change.
        </p>
        <p className="mt-3">
          The import stays in the history, marked as deleted, and cannot be resumed. To bring the events back,
          import the file again. This cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}
