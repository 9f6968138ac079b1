"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";

import { buttonStyles } from "@/components/ui/button-styles";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { revokeApiKeyAction } from "@/lib/server/actions/api-keys";

/** Revokes a key after the admin confirms it in a dialog. */
export function RevokeApiKeyButton({ slug, id, name }: { slug: string; id: string; name: string }) {
  const t = useTranslations("settings.revoke");
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function revoke() {
    startTransition(async () => {
      const result = await revokeApiKeyAction(slug, { id });
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
        className={buttonStyles.danger}
      >
        {t("button")}
        <span className="sr-only"> {name}</span>
      </button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("title", { name })}
        error={error}
        confirmLabel={t("confirm")}
        pendingLabel={t("pending")}
        pending={pending}
        onConfirm={revoke}
      >
        <p>{t("body")}</p>
      </ConfirmDialog>
    </>
  );
}
