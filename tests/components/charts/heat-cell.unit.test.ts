import { expect, test } from "vitest";

import {
  contrastRatio,
  heatCellStyle,
  heatColor,
  relativeLuminance,
} from "@/components/charts/common/heat-cell";

const rgb = (css: string) => css.match(/\d+/g)!.map(Number) as unknown as [number, number, number];

test("the shade deepens from a pale tint through sky blue to dark blue, clamped to 0–1", () => {
  expect(heatColor(0)).toEqual([239, 246, 252]);
  expect(heatColor(0.5)).toEqual([86, 180, 233]); // Okabe–Ito sky blue
  expect(heatColor(1)).toEqual([8, 69, 117]);
  expect(heatColor(-3)).toEqual(heatColor(0));
  expect(heatColor(7)).toEqual(heatColor(1));
  expect(heatColor(Number.NaN)).toEqual(heatColor(0));
  // Each step darker than the one before.
  const luminances = [0, 0.25, 0.5, 0.75, 1].map((t) => relativeLuminance(heatColor(t)));
  expect([...luminances].sort((a, b) => b - a)).toEqual(luminances);
});

test("every shade's printed number has at least 4.5 : 1 contrast (WCAG AA), and dark cells get white text", () => {
  for (let step = 0; step <= 1000; step++) {
    const style = heatCellStyle(step / 1000);
    const background = relativeLuminance(rgb(style.backgroundColor));
    const text = style.color === "#ffffff" ? 1 : 0;
    expect(contrastRatio(background, text), `intensity ${step / 1000}`).toBeGreaterThanOrEqual(4.5);
  }
  expect(heatCellStyle(1).color).toBe("#ffffff");
  expect(heatCellStyle(0).color).toBe("#000000");
});

test("luminance and contrast follow WCAG: white on black is 21 : 1", () => {
  expect(relativeLuminance([255, 255, 255])).toBeCloseTo(1, 12);
  expect(relativeLuminance([0, 0, 0])).toBe(0);
  expect(contrastRatio(1, 0)).toBeCloseTo(21, 12);
  expect(contrastRatio(0, 1)).toBeCloseTo(21, 12);
});
