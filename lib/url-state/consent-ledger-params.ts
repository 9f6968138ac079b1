import { createLoader, parseAsInteger, parseAsString, parseAsStringLiteral } from "nuqs/server";

import { LEDGER_TYPES } from "@/lib/consent/consent-views";
import { CHANNELS } from "@/lib/events/enums";

/**
 * The consent ledger's own URL state, next to the date range: `customer` (an exact id),
 * `channel`, `type` and `page` (from 1).
 */
export const consentLedgerParsers = {
  customer: parseAsString,
  channel: parseAsStringLiteral(CHANNELS),
  type: parseAsStringLiteral(LEDGER_TYPES),
  page: parseAsInteger,
};

/** Parses the ledger's search params on the server with the parsers the filter form uses. */
export const loadConsentLedgerParams = createLoader(consentLedgerParsers);
