"use client";

import { FrequencyDistributionTile } from "./frequency-distribution-tile";

/** The Frequency page's tiles; each loads and fails on its own. */
export function FrequencyTiles() {
  return (
    <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
      <FrequencyDistributionTile />
    </div>
  );
}
