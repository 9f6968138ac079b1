"use client";

import { useLocale, useTranslations } from "next-intl";

import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { setLanguageAction } from "@/lib/server/actions/language-actions";

/** The interface languages as buttons, each naming itself in its own language; closes the menu on choice. */
export function LanguagePicker() {
  const t = useTranslations("userMenu");
  const current = useLocale();
  return (
    <form
      action={setLanguageAction}
      onSubmit={(event) => event.currentTarget.closest("details")?.removeAttribute("open")}
    >
      <fieldset>
        <legend className="text-xs font-medium text-slate-600">{t("language")}</legend>
        <div className="mt-1 grid grid-cols-2 gap-1">
          {LOCALES.map((locale) => (
            <button
              key={locale}
              type="submit"
              name="language"
              value={locale}
              lang={locale}
              aria-pressed={locale === current}
              className={`rounded-md border px-2 py-1 text-xs ${
                locale === current
                  ? "border-brand bg-brand-soft font-semibold text-brand"
                  : "border-slate-300 hover:bg-slate-50"
              }`}
            >
              {LOCALE_NAMES[locale]}
            </button>
          ))}
        </div>
      </fieldset>
    </form>
  );
}
