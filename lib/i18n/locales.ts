/** The interface languages. Every message file under lib/i18n/messages holds every key (tested). */
export const LOCALES = ["en", "da", "nb", "sv"] as const;
export type AppLocale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: AppLocale = "en";

/** The cookie holding the language a user picked; without it the browser's languages decide. */
export const LOCALE_COOKIE = "resonans-locale";

/** Each language in its own words, for the language picker. */
export const LOCALE_NAMES: Record<AppLocale, string> = {
  en: "English",
  da: "Dansk",
  nb: "Norsk bokmål",
  sv: "Svenska",
};

export function isLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

// Norwegian arrives as "no" or "nn" as often as "nb"; Bokmål is the written form we offer.
const ALIASES: Record<string, AppLocale> = { no: "nb", nn: "nb" };

/** The best interface language for an Accept-Language header, by quality; English when none fits. */
export function negotiateLocale(acceptLanguage: string | null | undefined): AppLocale {
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag, ...options] = part.trim().split(";");
      const q = options.map((o) => o.trim()).find((o) => o.startsWith("q="));
      return { language: tag.toLowerCase().split("-")[0], quality: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.language && Number.isFinite(entry.quality) && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { language } of ranked) {
    const locale = ALIASES[language] ?? language;
    if (isLocale(locale)) return locale;
  }
  return DEFAULT_LOCALE;
}
