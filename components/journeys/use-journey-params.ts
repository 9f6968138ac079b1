"use client";

import { useQueryStates } from "nuqs";

import { funnelParsers, pathParsers } from "@/lib/url-state/journeys-params";

/** The funnel's steps and conversion window, kept in the URL so a funnel can be shared. */
export function useFunnelParams() {
  return useQueryStates(funnelParsers, { history: "push" });
}

/** The path explorer's anchor, event, channel and depth, kept in the URL. */
export function usePathParams() {
  return useQueryStates(pathParsers, { history: "push" });
}
