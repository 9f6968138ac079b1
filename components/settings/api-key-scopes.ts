import type { useTranslations } from "next-intl";

import { localeTag } from "@/lib/format";
import { API_KEY_SCOPES } from "@/lib/schemas/admin";

type Scope = (typeof API_KEY_SCOPES)[number];
type SettingsT = ReturnType<typeof useTranslations<"settings">>;

const isScope = (scope: string): scope is Scope => (API_KEY_SCOPES as readonly string[]).includes(scope);

/**
 * What a key with these scopes may do, in the interface language: "send events and read
 * aggregate numbers" (lib/server/auth/guard.ts grants the matching permissions).
 */
export function describeScopes(scopes: readonly string[], t: SettingsT, locale: string): string {
  const does = scopes.map((scope) => (isScope(scope) ? t(`scopes.${scope}.does`) : scope));
  return new Intl.ListFormat(localeTag(locale), { type: "conjunction" }).format(does);
}
