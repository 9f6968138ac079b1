"use client";

import dynamic from "next/dynamic";
import type { ComponentType } from "react";

import { Skeleton } from "@/components/ui/skeleton";

/**
 * A chart component fetched when it is first drawn. Tiles draw their chart only once their
 * data has arrived, so Recharts stays out of every page's first load at no cost.
 */
export function lazyChart<P extends object>(load: () => Promise<ComponentType<P>>) {
  return dynamic(load, { ssr: false, loading: () => <Skeleton className="h-56" busy /> });
}

/** `SimpleBarChart`, fetched when first drawn. */
export const LazyBarChart = lazyChart(() => import("./bar-chart").then((module) => module.SimpleBarChart));

/**
 * A whole tile fetched when first drawn, for tiles whose chart is woven into the tile: the
 * tile's request starts once its small chunk has arrived.
 */
export function lazyTile<P extends object>(load: () => Promise<ComponentType<P>>) {
  return dynamic(load, { ssr: false, loading: () => <Skeleton className="h-80 rounded-xl" busy /> });
}
