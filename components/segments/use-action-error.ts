"use client";

import { useTranslations } from "next-intl";

/** A refused server action, said in the interface language; the server's own words when it explains. */
export function useActionError() {
  const t = useTranslations("segments");
  return (error: { code: string; message: string }): string => {
    switch (error.code) {
      case "forbidden":
        return t("errors.forbidden");
      case "not_found":
        return t("errors.notFound");
      case "unauthenticated":
        return t("errors.signedOut");
      case "invalid_input":
        return t("errors.invalidInput", { detail: error.message });
      default:
        return t("errors.server", { detail: error.message });
    }
  };
}
