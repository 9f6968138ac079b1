"use client";

import { FunnelTile } from "./funnel-tile";
import { LifecycleTile } from "./lifecycle-tile";
import { PathsTile } from "./paths-tile";

/**
 * The Journeys page's tiles; each loads and fails on its own. Only the lifecycle counts are
 * compared with another period: funnels and paths are explored, not compared.
 */
export function JourneysTiles() {
  return (
    <div className="grid grid-cols-1 gap-4">
      <FunnelTile />
      <PathsTile />
      <LifecycleTile />
    </div>
  );
}
