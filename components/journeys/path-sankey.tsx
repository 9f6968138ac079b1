"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ResponsiveContainer, Sankey, type SankeyLinkProps, type SankeyNodeProps, Tooltip } from "recharts";

import { useFormatters } from "@/components/charts/common/use-formatters";

import { fitLabel } from "./fit-label";
import { pathFamily, PATH_FAMILY_COLORS } from "./path-colors";
import type { PathSankey, PathSankeyLink, PathSankeyNode } from "./path-sankey-data";
import { usePathLabel } from "./use-journey-labels";

const MARGIN = { top: 14, right: 120, bottom: 14, left: 10 };
const NODE_WIDTH = 10;

interface TooltipEntry {
  payload?: {
    payload?: PathSankeyNode | (PathSankeyLink & { source: PathSankeyNode; target: PathSankeyNode });
  };
}

/**
 * The paths as a Sankey diagram: one column per step, each node labelled with its step's event
 * in words and its customers; the customers of a node or a link also in the tooltip.
 */
export function PathSankeyChart({ sankey, customers }: { sankey: PathSankey; customers: number }) {
  const t = useTranslations("journeys");
  const format = useFormatters();
  const pathLabel = usePathLabel();
  const [chartWidth, setChartWidth] = useState(0);
  const steps = [...new Set(sankey.nodes.map((node) => node.step))];
  const perStep = Math.max(...steps.map((step) => sankey.nodes.filter((node) => node.step === step).length));
  // Labels sit right of their node and may not reach the next column (the last has the margin).
  const columnWidth =
    (chartWidth - MARGIN.left - MARGIN.right - NODE_WIDTH) /
    Math.max(1, Math.max(...steps) - Math.min(...steps));
  const labelRoom = Math.max(columnWidth, MARGIN.right) - NODE_WIDTH - 8;

  const renderNode = ({ x, y, width, height, payload: node }: SankeyNodeProps) => {
    // The node as given in `data`, with the layout Recharts added.
    const payload = node as unknown as PathSankeyNode;
    const name = pathLabel(payload.label);
    const textX = x + width + 5;
    return (
      <g>
        <rect
          x={x}
          y={y}
          width={width}
          height={Math.max(height, 1)}
          fill={PATH_FAMILY_COLORS[pathFamily(payload.label)]}
        />
        <text
          y={y + height / 2}
          fontSize={11}
          fill="#0f172a"
          stroke="#ffffff"
          strokeWidth={3}
          paintOrder="stroke"
        >
          <tspan x={textX} dy="-0.2em">
            {fitLabel(name, labelRoom)}
          </tspan>
          <tspan x={textX} dy="1.15em" fill="#475569">
            {format.number(payload.customers)}
          </tspan>
        </text>
      </g>
    );
  };

  const renderLink = (link: SankeyLinkProps) => (
    <path
      d={`M${link.sourceX},${link.sourceY} C${link.sourceControlX},${link.sourceY} ${link.targetControlX},${link.targetY} ${link.targetX},${link.targetY}`}
      fill="none"
      stroke={PATH_FAMILY_COLORS[pathFamily((link.payload as unknown as PathSankeyLink).sourceLabel)]}
      strokeWidth={Math.max(link.linkWidth, 1)}
      className="[stroke-opacity:0.25] hover:[stroke-opacity:0.55]"
    />
  );

  const renderTooltip = ({ active, payload }: { active?: boolean; payload?: readonly TooltipEntry[] }) => {
    const item = active ? payload?.[0]?.payload?.payload : undefined;
    if (!item) return null;
    const isLink = "sourceLabel" in item;
    const value = isLink ? item.value : item.customers;
    return (
      <div className="rounded-lg border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
        <p className="font-semibold text-slate-900">
          {isLink ? `${pathLabel(item.sourceLabel)} → ${pathLabel(item.targetLabel)}` : pathLabel(item.label)}
        </p>
        <p className="text-slate-600">
          {isLink
            ? t("stepToStep", { from: item.step, to: item.step + 1 })
            : t("stepNumber", { step: item.step })}
        </p>
        <p className="mt-1 text-slate-800">
          {t("customersOfPaths", {
            count: value,
            formatted: format.number(value),
            share: format.percent(customers === 0 ? null : value / customers),
          })}
        </p>
      </div>
    );
  };

  return (
    <ResponsiveContainer
      width="100%"
      height={Math.max(320, perStep * 60)}
      onResize={(width) => setChartWidth(width)}
    >
      <Sankey
        data={sankey}
        nameKey="name"
        node={renderNode}
        link={renderLink}
        nodeWidth={NODE_WIDTH}
        nodePadding={28}
        align="left"
        sort={false}
        margin={MARGIN}
      >
        <Tooltip content={renderTooltip} />
      </Sankey>
    </ResponsiveContainer>
  );
}
