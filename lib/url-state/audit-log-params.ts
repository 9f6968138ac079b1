import { createLoader, parseAsInteger, parseAsString } from "nuqs/server";

import { parseAsCalendarDate } from "./dashboard-params";

/**
 * The audit log's filters in the URL: `action` (one action or `group.*`), `user` (a member's
 * id), `from` and `to` (inclusive days in the workspace's zone), and `page` (from 1).
 */
export const auditLogParsers = {
  action: parseAsString,
  user: parseAsString,
  from: parseAsCalendarDate,
  to: parseAsCalendarDate,
  page: parseAsInteger,
};

/** Parses the audit log's search params on the server with the parsers the filter form uses. */
export const loadAuditLogParams = createLoader(auditLogParsers);
