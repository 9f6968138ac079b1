import type { AppLocale } from "./locales";
import type en from "./messages/en.json";

export type Messages = typeof en;

/** One language's messages; English is the reference every other file must match key for key. */
export async function loadMessages(locale: AppLocale): Promise<Messages> {
  switch (locale) {
    case "da":
      return (await import("./messages/da.json")).default;
    case "nb":
      return (await import("./messages/nb.json")).default;
    case "sv":
      return (await import("./messages/sv.json")).default;
    default:
      return (await import("./messages/en.json")).default;
  }
}
