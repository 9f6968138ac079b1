"use client";

import { useState, useTransition } from "react";

import { Dialog } from "@/components/ui/dialog";
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
        className="rounded-lg border border-slate-300 px-3 py-1 text-sm font-medium text-red-800 hover:border-red-300 hover:bg-red-50"
      >
        Revoke<span className="sr-only"> {name}</span>
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`Revoke “${name}”?`}>
        <p>
          Requests with this key are refused from now on, so whatever uses it stops working. A revoked key
          cannot be restored; create a new one if you need access again.
        </p>
        {error ? (
          <p role="alert" className="mt-3 rounded-lg bg-red-50 px-3 py-2 text-red-800">
            {error}
          </p>
        ) : null}
        <div className="mt-6 flex justify-end gap-3">
          <button
            type="button"
            onClick={() => setOpen(false)}
            className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50"
          >
            Cancel
          </button>
          <button
            type="button"
            onClick={revoke}
            disabled={pending}
            className="rounded-lg bg-red-700 px-4 py-2 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-60"
          >
            {pending ? "Revoking…" : "Revoke key"}
          </button>
        </div>
      </Dialog>
    </>
  );
}
