"use client";

import { AudienceTile } from "./audience-tile";
import { RelevanceCalibrationTile } from "./relevance-calibration-tile";
import { RelevanceCampaignsTile } from "./relevance-campaigns-tile";
import { RelevanceDistributionTile } from "./relevance-distribution-tile";
import { RelevanceGapTile } from "./relevance-gap-tile";
import { RelevanceSummaryTile } from "./relevance-summary-tile";
import { RelevanceTopicsTile } from "./relevance-topics-tile";
import { SendVsWantTile } from "./send-vs-want-tile";

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
