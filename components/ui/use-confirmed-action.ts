"use client";

import { useState, useTransition } from "react";

import type { ActionResult } from "@/lib/server/auth/guard";

/**
 * The state of a button that asks in a ConfirmDialog before it runs a server action: whether
 * the dialog is open, the server's refusal, and whether the action is running. `run` calls the
 * action, closes the dialog and hands on the result when it succeeds, and keeps the dialog open
 * with the message (through `describe`, e.g. a translation) when it is refused.
 */
export function useConfirmedAction(
  describe: (error: { code: string; message: string }) => string = (e) => e.message,
) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function run<T>(action: () => Promise<ActionResult<T>>, onDone?: (data: T) => void | Promise<void>) {
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        setError(describe(result.error));
        return;
      }
      await onDone?.(result.data);
      setOpen(false);
    });
  }

  return {
    open,
    error,
    pending,
    run,
    show: () => {
      setError(null);
      setOpen(true);
    },
    close: () => setOpen(false),
  };
}
