"use client";

import { useTranslations } from "next-intl";

import { ChartCard } from "@/components/charts/common/chart-card";
import { lazyChart } from "@/components/charts/common/lazy-chart";
import { tableSpec } from "@/components/charts/common/table-spec";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { useChannelLabel } from "@/components/metrics/use-channel-label";
import { useMetric } from "@/components/metrics/use-metric";
import type { PathsResult } from "@/lib/metrics/journeys";
import { DEFAULT_END_EVENT } from "@/lib/url-state/journeys-params";

import { PathControls, type PathView } from "./path-controls";
import { PathLegend } from "./path-legend";
import { SANKEY_LABELS_PER_STEP, toPathSankey } from "./path-sankey-data";
import { useEventLabel, usePathLabel } from "./use-journey-labels";
import { usePathParams } from "./use-journey-params";

const PathSankeyChart = lazyChart(() => import("./path-sankey").then((module) => module.PathSankeyChart));

/** The path explorer: where customers went after an event, or what led them to it, as a Sankey diagram. */
export function PathsTile() {
  const t = useTranslations("journeys");
  const format = useFormatters();
  const pathLabel = usePathLabel();
  const eventLabel = useEventLabel();
  const channelLabel = useChannelLabel();
  const [params, setParams] = usePathParams();
  const view: PathView = {
    anchor: params.pathAnchor,
    // Paths leading to "any event" mean nothing: an end anchor needs an event.
    event: params.pathEvent ?? (params.pathAnchor === "end" ? DEFAULT_END_EVENT : null),
    channel: params.pathChannel,
    depth: params.pathDepth,
  };
  const query = useMetric<PathsResult>("paths", {
    anchor: view.anchor,
    event: view.event
      ? JSON.stringify(view.channel ? { type: view.event, channel: view.channel } : { type: view.event })
      : undefined,
    depth: String(view.depth),
  });
  return (
    <ChartCard
      id="paths"
      title={t("pathsTitle")}
      description={t("pathsDescription", { labels: SANKEY_LABELS_PER_STEP })}
      query={query}
      skeletonHeight="h-80"
      controls={
        <PathControls
          view={view}
          onChange={(change) =>
            void setParams({
              pathAnchor: change.anchor ?? view.anchor,
              pathEvent: "event" in change ? change.event : view.event,
              pathChannel: "channel" in change ? change.channel : view.channel,
              pathDepth: change.depth ?? view.depth,
            })
          }
        />
      }
      isEmpty={(data) => data.result.customers === 0}
      table={(data) =>
        tableSpec(toPathSankey(data.result).links, [
          {
            key: "steps",
            header: t("steps"),
            value: (row) => `${row.step} → ${row.step + 1}`,
          },
          {
            key: "path",
            header: t("path"),
            value: (row) => `${pathLabel(row.sourceLabel)} → ${pathLabel(row.targetLabel)}`,
          },
          {
            key: "customers",
            header: t("customers"),
            value: (row) => row.value,
            format: (row) => format.number(row.value),
            numeric: true,
          },
          {
            key: "share",
            header: t("shareOfPaths"),
            value: (row) => row.value / data.result.customers,
            format: (row) => format.percent(row.value / data.result.customers),
            numeric: true,
          },
        ])
      }
      footer={(data) =>
        t(
          data.result.anchor === "end"
            ? "pathsFooterEnd"
            : view.event
              ? "pathsFooterStart"
              : "pathsFooterAny",
          {
            count: data.result.customers,
            formatted: format.number(data.result.customers),
            event: view.event
              ? `${view.channel ? `${channelLabel(view.channel)} · ` : ""}${eventLabel(view.event)}`
              : "",
          },
        )
      }
    >
      {(data) => (
        <>
          <PathSankeyChart sankey={toPathSankey(data.result)} customers={data.result.customers} />
          <PathLegend />
        </>
      )}
    </ChartCard>
  );
}
