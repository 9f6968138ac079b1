import fc from "fast-check";

/**
 * Hostile values for the fuzz tests of tests/hostile/. Every generator says by construction
 * whether what it makes is valid, so each test's oracle is its own, not the product's schema.
 */

/**
 * fast-check settings for one property: the seed is printed, and RESONANS_FUZZ_SEED=<seed>
 * replays a run exactly (with the same numRuns).
 */
export function fuzzParameters(name: string, numRuns: number): fc.Parameters<unknown> {
  const seed = Number(process.env.RESONANS_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
  console.info(`${name}: fast-check seed ${seed} (replay: RESONANS_FUZZ_SEED=${seed})`);
  return { seed, numRuns };
}

/** Text a database can store: no NUL, no unpaired surrogate (the oracle's own check). */
export const storable = (text: string) => !text.includes("\u0000") && text.isWellFormed();

/** Strings that look like attacks or trip up text handling, yet are ordinary valid text. */
export const TRICKY_TEXT = [
  `'; DROP TABLE "Event"; --`,
  `" OR 1=1 --`,
  `1); DELETE FROM "Customer" WHERE (1=1`,
  "<script>alert(1)</script>",
  `<img src=x onerror="alert('x')">`,
  "${jndi:ldap://x/a}",
  "{{7*7}}",
  "%s%n%x",
  "../../etc/passwd",
  "\\\\server\\share",
  "\u202Eevil\u202C", // right-to-left override
  "שלום\u200Fabc", // Hebrew with a right-to-left mark
  "e\u0301", // é decomposed (NFD)
  "\u00e9", // é composed (NFC)
  "a\u0308\u0304\u0323", // stacked combining marks
  "👩‍👩‍👧‍👦🏳️‍🌈", // ZWJ sequences
  "\u0001\u0007\u001b[31mred\u001b[0m", // control characters
  "tab\there\u2028line\u2029para", // tab, Unicode line and paragraph separators
  "zero\u200Bwidth\uFEFFbom",
  "ＡＢＣ１２３", // full-width forms
  "𝕳𝖊𝖑𝖑𝖔",
] as const;

/** Valid, storable text of 1–`max` characters (any code points, the tricky strings above). */
export function anyText(max: number): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc.constantFrom(...TRICKY_TEXT),
      fc.string({ unit: "binary", minLength: 1, maxLength: Math.min(max, 40) }),
      fc.string({ unit: "grapheme", minLength: 1, maxLength: Math.min(max, 20) }),
    )
    .filter((text) => text.length >= 1 && text.length <= max && storable(text));
}

/** Text a database cannot store: each holds a NUL or an unpaired surrogate. */
export const UNSTORABLE_TEXT = ["c\u0000", "\u0000", "c\ud800x", "c\udfff", "x\ud83d"] as const;

/** Timestamps the event contract accepts, at and around its edges. */
export const VALID_TIMESTAMPS = [
  "2000-01-01T00:00:00Z", // the earliest instant accepted
  "2000-01-01T14:00:00+14:00", // the same instant, from the furthest zone east
  "2026-03-01T09:30:00-12:00", // the furthest zone west
  "2024-02-29T23:59:59.999999999Z", // leap day, nanoseconds (cut to milliseconds)
  "2026-03-01T09:30:00,5+0530", // decimal comma, offset without colon
  "2026-03-01T09:30Z", // no seconds
  "2026-03-01T09:30:00+00",
] as const;

/** Timestamps it refuses, with what is wrong. */
export const INVALID_TIMESTAMPS: readonly unknown[] = [
  "0000-01-01T00:00:00Z", // year 0000: before 2000
  "1999-12-31T23:59:59.999Z", // a millisecond before the earliest
  "9999-12-31T23:59:59Z", // far future
  "2016-12-31T23:59:60Z", // a leap second
  "2026-03-01T09:30:00", // no zone
  "2026-03-01", // a date only
  "2026-02-30T10:00:00Z", // no such day
  "2026-03-01T24:00:00Z",
  "2026-03-01T09:30:00+24:00",
  "2026-03-01T09:30:00+14:60",
  "2026-03-01T09:30:00Zjunk",
  "２０２６-03-01T09:30:00Z", // full-width digits
  "",
  "1772357400",
  1772357400, // epoch seconds as a number
  1772357400000, // epoch milliseconds
  { $date: "2026-03-01T09:30:00Z" },
  ["2026-03-01T09:30:00Z"],
  true,
];

/** A valid timestamp: an edge case, or any instant between 2000 and yesterday in some offset. */
export const validTimestamp: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...VALID_TIMESTAMPS),
  fc
    .integer({ min: Date.UTC(2000, 0, 1), max: Date.now() - 86_400_000 })
    .map((ms) => new Date(ms).toISOString()),
);

/** A JSON value nested `depth` levels deep, alternating arrays and objects. */
export function nested(depth: number, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level++) value = level % 2 === 0 ? [value] : { k: value };
  return value;
}
