"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("data.delete");
  const [open, setOpen] = useState(false);
  const { run, pending, error, clearError } = useImportAction(slug, deleteImportEventsAction);
  const count = { count: view.accepted, formatted: formatNumber(view.accepted, locale) };
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
        {t("button")}
        <span className="sr-only"> {t("buttonOf", { name: view.fileName })}</span>
      </button>
      {active ? (
        <span id={hintId} className="sr-only">
          {t("cancelFirst")}
        </span>
      ) : null}
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("title", { name: view.fileName })}
        error={error}
        cancelLabel={t("keep")}
        confirmLabel={t("confirm", count)}
        pendingLabel={t("pending")}
        pending={pending}
        onConfirm={() => run(view.id, () => setOpen(false))}
      >
        <p>
          {t.rich(view.status === "completed" ? "body" : "bodyStopped", {
            events: t("events", count),
            id: String(view.id),
            count: (chunks) => <strong data-testid="delete-event-count">{chunks}</strong>,
          })}
        </p>
        <p className="mt-3">{t("undo")}</p>
      </ConfirmDialog>
    </>
  );
}
