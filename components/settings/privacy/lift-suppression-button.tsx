"use client";

import { useTranslations } from "next-intl";

import { buttonStyles } from "@/components/ui/button-styles";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useConfirmedAction } from "@/components/ui/use-confirmed-action";
import { liftSuppressionAction } from "@/lib/server/actions/privacy";

/** Lifts one suppression after the admin confirms it. */
export function LiftSuppressionButton({ slug, customerHash }: { slug: string; customerHash: string }) {
  const t = useTranslations("privacy.lift");
  const confirm = useConfirmedAction();
  const short = customerHash.slice(0, 12);

  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={confirm.show} className={buttonStyles.secondary}>
        {t("button")}
        <span className="sr-only"> {short}</span>
      </button>
      <ConfirmDialog
        open={confirm.open}
        onClose={confirm.close}
        title={t("title", { hash: `${short}…` })}
        error={confirm.error}
        confirmLabel={t("confirm")}
        pendingLabel={t("pending")}
        pending={confirm.pending}
        onConfirm={() => confirm.run(() => liftSuppressionAction(slug, { customerHash }))}
      >
        <p>{t("body")}</p>
      </ConfirmDialog>
    </>
  );
}
