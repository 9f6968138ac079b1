import { z } from "zod";

import { dateOrInstant } from "@/lib/metrics/query";

const calendarDate = dateOrInstant.refine(
  (value) => /^\d{4}-\d{2}-\d{2}$/.test(value),
  "not a date (YYYY-MM-DD)",
);

/** Consent rates' window: first and last day (inclusive, workspace time zone), at most 3 years. */
export const consentRatesQuery = z
  .strictObject({ from: calendarDate, to: calendarDate })
  .refine((query) => query.from <= query.to, { message: "from is after to", path: ["from"] })
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= 3 * 366 * 86_400_000, {
    message: "at most 3 years",
    path: ["to"],
  });
