import { z } from "zod";

import { AUDIT_ACTION_FILTER } from "@/lib/audit/audit-actions";
import { dateOrInstant } from "@/lib/metrics/query";

const calendarDate = dateOrInstant.refine(
  (value) => /^\d{4}-\d{2}-\d{2}$/.test(value),
  "not a date (YYYY-MM-DD)",
);

/**
 * Filters of the audit log (page and CSV export): one action or a group (`apikey.*`), the
 * user who acted, and the first and last day (inclusive, in the workspace's time zone).
 */
export const auditLogFilter = z.strictObject({
  action: z
    .string()
    .trim()
    .regex(AUDIT_ACTION_FILTER, "not an action (apikey.create) or a group of actions (apikey.*)")
    .optional(),
  user: z.string().trim().min(1).max(100).optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
});
export type AuditLogFilter = z.infer<typeof auditLogFilter>;

const filterValue = z.union([z.string().max(200), z.number(), z.boolean(), z.null()]);

/** What the browser reports when it exports a chart's CSV: the tile, its rows and its filters. */
export const chartExportInput = z.strictObject({
  tile: z
    .string()
    .trim()
    .regex(/^[\w.-]{1,100}$/, "letters, digits, dots, dashes and underscores, up to 100"),
  rows: z.number().int().min(0).max(10_000_000),
  filters: z
    .record(z.string().max(40), filterValue)
    .refine((filters) => Object.keys(filters).length <= 12, "at most 12 filters")
    .default({}),
});
export type ChartExportInput = z.input<typeof chartExportInput>;
