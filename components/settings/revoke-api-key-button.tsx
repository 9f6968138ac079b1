"use client";

import { useTranslations } from "next-intl";

import { buttonStyles } from "@/components/ui/button-styles";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useConfirmedAction } from "@/components/ui/use-confirmed-action";
import { revokeApiKeyAction } from "@/lib/server/actions/api-keys";

/** Revokes a key after the admin confirms it in a dialog. */
export function RevokeApiKeyButton({ slug, id, name }: { slug: string; id: string; name: string }) {
  const t = useTranslations("settings.revoke");
  const confirm = useConfirmedAction();

  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={confirm.show} className={buttonStyles.danger}>
        {t("button")}
        <span className="sr-only"> {name}</span>
      </button>
      <ConfirmDialog
        open={confirm.open}
        onClose={confirm.close}
        title={t("title", { name })}
        error={confirm.error}
        confirmLabel={t("confirm")}
        pendingLabel={t("pending")}
        pending={confirm.pending}
        onConfirm={() => confirm.run(() => revokeApiKeyAction(slug, { id }))}
      >
        <p>{t("body")}</p>
      </ConfirmDialog>
    </>
  );
}
