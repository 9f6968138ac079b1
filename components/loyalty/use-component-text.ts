"use client";

import { useTranslations } from "next-intl";

import { useFormatters } from "@/components/charts/common/use-formatters";
import type { LoyaltyComponentId, LoyaltyFigures, LoyaltyIndexComponent } from "@/lib/metrics/loyalty";

import { componentCounts } from "./component-counts";

const LINE_KEYS = {
  repeatPurchaseRate: "repeatPurchaseRateLine",
  notAtRisk: "notAtRiskLine",
  engagedShare: "engagedShareLine",
  notOverContacted: "notOverContactedLine",
  relevance: "relevanceLine",
} as const satisfies Record<LoyaltyComponentId, string>;

/** The words of an index part: its name, its value (a percentage; relevance out of 100) and its counts. */
export function useComponentText() {
  const t = useTranslations("loyalty");
  const format = useFormatters();
  return {
    name: (id: LoyaltyComponentId) => t(id),
    value: (component: LoyaltyIndexComponent) =>
      component.value === null
        ? "—"
        : component.id === "relevance"
          ? t("relevanceValue", { score: format.number(component.value * 100, 1) })
          : format.percent(component.value),
    /** One line with the counts behind the part; `frequencyCap` is the weekly cap of the figures. */
    line: (figures: LoyaltyFigures, id: LoyaltyComponentId, frequencyCap: number) => {
      const { count, total } = componentCounts(figures, id);
      return t(LINE_KEYS[id], {
        count: format.number(count),
        total: format.number(total),
        cap: format.number(frequencyCap, 1),
      });
    },
  };
}
