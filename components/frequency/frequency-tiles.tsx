"use client";

import { FrequencyDistributionTile } from "./frequency-distribution-tile";
import { OptOutTile } from "./optout-tile";
import { OverContactedTile } from "./over-contacted-tile";
import { PressureHeatmapTile } from "./pressure-heatmap-tile";
import { SaturationTile } from "./saturation-tile";
import { SilentTile } from "./silent-tile";
import { StatedVsActualTile } from "./stated-vs-actual-tile";

/** The Frequency page's tiles; each loads and fails on its own. */
export function FrequencyTiles() {
  return (
    <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
      <SaturationTile />
      <FrequencyDistributionTile />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:col-span-2">
        <OverContactedTile />
        <SilentTile />
      </div>
      <OptOutTile />
      <StatedVsActualTile />
      <PressureHeatmapTile className="xl:col-span-2" />
    </div>
  );
}
