/**
 * Okabe–Ito, safe for the common colour-vision deficiencies (the same values as the
 * --color-chart-* theme variables). Series are also told apart by label, pattern or marker,
 * never by colour alone.
 */
export const CHART_COLORS = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00"] as const;

export const CHART_GRID = "#e2e8f0";
export const CHART_AXIS = "#475569";
/** For marks that call for attention (fatigue point, violations): vermillion, with a text label. */
export const CHART_ALERT = "#d55e00";
/** The comparison period's series: neutral grey, always named in a legend. */
export const CHART_COMPARISON = "#64748b";
