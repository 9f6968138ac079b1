import { describe, expect, test } from "vitest";

import { DEFAULT_RATE_LIMIT, rateLimitFromEnv, TokenBuckets } from "@/lib/server/ingest/rate-limit";

describe("TokenBuckets", () => {
  test("allows the burst, then refuses with the seconds until the next token", () => {
    const buckets = new TokenBuckets();
    const limit = { perSecond: 1, burst: 2 };
    expect(buckets.take("k", limit, 0)).toEqual({ allowed: true });
    expect(buckets.take("k", limit, 0)).toEqual({ allowed: true });
    expect(buckets.take("k", limit, 0)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    // half a token after 500 ms: still refused, one second is the smallest answer
    expect(buckets.take("k", limit, 500)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(buckets.take("k", limit, 1000)).toEqual({ allowed: true });
  });

  test("refills at the rate, never above the burst", () => {
    const buckets = new TokenBuckets();
    const limit = { perSecond: 10, burst: 3 };
    for (let i = 0; i < 3; i++) expect(buckets.take("k", limit, 0).allowed).toBe(true);
    // 10 s later the bucket holds 3 tokens (the burst), not 100
    for (let i = 0; i < 3; i++) expect(buckets.take("k", limit, 10_000).allowed).toBe(true);
    expect(buckets.take("k", limit, 10_000).allowed).toBe(false);
  });

  test("a slow rate answers with a longer Retry-After", () => {
    const buckets = new TokenBuckets();
    const limit = { perSecond: 0.2, burst: 1 };
    expect(buckets.take("k", limit, 0).allowed).toBe(true);
    expect(buckets.take("k", limit, 0)).toEqual({ allowed: false, retryAfterSeconds: 5 });
  });

  test("each key has its own bucket", () => {
    const buckets = new TokenBuckets();
    const limit = { perSecond: 1, burst: 1 };
    expect(buckets.take("a", limit, 0).allowed).toBe(true);
    expect(buckets.take("a", limit, 0).allowed).toBe(false);
    expect(buckets.take("b", limit, 0).allowed).toBe(true);
  });
});

describe("rateLimitFromEnv", () => {
  test("defaults to 50 requests per second with a burst of 100", () => {
    expect(rateLimitFromEnv({})).toEqual(DEFAULT_RATE_LIMIT);
    expect(DEFAULT_RATE_LIMIT).toEqual({ perSecond: 50, burst: 100 });
  });

  test("reads RESONANS_INGEST_RATE_LIMIT and RESONANS_INGEST_RATE_BURST; ignores nonsense", () => {
    expect(rateLimitFromEnv({ RESONANS_INGEST_RATE_LIMIT: "2", RESONANS_INGEST_RATE_BURST: "5" })).toEqual({
      perSecond: 2,
      burst: 5,
    });
    expect(
      rateLimitFromEnv({ RESONANS_INGEST_RATE_LIMIT: "-1", RESONANS_INGEST_RATE_BURST: "many" }),
    ).toEqual(DEFAULT_RATE_LIMIT);
  });
});
