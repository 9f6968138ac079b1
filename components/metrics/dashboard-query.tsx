"use client";

import { createContext, useContext } from "react";

import type { DashboardQuery } from "@/lib/metrics/dashboard-query";

export type { DashboardQuery } from "@/lib/metrics/dashboard-query";

const DashboardQueryContext = createContext<DashboardQuery | null>(null);

/** Set by each dashboard page around its tiles. */
export function DashboardQueryProvider({
  value,
  children,
}: {
  value: DashboardQuery;
  children: React.ReactNode;
}) {
  return <DashboardQueryContext value={value}>{children}</DashboardQueryContext>;
}

export function useDashboardQuery(): DashboardQuery {
  const query = useContext(DashboardQueryContext);
  if (!query) throw new Error("useDashboardQuery() outside a DashboardQueryProvider");
  return query;
}
