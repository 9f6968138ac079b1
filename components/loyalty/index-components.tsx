"use client";

import { useTranslations } from "next-intl";

import { CHART_COLORS } from "@/components/charts/common/palette";
import { useFormatters } from "@/components/charts/common/use-formatters";
import type { LoyaltyFigures } from "@/lib/metrics/loyalty";

import { useComponentText } from "./use-component-text";

/**
 * The index's five parts as labelled bars (0–100 %), each with its weight (the rescaled one when
 * the index is partial) and the counts behind it.
 */
export function IndexComponents({
  figures,
  frequencyCap,
}: {
  figures: LoyaltyFigures;
  frequencyCap: number;
}) {
  const t = useTranslations("loyalty");
  const format = useFormatters();
  const text = useComponentText();
  return (
    <div>
      <h3 className="sr-only">{t("componentsHeading")}</h3>
      <ul className="space-y-4">
        {figures.index.components.map((component) => (
          <li
            key={component.id}
            data-testid={`loyalty-component-${component.id}`}
            data-value={component.value ?? ""}
          >
            <div className="flex items-baseline justify-between gap-3">
              <p className="text-sm font-medium text-slate-900">
                {text.name(component.id)}{" "}
                <span className="text-xs font-normal text-slate-500">
                  {figures.index.partial && component.value !== null
                    ? t("weightRescaled", {
                        weight: format.percent(component.appliedWeight, 0),
                        usual: format.percent(component.weight, 0),
                      })
                    : t("weightOf", { weight: format.percent(component.weight, 0) })}
                </span>
              </p>
              <p className="text-base font-semibold tabular-nums text-slate-900">{text.value(component)}</p>
            </div>
            <div aria-hidden className="mt-1 h-2.5 overflow-hidden rounded-full bg-slate-100">
              <div
                className="h-full rounded-full"
                style={{ width: `${(component.value ?? 0) * 100}%`, backgroundColor: CHART_COLORS[0] }}
              />
            </div>
            <p className="mt-1 text-xs text-slate-600">
              {component.value === null ? t("notMeasured") : text.line(figures, component.id, frequencyCap)}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
