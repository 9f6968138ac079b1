"use client";

import { useTranslations } from "next-intl";

import { CHART_COLORS } from "@/components/charts/common/palette";

/** The three rates, told apart by colour, by fill pattern (solid, hatched, dotted) and by name. */
export const PRESSURE_SERIES = [
  {
    key: "repeatPurchaseRate",
    label: "repeatShort",
    count: "repeatPurchasers",
    total: "purchasers",
    color: CHART_COLORS[0],
    fill: CHART_COLORS[0],
  },
  {
    key: "atRiskShare",
    label: "atRiskShort",
    count: "atRiskCustomers",
    total: "repeatCustomers",
    color: CHART_COLORS[1],
    fill: "url(#loyalty-hatch)",
  },
  {
    key: "unsubscribeShare",
    label: "unsubscribedShort",
    count: "unsubscribedCustomers",
    total: "customers",
    color: CHART_COLORS[3],
    fill: "url(#loyalty-dots)",
  },
] as const;

/** The series' names with swatches in their patterns; also defines the patterns the bars use. */
export function PressureLegend() {
  const t = useTranslations("loyalty");
  return (
    <>
      <svg aria-hidden width="0" height="0" className="absolute">
        <defs>
          <pattern
            id="loyalty-hatch"
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill={CHART_COLORS[1]} />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" strokeWidth="2" />
          </pattern>
          <pattern id="loyalty-dots" width="5" height="5" patternUnits="userSpaceOnUse">
            <rect width="5" height="5" fill={CHART_COLORS[3]} />
            <circle cx="2.5" cy="2.5" r="1.1" fill="#ffffff" />
          </pattern>
        </defs>
      </svg>
      <ul className="flex flex-wrap justify-center gap-x-5 gap-y-1 text-xs text-slate-700">
        {PRESSURE_SERIES.map((series) => (
          <li key={series.key} className="flex items-center gap-1.5">
            <svg aria-hidden width="14" height="14">
              <rect x="0.5" y="0.5" width="13" height="13" rx="2" fill={series.fill} stroke={series.color} />
            </svg>
            {t(series.label)}
          </li>
        ))}
      </ul>
    </>
  );
}
