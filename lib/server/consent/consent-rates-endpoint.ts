import "server-only";

import type { ConsentRates } from "@/lib/consent/consent-views";
import { shiftCalendarDate, zonedMidnight } from "@/lib/date-window";
import type { MetricResponse } from "@/lib/metrics/query";
import { consentRatesQuery } from "@/lib/schemas/consent";
import type { Access } from "@/lib/server/auth/guard";
import { getPrisma } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";

import { getConsentRates } from "./get-consent-rates";

/** The consent rates for `?from=&to=` (days in the workspace's zone) in the read API's envelope. */
export async function consentRatesResponse(
  access: Pick<Access, "workspace">,
  searchParams: URLSearchParams,
): Promise<MetricResponse<ConsentRates>> {
  const parsed = consentRatesQuery.safeParse(Object.fromEntries(searchParams));
  if (!parsed.success) {
    const message = parsed.error.issues.map(
      (issue) => `${issue.path.join(".") || "query"}: ${issue.message}`,
    );
    throw new AppError("invalid_input", message.join("; "));
  }
  const { workspace } = access;
  const timeZone = workspace.timeZone;
  const from = zonedMidnight(parsed.data.from, timeZone);
  const to = zonedMidnight(shiftCalendarDate(parsed.data.to, 1), timeZone);
  const result = await getConsentRates(await getPrisma(), workspace.id, { from, to, timeZone });
  return {
    metric: "consent-rates",
    query: {
      from: from.toISOString(),
      to: to.toISOString(),
      timeZone,
      channel: null,
      segment: null,
      segmentId: null,
      comparison: null,
    },
    result,
    comparison: null,
  };
}
