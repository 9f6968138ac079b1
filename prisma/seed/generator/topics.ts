/** The demo shop's topics: lower-case slugs, as EVENTS.md requires. */
export const TOPICS = [
  "running",
  "trail-running",
  "football",
  "cycling",
  "outdoor",
  "swimming",
  "fitness",
  "yoga",
  "tennis",
  "skiing",
  "kids",
  "sale",
] as const;

export type Topic = (typeof TOPICS)[number];

/** How many customers care about each topic (relative): the "want" side of the gap. */
export const INTEREST_WEIGHT: Record<Topic, number> = {
  running: 15,
  "trail-running": 11,
  football: 3,
  cycling: 10,
  outdoor: 12,
  swimming: 5,
  fitness: 11,
  yoga: 7,
  tennis: 4,
  skiing: 9,
  kids: 7,
  sale: 6,
};

/** Demand by month (1–12) per topic: skiing in winter, running and cycling in spring and summer. */
const SEASON: Record<Topic, readonly number[]> = {
  //              J    F    M    A    M    J    J    A    S    O    N    D
  running: [0.9, 0.9, 1.2, 1.4, 1.5, 1.3, 1.1, 1.2, 1.2, 1.0, 0.7, 0.6],
  "trail-running": [0.5, 0.6, 0.9, 1.3, 1.5, 1.4, 1.3, 1.4, 1.5, 1.2, 0.7, 0.5],
  football: [0.6, 0.8, 1.2, 1.3, 1.2, 1.0, 0.9, 1.3, 1.2, 1.0, 0.8, 0.7],
  cycling: [0.4, 0.5, 1.0, 1.6, 1.8, 1.7, 1.5, 1.3, 1.0, 0.6, 0.4, 0.4],
  outdoor: [0.7, 0.7, 0.9, 1.1, 1.3, 1.3, 1.2, 1.1, 1.4, 1.3, 0.9, 1.0],
  swimming: [0.6, 0.6, 0.7, 0.8, 1.2, 2.0, 2.2, 1.5, 0.8, 0.6, 0.5, 0.5],
  fitness: [1.8, 1.3, 1.1, 1.0, 0.9, 0.8, 0.7, 0.9, 1.1, 1.1, 1.0, 1.0],
  yoga: [1.4, 1.2, 1.0, 1.0, 0.9, 0.8, 0.8, 0.9, 1.1, 1.1, 1.0, 1.0],
  tennis: [0.5, 0.5, 0.8, 1.2, 1.6, 1.7, 1.6, 1.3, 0.9, 0.6, 0.5, 0.5],
  skiing: [2.4, 2.3, 1.3, 0.4, 0.1, 0.05, 0.05, 0.1, 0.3, 0.8, 1.6, 2.4],
  kids: [0.8, 0.8, 0.9, 1.0, 1.0, 0.9, 1.0, 1.8, 1.2, 0.9, 1.1, 1.6],
  sale: [1.6, 0.8, 0.7, 0.7, 0.7, 1.4, 1.3, 0.8, 0.7, 0.7, 1.8, 1.4],
};

export function seasonFactor(topic: Topic, month: number): number {
  return SEASON[topic][month - 1];
}

/** Typical item price range in DKK. */
export const PRICE_RANGE: Record<Topic, readonly [number, number]> = {
  running: [299, 1599],
  "trail-running": [399, 1899],
  football: [149, 1199],
  cycling: [249, 7999],
  outdoor: [199, 3499],
  swimming: [99, 699],
  fitness: [149, 2499],
  yoga: [99, 899],
  tennis: [199, 1999],
  skiing: [499, 5999],
  kids: [99, 999],
  sale: [99, 999],
};

/** Danish labels and shop paths, for subjects and page paths. */
export const TOPIC_LABEL: Record<Topic, { label: string; path: string; sku: string }> = {
  running: { label: "Løb", path: "/loeb", sku: "RUN" },
  "trail-running": { label: "Trailløb", path: "/trail", sku: "TRL" },
  football: { label: "Fodbold", path: "/fodbold", sku: "FTB" },
  cycling: { label: "Cykling", path: "/cykling", sku: "CYC" },
  outdoor: { label: "Outdoor", path: "/outdoor", sku: "OUT" },
  swimming: { label: "Svømning", path: "/svoemning", sku: "SWM" },
  fitness: { label: "Fitness", path: "/fitness", sku: "FIT" },
  yoga: { label: "Yoga", path: "/yoga", sku: "YOG" },
  tennis: { label: "Tennis", path: "/tennis", sku: "TEN" },
  skiing: { label: "Ski", path: "/ski", sku: "SKI" },
  kids: { label: "Børn", path: "/boern", sku: "KID" },
  sale: { label: "Udsalg", path: "/udsalg", sku: "OUTLET" },
};

/** Postgres array literal for a list of slugs (slugs need no quoting). */
export function topicsLiteral(topics: readonly string[]): string {
  return `{${topics.join(",")}}`;
}
