import type { SqlRunner } from "@/lib/server/db/connection";

import { DAY } from "./calendar";
import * as sql from "./report-sql";

type Row = Record<string, unknown>;

export interface DemoReport {
  window: { from: string; to: string };
  overview: Row;
  violationsInWindow: Row;
  violationsByDay: Row[];
  club: Row;
  clubUnsubscribes: Row[];
  saturation: Row[];
  topics: Row[];
  welcome: Row[];
  dearVip: Row[];
  statedFrequency: Row[];
}

/**
 * Measures the planted findings of a seeded demo workspace with the METRICS.md definitions
 * (the numbers quoted in docs/demo-data.md). Frequency metrics use the `days` days ending at `to`.
 */
export async function getDemoReport(
  runner: SqlRunner,
  workspaceId: number,
  options: { to: Date; days?: number; timeZone: string },
): Promise<DemoReport> {
  const from = new Date(options.to.getTime() - (options.days ?? 28) * DAY).toISOString();
  const to = options.to.toISOString();
  const windowed = [workspaceId, from, to];
  const zoned = [workspaceId, options.timeZone];
  const one = async (text: string, params: unknown[]) => (await runner.query<Row>(text, params))[0];
  return {
    window: { from, to },
    overview: await one(sql.OVERVIEW_SQL, windowed),
    violationsInWindow: await one(sql.VIOLATIONS_IN_WINDOW_SQL, windowed),
    violationsByDay: await runner.query<Row>(sql.VIOLATIONS_BY_DAY_SQL, zoned),
    club: await one(sql.CLUB_SQL, windowed),
    clubUnsubscribes: await runner.query<Row>(sql.CLUB_UNSUBSCRIBES_SQL, zoned),
    saturation: await runner.query<Row>(sql.SATURATION_SQL, windowed),
    topics: await runner.query<Row>(sql.TOPIC_SHARES_SQL, windowed),
    welcome: await runner.query<Row>(sql.WELCOME_SQL, zoned),
    dearVip: await runner.query<Row>(sql.DEAR_VIP_SQL, [workspaceId]),
    statedFrequency: await runner.query<Row>(sql.STATED_FREQUENCY_SQL, windowed),
  };
}
