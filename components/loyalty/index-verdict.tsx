"use client";

import { useTranslations } from "next-intl";

import { useFormatters } from "@/components/charts/common/use-formatters";
import { localeTag } from "@/lib/format";
import type { LoyaltyIndex } from "@/lib/metrics/loyalty";

import { loyaltyVerdict, weakestComponent } from "./loyalty-verdict";
import { useComponentText } from "./use-component-text";

const VERDICT_KEYS = {
  weak: "verdictWeak",
  fair: "verdictFair",
  good: "verdictGood",
  strong: "verdictStrong",
} as const;

/** The index in a word, its weakest part, and which parts are missing when it is partial. */
export function IndexVerdict({ index }: { index: LoyaltyIndex }) {
  const t = useTranslations("loyalty");
  const text = useComponentText();
  const { locale } = useFormatters();
  if (index.value === null) return null;
  const verdict = loyaltyVerdict(index.value);
  const weakest = weakestComponent(index);
  const missing = index.components
    .filter((component) => component.value === null)
    .map((component) => text.name(component.id).toLowerCase());
  return (
    <div className="mt-4 space-y-1">
      <p
        data-testid="loyalty-verdict"
        data-verdict={verdict}
        className="text-2xl font-semibold text-slate-900"
      >
        {t(VERDICT_KEYS[verdict])}
      </p>
      {weakest ? (
        <p className="text-sm text-slate-700">
          {t("weakestPart", { part: text.name(weakest.id).toLowerCase(), value: text.value(weakest) })}
        </p>
      ) : null}
      {index.partial ? (
        <p className="text-sm text-slate-700">
          {t("partial", {
            parts: new Intl.ListFormat(localeTag(locale), { type: "conjunction" }).format(missing),
          })}
        </p>
      ) : null}
    </div>
  );
}
