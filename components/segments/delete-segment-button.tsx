"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";

import { buttonStyles } from "@/components/ui/button-styles";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { SavedSegment } from "@/lib/schemas/segment";
import { deleteSegmentAction } from "@/lib/server/actions/segments";

import { useActionError } from "./use-action-error";
import { savedSegmentKeys } from "./use-saved-segments";

/** Deletes a saved segment once the user confirms it in a dialog. */
export function DeleteSegmentButton({
  workspace,
  segment,
  onDeleted,
}: {
  workspace: string;
  segment: SavedSegment;
  onDeleted: (id: number) => void;
}) {
  const t = useTranslations("segments");
  const actionError = useActionError();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function remove() {
    startTransition(async () => {
      const result = await deleteSegmentAction(workspace, { id: segment.id });
      if (!result.ok) {
        setError(actionError(result.error));
        return;
      }
      await queryClient.invalidateQueries({ queryKey: savedSegmentKeys.workspace(workspace) });
      setOpen(false);
      onDeleted(segment.id);
    });
  }

  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
        className={`${buttonStyles.danger} py-1 text-xs`}
      >
        {t("list.delete")}
        <span className="sr-only"> — {segment.name}</span>
      </button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("list.deleteTitle", { name: segment.name })}
        error={error}
        cancelLabel={t("list.cancel")}
        confirmLabel={t("list.deleteConfirm")}
        pendingLabel={t("list.deleting")}
        pending={pending}
        onConfirm={remove}
      >
        <p>{segment.shared ? t("list.deleteSharedBody") : t("list.deleteBody")}</p>
      </ConfirmDialog>
    </>
  );
}
