import "server-only";

/** Requests per second and burst allowed per API key on the ingestion API. */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 50, burst: 100 };

/**
 * `RESONANS_INGEST_RATE_LIMIT` (requests per second, default 50) and
 * `RESONANS_INGEST_RATE_BURST` (default 100), read on every request so tests can change them.
 */
export function rateLimitFromEnv(env: Record<string, string | undefined> = process.env): RateLimit {
  const read = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return {
    perSecond: read("RESONANS_INGEST_RATE_LIMIT", DEFAULT_RATE_LIMIT.perSecond),
    burst: read("RESONANS_INGEST_RATE_BURST", DEFAULT_RATE_LIMIT.burst),
  };
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * An in-memory token bucket per key: `burst` tokens, refilled at `perSecond`; each request
 * takes one. In-memory is per process, which is what a self-hosted single server needs.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  take(key: string, limit: RateLimit, now = Date.now()): RateDecision {
    if (this.buckets.size > 10_000) this.forgetFull(limit, now);
    const bucket = this.buckets.get(key) ?? { tokens: limit.burst, at: now };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSecond)),
    };
  }

  /** Drops buckets that have refilled completely: they behave exactly like new ones. */
  private forgetFull(limit: RateLimit, now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * limit.perSecond >= limit.burst)
        this.buckets.delete(key);
    }
  }
}
