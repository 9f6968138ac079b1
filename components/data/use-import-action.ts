"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, useTransition } from "react";

import type { ActionResult } from "@/lib/server/auth/guard";

import { importKeys } from "./import-query-keys";

/**
 * Runs a server action on one import, then refreshes the history. Keeps the action's error
 * message for the page; `run` resolves to the action's data, or null when it was refused.
 */
export function useImportAction<T>(
  slug: string,
  action: (slug: string, input: { id: number }) => Promise<ActionResult<T>>,
) {
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function run(id: number, onDone?: (data: T) => void) {
    setError(null);
    startTransition(async () => {
      const result = await action(slug, { id });
      if (result.ok) onDone?.(result.data);
      else setError(result.error.message);
      await queryClient.invalidateQueries({ queryKey: importKeys.all(slug) });
    });
  }

  return { run, pending, error, clearError: () => setError(null) };
}
