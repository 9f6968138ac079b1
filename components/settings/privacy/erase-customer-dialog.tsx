"use client";

import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ERASURE_MODES, type ErasureMode } from "@/lib/schemas/privacy";
import { eraseCustomerAction } from "@/lib/server/actions/privacy";
import type { ErasureOutcome } from "@/lib/server/privacy/erase-customer";

/**
 * Asks how to erase a customer (delete or anonymise, each explained) and for the customer id
 * again, then erases. Open while `customerId` is set.
 */
export function EraseCustomerDialog({
  slug,
  customerId,
  onClose,
  onErased,
}: {
  slug: string;
  customerId: string | null;
  onClose: () => void;
  onErased: (outcome: ErasureOutcome) => void;
}) {
  const t = useTranslations("privacy");
  const id = useId();
  const [mode, setMode] = useState<ErasureMode>("anonymise");
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function close() {
    setTyped("");
    setError(null);
    onClose();
  }

  function erase() {
    if (!customerId) return;
    if (typed.trim() !== customerId) {
      setError(t("erase.mismatch"));
      document.getElementById(`${id}-confirm`)?.focus();
      return;
    }
    startTransition(async () => {
      const result = await eraseCustomerAction(slug, { customerId, mode });
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      setTyped("");
      setError(null);
      onErased(result.data);
    });
  }

  return (
    <ConfirmDialog
      open={customerId !== null}
      onClose={close}
      title={t("erase.title", { customerId: customerId ?? "" })}
      error={error}
      confirmLabel={t("erase.confirm")}
      pendingLabel={t("erase.pending")}
      pending={pending}
      onConfirm={erase}
    >
      <fieldset>
        <legend className="font-medium text-slate-900">{t("erase.modeLegend")}</legend>
        <div className="mt-2 space-y-3">
          {ERASURE_MODES.map((option) => (
            <label key={option} className="flex items-start gap-2">
              <input
                type="radio"
                name={`${id}-mode`}
                value={option}
                checked={mode === option}
                onChange={() => setMode(option)}
                className="mt-1 h-4 w-4 accent-brand"
              />
              <span>
                <span className="font-medium text-slate-900">{t(`mode.${option}`)}</span>
                <span className="block text-slate-600">{t(`erase.${option}Detail`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <p className="mt-4">{t("erase.suppression")}</p>
      <label htmlFor={`${id}-confirm`} className="mt-4 block font-medium text-slate-900">
        {t("erase.confirmLabel")}
      </label>
      <input
        id={`${id}-confirm`}
        type="text"
        value={typed}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setTyped(event.target.value)}
        className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 font-mono text-sm shadow-sm"
      />
    </ConfirmDialog>
  );
}
