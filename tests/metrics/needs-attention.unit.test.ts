import { describe, expect, test } from "vitest";

import type { AudienceCheck } from "@/lib/metrics/audience";
import type {
  ContactsAfterOptOut,
  OverContacted,
  SaturationCurve,
  SilentCustomers,
} from "@/lib/metrics/frequency";
import type { LifecycleChecks } from "@/lib/metrics/journeys";
import { type AttentionInputs, findAttention } from "@/lib/metrics/needs-attention";
import type { SendVsWant, StatedVsActual } from "@/lib/metrics/relevance";

// Small hand-made metric results; only the fields the rules read matter.
const optout = (contacts: number, customers: number): ContactsAfterOptOut => ({
  contacts,
  customers,
  byChannel: [],
  byCampaign: contacts ? [{ campaignId: "autumn-news", contacts, customers }] : [],
  delay: { medianDays: null, maxDays: null, bins: [] },
});
const overContacted = (over: number, contacted: number, cap = 3): OverContacted => ({
  weeks: 4,
  cap,
  contactedCustomers: contacted,
  overContactedCustomers: over,
  share: contacted ? over / contacted : null,
});
const saturation = (cap: number | null): SaturationCurve => ({
  weeks: 4,
  buckets: [],
  fatiguePoint:
    cap === null ? null : { bucket: "1-2", recommendedWeeklyCap: cap, reasons: ["unsubscribeShare"] },
});
const stated = (exceeding: number): StatedVsActual => ({
  contactsWithStatedTopics: 0,
  offPreferenceContacts: 0,
  offPreferenceShare: null,
  contactedCustomers: 100,
  customersWithStatedMax: 10,
  customersExceeding: exceeding,
  exceedingShare: exceeding / 10,
});
const lifecycle = (notWelcomed: number): LifecycleChecks => ({
  notWelcomed: { newCustomers: 50, customers: notWelcomed, share: notWelcomed / 50 },
  notLetGo: { customers: 0, contacts: 0 },
});
const silent = (count: number, contacted: number): SilentCustomers => ({
  silentCustomers: count,
  contactedCustomers: contacted,
  share: count / contacted,
});
// Send shares 0.6 / 0.1 / 0.3, want shares 0.1 / 0.6 / 0.3: index = 50 · (0.5 + 0.5 + 0) = 50.
const gap = (index: number): SendVsWant => ({
  contactsWithTopic: 100,
  contactsWithoutTopic: 0,
  totalSignalWeight: 100,
  gapIndex: index,
  topics: [
    { topic: "football", contacts: 60, sendShare: 0.6, signalWeight: 10, wantShare: 0.1 },
    { topic: "trail-running", contacts: 10, sendShare: 0.1, signalWeight: 60, wantShare: 0.6 },
    { topic: "yoga", contacts: 30, sendShare: 0.3, signalWeight: 30, wantShare: 0.3 },
  ],
});

const audience = (recipients: number, mismatched: number): AudienceCheck => ({
  trait: "loyaltyTier",
  campaigns: [
    {
      campaignId: "dear-vip",
      addressedValue: "vip",
      recipients,
      mismatched,
      share: recipients ? mismatched / recipients : null,
      actualValues: [],
    },
  ],
});

const ids = (inputs: AttentionInputs) => findAttention(inputs).map((finding) => finding.id);

describe("needs attention", () => {
  test("a healthy period has no findings, and metrics still loading are skipped", () => {
    expect(
      ids({
        optout: optout(0, 0),
        stated: stated(0),
        lifecycle: lifecycle(0),
        saturation: saturation(3),
        overContacted: overContacted(4, 100),
        gap: gap(24.9),
        silent: silent(4, 100),
        audience: audience(10, 1),
      }),
    ).toEqual([]);
    expect(ids({})).toEqual([]);
  });

  test("every rule fires at its threshold, alarms before warnings", () => {
    const findings = findAttention({
      silent: silent(5, 100),
      gap: gap(25),
      overContacted: overContacted(5, 100),
      saturation: saturation(1),
      lifecycle: lifecycle(1),
      stated: stated(1),
      optout: optout(1, 1),
      audience: audience(10, 2),
    });
    expect(findings.map((finding) => [finding.id, finding.severity])).toEqual([
      ["optout", "alarm"],
      ["stated", "alarm"],
      ["audience", "alarm"],
      ["notWelcomed", "warning"],
      ["fatigue", "warning"],
      ["overContacted", "warning"],
      ["gap", "warning"],
      ["silent", "warning"],
    ]);
  });

  test("the fatigue point counts only when its cap is below the workspace's", () => {
    expect(ids({ saturation: saturation(3), overContacted: overContacted(0, 100, 3) })).toEqual([]);
    expect(ids({ saturation: saturation(2), overContacted: overContacted(0, 100, 3) })).toEqual(["fatigue"]);
    expect(ids({ saturation: saturation(1) })).toEqual([]);
  });

  test("the gap finding names the most over-sent and the most under-sent topic", () => {
    const [finding] = findAttention({ gap: gap(50) });
    expect(finding.values).toMatchObject({
      index: 50,
      overTopic: "football",
      overSend: 0.6,
      overWant: 0.1,
      underTopic: "trail-running",
      underSend: 0.1,
      underWant: 0.6,
    });
    expect(finding.evidence).toEqual({ section: "relevance", tile: "send-vs-want" });
  });

  test("contacts after opt-out name the campaign with the most of them and link to the tile", () => {
    const [finding] = findAttention({ optout: optout(63, 62) });
    expect(finding.values).toEqual({ contacts: 63, customers: 62, campaign: "autumn-news" });
    expect(finding.evidence).toEqual({ section: "frequency", tile: "optout" });
  });

  test("a campaign naming a tier fires from a fifth of at least ten recipients without it", () => {
    expect(ids({ audience: audience(9, 9) })).toEqual([]);
    expect(ids({ audience: audience(10, 1) })).toEqual([]);
    const [finding] = findAttention({ audience: audience(932, 740) });
    expect(finding.values).toEqual({
      campaign: "dear-vip",
      value: "vip",
      count: 740,
      recipients: 932,
      share: 740 / 932,
    });
    expect(finding.evidence).toEqual({ section: "relevance", tile: "audience" });
  });

  test("shares over an empty denominator never fire", () => {
    expect(ids({ overContacted: overContacted(0, 0), gap: { ...gap(0), gapIndex: null } })).toEqual([]);
  });
});
