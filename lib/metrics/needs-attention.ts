import type { AudienceCheck } from "./audience";
import type { ContactsAfterOptOut, OverContacted, SaturationCurve, SilentCustomers } from "./frequency";
import type { LifecycleChecks } from "./journeys";
import type { SendVsWant, StatedVsActual } from "./relevance";

/**
 * The Overview's "needs attention" list: findings derived from metric results by fixed rules
 * (docs/metrics.md, "Needs attention"). Pure, so the rules are tested without a database.
 */

/** A share of contacted customers at or above this is worth a warning (over-contacted, silent). */
export const CUSTOMER_SHARE_WARNING = 0.05;
/** A relevance gap index at or above this (0–100) is worth a warning. */
export const GAP_INDEX_WARNING = 25;
/** A campaign naming a tier is an alarm when at least this share of its recipients lack it… */
export const AUDIENCE_MISMATCH_ALARM = 0.2;
/** …and it reached at least this many customers. */
export const AUDIENCE_MIN_RECIPIENTS = 10;

export type FindingId =
  "optout" | "stated" | "audience" | "notWelcomed" | "fatigue" | "overContacted" | "gap" | "silent";

export interface Finding {
  id: FindingId;
  severity: "alarm" | "warning";
  /** The figures the finding's sentence needs (counts, shares 0–1, names). */
  values: Record<string, string | number>;
  /** The page and tile holding the evidence. */
  evidence: { section: "frequency" | "relevance" | "journeys"; tile: string };
  /** Several findings of one rule (one per campaign) need distinct keys. */
  key: string;
}

export interface AttentionInputs {
  optout?: ContactsAfterOptOut;
  saturation?: SaturationCurve;
  overContacted?: OverContacted;
  gap?: SendVsWant;
  stated?: StatedVsActual;
  /** Lifecycle checks over the last 12 months (new customers join rarely in a short window). */
  lifecycle?: LifecycleChecks;
  silent?: SilentCustomers;
  audience?: AudienceCheck;
}

/** Every finding the inputs support, alarms first; inputs still loading are skipped. */
export function findAttention(inputs: AttentionInputs): Finding[] {
  const findings: Finding[] = [];
  const { optout, stated, audience, lifecycle, saturation, overContacted, gap, silent } = inputs;
  if (optout && optout.contacts > 0) {
    findings.push({
      id: "optout",
      key: "optout",
      severity: "alarm",
      values: {
        contacts: optout.contacts,
        customers: optout.customers,
        campaign: optout.byCampaign[0]?.campaignId ?? "—",
      },
      evidence: { section: "frequency", tile: "optout" },
    });
  }
  if (stated && stated.customersExceeding > 0) {
    findings.push({
      id: "stated",
      key: "stated",
      severity: "alarm",
      values: { count: stated.customersExceeding, total: stated.customersWithStatedMax },
      evidence: { section: "frequency", tile: "stated-vs-actual" },
    });
  }
  for (const campaign of audience?.campaigns ?? []) {
    if (
      campaign.recipients >= AUDIENCE_MIN_RECIPIENTS &&
      campaign.share !== null &&
      campaign.share >= AUDIENCE_MISMATCH_ALARM
    ) {
      findings.push({
        id: "audience",
        key: `audience:${campaign.campaignId}:${campaign.addressedValue}`,
        severity: "alarm",
        values: {
          campaign: campaign.campaignId,
          value: campaign.addressedValue,
          count: campaign.mismatched,
          recipients: campaign.recipients,
          share: campaign.share,
        },
        evidence: { section: "relevance", tile: "audience" },
      });
    }
  }
  if (lifecycle && lifecycle.notWelcomed.customers > 0) {
    findings.push({
      id: "notWelcomed",
      key: "notWelcomed",
      severity: "warning",
      values: { count: lifecycle.notWelcomed.customers, total: lifecycle.notWelcomed.newCustomers },
      evidence: { section: "journeys", tile: "lifecycle" },
    });
  }
  const fatigue = saturation?.fatiguePoint;
  if (fatigue && overContacted && fatigue.recommendedWeeklyCap < overContacted.cap) {
    findings.push({
      id: "fatigue",
      key: "fatigue",
      severity: "warning",
      values: { bucket: fatigue.bucket, cap: fatigue.recommendedWeeklyCap, workspaceCap: overContacted.cap },
      evidence: { section: "frequency", tile: "saturation" },
    });
  }
  if (overContacted?.share != null && overContacted.share >= CUSTOMER_SHARE_WARNING) {
    findings.push({
      id: "overContacted",
      key: "overContacted",
      severity: "warning",
      values: {
        share: overContacted.share,
        count: overContacted.overContactedCustomers,
        cap: overContacted.cap,
      },
      evidence: { section: "frequency", tile: "over-contacted" },
    });
  }
  if (gap?.gapIndex != null && gap.gapIndex >= GAP_INDEX_WARNING) {
    const gapOf = (row: SendVsWant["topics"][number]) => (row.sendShare ?? 0) - (row.wantShare ?? 0);
    const ranked = [...gap.topics].sort((a, b) => gapOf(b) - gapOf(a) || a.topic.localeCompare(b.topic));
    const over = ranked[0];
    const under = ranked[ranked.length - 1];
    findings.push({
      id: "gap",
      key: "gap",
      severity: "warning",
      values: {
        index: gap.gapIndex,
        overTopic: over.topic,
        overSend: over.sendShare ?? 0,
        overWant: over.wantShare ?? 0,
        underTopic: under.topic,
        underSend: under.sendShare ?? 0,
        underWant: under.wantShare ?? 0,
      },
      evidence: { section: "relevance", tile: "send-vs-want" },
    });
  }
  if (silent?.share != null && silent.share >= CUSTOMER_SHARE_WARNING) {
    findings.push({
      id: "silent",
      key: "silent",
      severity: "warning",
      values: { count: silent.silentCustomers, share: silent.share },
      evidence: { section: "frequency", tile: "silent" },
    });
  }
  return findings;
}
