import "server-only";

/** What an erasure changed, as its outcome and its audit entry report it. */
export interface ErasureCounts {
  /** Events deleted, or moved to the anonymous token. */
  events: number;
  /** Contact facts deleted, or moved to the token. */
  contactFacts: number;
  /** The customer row (0 or 1) deleted, or renamed to the token with its traits removed. */
  customers: number;
  /** Consent rows per channel and stated preferences deleted, or carried over to the token. */
  consents: number;
  preferences: number;
  /** Delete: message catalogue entries worked out again because a send of the customer went. */
  messagesRebuilt: number;
  /** The earliest and latest time among the customer's events (null when there were none). */
  range: { from: Date; to: Date } | null;
}
