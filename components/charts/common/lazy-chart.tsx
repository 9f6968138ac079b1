"use client";

import dynamic from "next/dynamic";
import type { ComponentType } from "react";

import { afterPageLoad } from "@/components/ui/after-page-load";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * Starts fetching a chunk once the page has loaded, so that it is usually there by the time
 * the tile's data arrives, without being part of the page's first load.
 */
function prefetchAfterLoad(load: () => Promise<unknown>): void {
  void afterPageLoad(load)?.catch(() => undefined);
}

/**
 * A chart component fetched apart from the page. Tiles draw their chart only once their data
 * has arrived, so Recharts stays out of every page's first load at no cost.
 */
export function lazyChart<P extends object>(load: () => Promise<ComponentType<P>>) {
  prefetchAfterLoad(load);
  return dynamic(load, { ssr: false, loading: () => <Skeleton className="h-56" busy /> });
}

/** `SimpleBarChart`, fetched apart from the page. */
export const LazyBarChart = lazyChart(() => import("./bar-chart").then((module) => module.SimpleBarChart));

/**
 * A whole tile fetched apart from the page, for tiles whose chart is woven into the tile: the
 * tile's request starts once its small chunk has arrived.
 */
export function lazyTile<P extends object>(load: () => Promise<ComponentType<P>>) {
  return dynamic(load, { ssr: false, loading: () => <Skeleton className="h-80 rounded-xl" busy /> });
}
