"use client";

import { useTranslations } from "next-intl";

import { buttonStyles } from "./button-styles";
import { Dialog } from "./dialog";

/**
 * A dialog that asks before a destructive action: what will happen, the server's refusal if
 * any, and two buttons — keep things as they are, or go ahead (disabled while it runs). The
 * buttons say "Cancel" and "Working…" in the interface language unless told otherwise.
 */
export function ConfirmDialog({
  open,
  onClose,
  title,
  children,
  error,
  cancelLabel,
  confirmLabel,
  pendingLabel,
  pending,
  onConfirm,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: React.ReactNode;
  error: string | null;
  cancelLabel?: string;
  confirmLabel: string;
  pendingLabel?: string;
  pending: boolean;
  onConfirm: () => void;
}) {
  const t = useTranslations("ui");
  return (
    <Dialog open={open} onClose={onClose} title={title}>
      {children}
      {error ? (
        <p role="alert" className="mt-3 rounded-lg bg-red-50 px-3 py-2 text-red-800">
          {error}
        </p>
      ) : null}
      <div className="mt-6 flex flex-wrap justify-end gap-3">
        <button type="button" onClick={onClose} className={buttonStyles.secondary}>
          {cancelLabel ?? t("cancel")}
        </button>
        <button type="button" disabled={pending} onClick={onConfirm} className={buttonStyles.dangerSolid}>
          {pending ? (pendingLabel ?? t("working")) : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
