import { NextResponse } from "next/server";

import type { IngestResponse } from "@/lib/schemas/ingest-response";
import { withAuth } from "@/lib/server/auth/guard";
import { getPrisma } from "@/lib/server/db";
import { AppError, errorBody } from "@/lib/server/errors";
import { ingestEvents } from "@/lib/server/ingest/ingest-events";
import { rateLimitFromEnv, TokenBuckets } from "@/lib/server/ingest/rate-limit";
import { readIngestBody } from "@/lib/server/ingest/read-body";

const buckets = new TokenBuckets();

// POST /api/v1/events — ingest a batch of events (JSON or NDJSON) with a workspace API key
export const POST = withAuth(
  async (request, access) => {
    const decision = buckets.take(access.apiKeyId ?? `workspace:${access.workspace.id}`, rateLimitFromEnv());
    if (!decision.allowed) {
      const seconds = decision.retryAfterSeconds;
      const { status, body } = errorBody(
        new AppError("rate_limited", `Too many requests for this API key; retry in ${seconds} s.`),
      );
      return NextResponse.json(body, { status, headers: { "Retry-After": String(seconds) } });
    }
    const events = await readIngestBody(request);
    const { accepted, duplicates, rejected } = await ingestEvents(
      await getPrisma(),
      access.workspace.id,
      events,
    );
    return NextResponse.json<IngestResponse>({ accepted, duplicates, rejected });
  },
  { permission: "ingestEvents", requireApiKey: true },
);
