import type { AppLocale } from "./locales";
import type en from "./messages/en";

export type Messages = typeof en;

/** One language's messages; English is the reference every other language must match key for key. */
export async function loadMessages(locale: AppLocale): Promise<Messages> {
  switch (locale) {
    case "da":
      return (await import("./messages/da")).default;
    case "nb":
      return (await import("./messages/nb")).default;
    case "sv":
      return (await import("./messages/sv")).default;
    default:
      return (await import("./messages/en")).default;
  }
}
