"use client";

import { useTranslations } from "next-intl";
import { type ComponentType, useSyncExternalStore } from "react";

import { afterPageLoad } from "@/components/ui/after-page-load";
import { Skeleton } from "@/components/ui/skeleton";

import { TileError } from "./tile-error";

type ChunkState<P> =
  | { status: "idle" | "loading" }
  | { status: "ready"; component: ComponentType<P> }
  | { status: "failed" };

/** Shown during server rendering and hydration: the chunk is never part of the HTML. */
const SERVER_STATE = { status: "idle" } as const;

/**
 * A component fetched apart from the page, shown with a skeleton until its chunk is there.
 *
 * Not React.lazy (next/dynamic): a lazy component suspends, and React holds back the reveal
 * of a Suspense boundary for up to 300 ms after it last showed a fallback, so each tile would
 * wait that long after its data arrived even with the chunk already loaded. Here the chunk's
 * state is an external store: a loaded chunk renders at once, and a failed one offers a retry.
 */
function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>, skeleton: string) {
  let state: ChunkState<P> = { status: "idle" };
  const listeners = new Set<() => void>();
  const set = (next: ChunkState<P>) => {
    state = next;
    for (const listener of listeners) listener();
  };
  const start = () => {
    if (state.status === "ready" || state.status === "loading") return;
    set({ status: "loading" });
    load().then(
      (component) => set({ status: "ready", component }),
      () => set({ status: "failed" }),
    );
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    if (state.status === "idle") start();
    return () => listeners.delete(listener);
  };
  // Usually there by the time the tile's data arrives, without being part of the first load.
  afterPageLoad(async () => start());

  function LazyComponent(props: P) {
    const t = useTranslations("chart");
    const current = useSyncExternalStore(
      subscribe,
      () => state,
      () => SERVER_STATE,
    );
    if (current.status === "ready") return <current.component {...props} />;
    if (current.status === "failed") {
      return <TileError title={t("chunkFailed")} retryLabel={t("retry")} onRetry={start} />;
    }
    return <Skeleton className={skeleton} busy />;
  }
  return LazyComponent;
}

/**
 * A chart component fetched apart from the page. Tiles draw their chart only once their data
 * has arrived, so Recharts stays out of every page's first load at no cost.
 */
export function lazyChart<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazyComponent(load, "h-56");
}

/** `SimpleBarChart`, fetched apart from the page. */
export const LazyBarChart = lazyChart(() => import("./bar-chart").then((module) => module.SimpleBarChart));

/**
 * A whole tile fetched apart from the page, for tiles whose chart is woven into the tile: the
 * tile's request starts once its small chunk has arrived.
 */
export function lazyTile<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazyComponent(load, "h-80 rounded-xl");
}
