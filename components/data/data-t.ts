import type { useTranslations } from "next-intl";

/** The Data page's messages, for the helpers that put things into words outside a component. */
export type DataT = ReturnType<typeof useTranslations<"data">>;
