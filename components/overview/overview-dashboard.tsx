"use client";

import { lazyTile } from "@/components/charts/common/lazy-chart";
import { SaturationTile } from "@/components/frequency/saturation-tile";

import { LowestRelevanceTile } from "./lowest-relevance-tile";
import { NeedsAttentionTile } from "./needs-attention-tile";
import { OverviewKpis } from "./overview-kpis";

const SendVsWantTile = lazyTile(() =>
  import("@/components/relevance/send-vs-want-tile").then((module) => module.SendVsWantTile),
);

/** The Overview's tiles: headline numbers, what needs attention, and the charts behind them. */
export function OverviewDashboard() {
  return (
    <div className="space-y-4">
      <OverviewKpis />
      <NeedsAttentionTile />
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <SendVsWantTile />
        <SaturationTile />
      </div>
      <LowestRelevanceTile />
    </div>
  );
}
