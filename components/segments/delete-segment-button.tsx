"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { buttonStyles } from "@/components/ui/button-styles";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useConfirmedAction } from "@/components/ui/use-confirmed-action";
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
  const confirm = useConfirmedAction(actionError);

  function remove() {
    confirm.run(
      () => deleteSegmentAction(workspace, { id: segment.id }),
      async () => {
        await queryClient.invalidateQueries({ queryKey: savedSegmentKeys.workspace(workspace) });
        onDeleted(segment.id);
      },
    );
  }

  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        onClick={confirm.show}
        className={`${buttonStyles.danger} py-1 text-xs`}
      >
        {t("list.delete")}
        <span className="sr-only"> — {segment.name}</span>
      </button>
      <ConfirmDialog
        open={confirm.open}
        onClose={confirm.close}
        title={t("list.deleteTitle", { name: segment.name })}
        error={confirm.error}
        cancelLabel={t("list.cancel")}
        confirmLabel={t("list.deleteConfirm")}
        pendingLabel={t("list.deleting")}
        pending={confirm.pending}
        onConfirm={remove}
      >
        <p>{segment.shared ? t("list.deleteSharedBody") : t("list.deleteBody")}</p>
      </ConfirmDialog>
    </>
  );
}
