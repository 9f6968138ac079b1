import { CHANNELS } from "@/lib/events/enums";
import { FREQUENCY_BUCKETS } from "@/lib/metrics/frequency-buckets";
import type { SegmentFilter, SegmentLeaf } from "@/lib/metrics/segment";
import { Random } from "@/prisma/seed/generator/prng";

const COMPARISONS = ["eq", "neq", "gt", "gte", "lt", "lte"] as const;
const TOPICS = ["running", "cycling", "yoga", "outdoor", "sale"];

/** A random leaf of every kind the segment language has, with values that split the random datasets. */
function randomLeaf(random: Random): SegmentLeaf {
  const op = random.pick(COMPARISONS);
  switch (random.int(14)) {
    case 0:
      return {
        field: "trait",
        key: "country",
        op: random.pick(["eq", "neq"] as const),
        value: random.pick(["DK", "SE", "NO"]),
      };
    case 1:
      return {
        field: "trait",
        key: "loyaltyTier",
        op: random.pick(["in", "notIn"] as const),
        value: ["gold", "vip"],
      };
    case 2:
      return {
        field: "trait",
        key: "birthYear",
        op: random.pick(["gt", "gte", "lt", "lte"] as const),
        value: 1960 + random.int(45),
      };
    case 3:
      return {
        field: "trait",
        key: random.pick(["country", "nickname"]),
        op: random.pick(["exists", "missing"] as const),
      };
    case 4:
      return {
        field: random.pick(["purchasesInWindow", "purchasesTotal"] as const),
        op,
        value: random.int(4),
      };
    case 5:
      return { field: "daysSinceLastPurchase", op, value: random.int(90) };
    case 6:
      return {
        field: random.pick(["contacted", "engaged", "overContacted"] as const),
        op: "is",
        value: random.chance(0.5),
      };
    case 7:
      return {
        field: "frequencyBucket",
        op: "in",
        value: FREQUENCY_BUCKETS.filter(() => random.chance(0.4))
          .map((b) => b.id)
          .concat(["0-1"]),
      };
    case 8: {
      const low = random.int(100);
      return { field: "relevance", op: "between", value: [low, Math.min(100, low + random.int(60))] };
    }
    case 9:
      return {
        field: "consent",
        channel: random.pick(["email", "sms", "push", random.pick(CHANNELS)] as const),
        op: "is",
        value: random.pick(["granted", "optedOut", "unknown"] as const),
      };
    case 10:
      return { field: "statedTopic", op: "includes", value: random.pick(TOPICS) };
    case 11:
      return { field: "hasStatedPreferences", op: "is", value: random.chance(0.5) };
    case 12:
      return { field: "statedMaxPerWeek", op, value: random.pick([0.5, 1, 2, 3]) };
    default:
      return { field: "purchasesTotal", op: "eq", value: 0 };
  }
}

/** A random filter tree of up to `depth` levels of and / or / not. */
export function randomSegment(random: Random, depth = 3): SegmentFilter {
  if (depth <= 1 || random.chance(0.4)) return randomLeaf(random);
  const children = Array.from({ length: 1 + random.int(3) }, () => randomSegment(random, depth - 1));
  switch (random.int(3)) {
    case 0:
      return { and: children };
    case 1:
      return { or: children };
    default:
      return { not: children[0] };
  }
}
