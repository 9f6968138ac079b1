/**
 * Result type of the audience check (docs/metrics.md, "Audience check"): campaigns whose id
 * names a value of a customer trait (by default `loyaltyTier`: "dear-vip-autumn" names `vip`)
 * and how many of their recipients do not hold that value.
 */

/** The trait whose values campaigns are checked against, unless the request names another. */
export const DEFAULT_AUDIENCE_TRAIT = "loyaltyTier";

export interface AudienceCheckRow {
  campaignId: string;
  /** The trait value the campaign's id names (lower case), e.g. "vip". */
  addressedValue: string;
  /** Distinct customers contacted by the campaign in the window. */
  recipients: number;
  /** Recipients whose current value of the trait is another one, or who have none. */
  mismatched: number;
  /** mismatched / recipients. */
  share: number | null;
  /** The mismatched recipients by their actual value (null: no value), most first. */
  actualValues: { value: string | null; customers: number }[];
}

export interface AudienceCheck {
  trait: string;
  /** Campaigns naming a value of the trait: most mismatched recipients first, then by id. */
  campaigns: AudienceCheckRow[];
}
