type Rgb = readonly [number, number, number];

/**
 * Shades of one heatmap, one hue deepening with the value: a pale tint, Okabe–Ito sky blue
 * (#56b4e9) halfway, a dark blue at the top. The number is always printed in the cell as well.
 */
const STOPS: readonly Rgb[] = [
  [239, 246, 252],
  [86, 180, 233],
  [8, 69, 117],
];

/** WCAG relative luminance of an sRGB colour (0 black – 1 white). */
export function relativeLuminance([r, g, b]: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio of two luminances (1–21). */
export function contrastRatio(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** The shade for `intensity` (0–1, clamped): mixed linearly between the two nearest stops. */
export function heatColor(intensity: number): Rgb {
  const t = Math.min(1, Math.max(0, Number.isFinite(intensity) ? intensity : 0)) * (STOPS.length - 1);
  const lower = Math.min(Math.floor(t), STOPS.length - 2);
  const [from, to] = [STOPS[lower], STOPS[lower + 1]];
  const mix = (i: 0 | 1 | 2) => Math.round(from[i] + (to[i] - from[i]) * (t - lower));
  return [mix(0), mix(1), mix(2)];
}

/**
 * Background and text colour of a heatmap cell: black or white text, whichever contrasts more
 * with the shade (at least 4.5 : 1 on every shade).
 */
export function heatCellStyle(intensity: number): { backgroundColor: string; color: string } {
  const background = heatColor(intensity);
  const luminance = relativeLuminance(background);
  const white = contrastRatio(luminance, 1) >= contrastRatio(luminance, 0);
  return { backgroundColor: `rgb(${background.join(", ")})`, color: white ? "#ffffff" : "#000000" };
}

/** A CSS gradient across the whole scale, for the heatmap's legend. */
export const HEAT_LEGEND_GRADIENT = `linear-gradient(to right, ${STOPS.map((stop) => `rgb(${stop.join(", ")})`).join(", ")})`;
