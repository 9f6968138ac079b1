"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";

import { buttonStyles } from "@/components/ui/button-styles";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { liftSuppressionAction } from "@/lib/server/actions/privacy";

/** Lifts one suppression after the admin confirms it. */
export function LiftSuppressionButton({ slug, customerHash }: { slug: string; customerHash: string }) {
  const t = useTranslations("privacy.lift");
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const short = customerHash.slice(0, 12);

  function lift() {
    startTransition(async () => {
      const result = await liftSuppressionAction(slug, { customerHash });
      if (result.ok) setOpen(false);
      else setError(result.error.message);
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
        className={buttonStyles.secondary}
      >
        {t("button")}
        <span className="sr-only"> {short}</span>
      </button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("title", { hash: `${short}…` })}
        error={error}
        confirmLabel={t("confirm")}
        pendingLabel={t("pending")}
        pending={pending}
        onConfirm={lift}
      >
        <p>{t("body")}</p>
      </ConfirmDialog>
    </>
  );
}
