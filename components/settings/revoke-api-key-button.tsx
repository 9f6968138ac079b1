"use client";

import { useState, useTransition } from "react";

import { buttonStyles } from "@/components/ui/button-styles";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { revokeApiKeyAction } from "@/lib/server/actions/api-keys";

/** Revokes a key after the admin confirms it in a dialog. */
export function RevokeApiKeyButton({ slug, id, name }: { slug: string; id: string; name: string }) {
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
        Revoke<span className="sr-only"> {name}</span>
      </button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Revoke “${name}”?`}
        error={error}
        cancelLabel="Cancel"
        confirmLabel="Revoke key"
        pendingLabel="Revoking…"
        pending={pending}
        onConfirm={revoke}
      >
        <p>
          Requests with this key are refused from now on, so whatever uses it stops working. A revoked key
          cannot be restored; create a new one if you need access again.
        </p>
      </ConfirmDialog>
    </>
  );
}
