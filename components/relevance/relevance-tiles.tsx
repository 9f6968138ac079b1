"use client";

import { lazyTile } from "@/components/charts/common/lazy-chart";

import { AudienceTile } from "./audience-tile";
import { RelevanceCampaignsTile } from "./relevance-campaigns-tile";
import { RelevanceGapTile } from "./relevance-gap-tile";
import { RelevanceSummaryTile } from "./relevance-summary-tile";

const RelevanceCalibrationTile = lazyTile(() =>
  import("./relevance-calibration-tile").then((module) => module.RelevanceCalibrationTile),
);
const RelevanceDistributionTile = lazyTile(() =>
  import("./relevance-distribution-tile").then((module) => module.RelevanceDistributionTile),
);
const RelevanceTopicsTile = lazyTile(() =>
  import("./relevance-topics-tile").then((module) => module.RelevanceTopicsTile),
);
const SendVsWantTile = lazyTile(() => import("./send-vs-want-tile").then((module) => module.SendVsWantTile));
/** The Relevance page's tiles; each loads and fails on its own. */
export function RelevanceTiles() {
  return (
    <div className="grid grid-cols-1 gap-4 xl:grid-cols-4">
      <RelevanceSummaryTile className="xl:col-span-3" />
      <RelevanceGapTile />
      <SendVsWantTile className="xl:col-span-2" />
      <RelevanceTopicsTile className="xl:col-span-2" />
      <RelevanceDistributionTile className="xl:col-span-2" />
      <RelevanceCalibrationTile className="xl:col-span-2" />
      <RelevanceCampaignsTile className="xl:col-span-4" />
      <AudienceTile className="xl:col-span-4" />
    </div>
  );
}
