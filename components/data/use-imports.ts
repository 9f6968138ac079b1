"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { isActiveImport, type ImportView } from "@/lib/import/import-view";

import { fetchImports } from "./import-api";
import { importKeys } from "./import-query-keys";

/** How often the history refreshes while an import is queued or running. */
export const IMPORT_POLL_MS = 1000;

/**
 * The import history of a workspace. Starts from the server-rendered list and polls about
 * once a second only while an import may still change.
 */
export function useImports(slug: string, initialImports: ImportView[]) {
  const t = useTranslations("data");
  return useQuery({
    queryKey: importKeys.list(slug),
    queryFn: ({ signal }) => fetchImports(slug, t, signal),
    initialData: { imports: initialImports },
    placeholderData: keepPreviousData,
    staleTime: 5_000,
    refetchInterval: (query) => (query.state.data?.imports.some(isActiveImport) ? IMPORT_POLL_MS : false),
    refetchIntervalInBackground: false,
  });
}
