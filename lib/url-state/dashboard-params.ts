import { createParser, parseAsInteger, parseAsStringLiteral } from "nuqs/server";

import { CHANNELS } from "@/lib/events/enums";

export type { ChannelName } from "@/lib/events/enums";

/** The period a dashboard compares with: the one right before, or the same weeks a year earlier. */
export const COMPARE_MODES = ["previous", "year", "none"] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];

export const RANGE_PRESETS = ["7d", "28d", "90d", "365d"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date `YYYY-MM-DD` (a day in the workspace's time zone). Invalid dates parse as null. */
export const parseAsCalendarDate = createParser({
  parse(value: string) {
    if (!ISO_DATE.test(value)) return null;
    const [y, m, d] = value.split("-").map(Number);
    const probe = new Date(Date.UTC(y, m - 1, d));
    return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d
      ? value
      : null;
  },
  serialize: (value: string) => value,
});

/**
 * The dashboard's view state, kept in the URL. `from` and `to` are inclusive calendar dates;
 * `range` is a preset counted back from the anchor date (the latest data) when no dates are given.
 */
export const dashboardParsers = {
  range: parseAsStringLiteral(RANGE_PRESETS),
  from: parseAsCalendarDate,
  to: parseAsCalendarDate,
  channel: parseAsStringLiteral(CHANNELS),
  /** Absent = the previous period. */
  compare: parseAsStringLiteral(COMPARE_MODES),
  /** A saved segment's id. */
  segment: parseAsInteger,
};
