import { getLocale, getTranslations } from "next-intl/server";

import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { setLanguageAction } from "@/lib/server/actions/language-actions";

/** The interface languages as buttons, each naming itself in its own language. Works without script. */
export async function LanguagePicker() {
  const [t, current] = await Promise.all([getTranslations("userMenu"), getLocale()]);
  return (
    <form action={setLanguageAction}>
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
