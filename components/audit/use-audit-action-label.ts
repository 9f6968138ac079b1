"use client";

import { useTranslations } from "next-intl";

/** An audit action in plain words (the `audit.actions` messages), else its raw name. */
export function useAuditActionLabel() {
  const t = useTranslations("audit.actions");
  return (action: string) => {
    const key = action as Parameters<typeof t>[0];
    return t.has(key) ? t(key) : action;
  };
}
