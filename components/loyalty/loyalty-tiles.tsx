"use client";

import { CohortsTile } from "./cohorts-tile";
import { LoyaltyIndexTile } from "./loyalty-index-tile";
import { LoyaltyPressureTile } from "./loyalty-pressure-tile";
import { LoyaltyTrendTile } from "./loyalty-trend-tile";
import { RepeatRiskTile } from "./repeat-risk-tile";

/** The Loyalty page's tiles; each loads and fails on its own. */
export function LoyaltyTiles() {
  return (
    <div className="grid grid-cols-1 gap-4 xl:grid-cols-3">
      <LoyaltyIndexTile className="xl:col-span-3" />
      <LoyaltyTrendTile className="xl:col-span-2" />
      <RepeatRiskTile />
      <CohortsTile className="xl:col-span-3" />
      <LoyaltyPressureTile className="xl:col-span-3" />
    </div>
  );
}
