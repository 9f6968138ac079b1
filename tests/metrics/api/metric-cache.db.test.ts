import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";

import { GET } from "@/app/api/v1/metrics/[name]/route";
import { createApiKey } from "@/lib/server/admin/api-keys";
import { useDatabaseForTests } from "@/lib/server/db";
import { ingestEvents } from "@/lib/server/ingest/ingest-events";
import { readDataVersion, recordDataChange } from "@/lib/server/metrics/cache/data-version";
import {
  cachedMetric,
  clearMetricCache,
  METRIC_CACHE_ENTRIES,
  METRIC_CACHE_TTL_MS,
} from "@/lib/server/metrics/cache/metric-cache";
import { refreshContactFacts } from "@/lib/server/metrics/facts/refresh-contact-facts";
import { eraseCustomer } from "@/lib/server/privacy/erase-customer";

import { createWorkspace, createWorkspaceWith } from "../../helpers/fixtures";
import { setupTestDatabase } from "../../helpers/test-database";

import { OPT_OUT_EVENTS } from "./opt-out-events";

const db = setupTestDatabase();
const prisma = () => db.current.prisma;
beforeAll(() => useDatabaseForTests(db.current));
afterAll(() => useDatabaseForTests(undefined));
beforeEach(() => clearMetricCache());

/** A computation that answers how often it has run. */
function counter() {
  let runs = 0;
  return async () => ++runs;
}

describe("cachedMetric", () => {
  test("serves a result again until the workspace's data version moves", async () => {
    const workspaceId = await createWorkspace(prisma());
    const compute = counter();
    expect(await readDataVersion(prisma(), workspaceId)).toBe(0n);
    expect(await cachedMetric(prisma(), workspaceId, "a", compute)).toBe(1);
    expect(await cachedMetric(prisma(), workspaceId, "a", compute)).toBe(1);
    expect(await cachedMetric(prisma(), workspaceId, "b", compute)).toBe(2);
    await recordDataChange(prisma(), workspaceId);
    expect(await readDataVersion(prisma(), workspaceId)).toBe(1n);
    expect(await cachedMetric(prisma(), workspaceId, "a", compute)).toBe(3);
    expect(await cachedMetric(prisma(), workspaceId, "a", compute)).toBe(3);
  });

  test("a change in another workspace leaves this one's results, and the same key there is its own", async () => {
    const one = await createWorkspace(prisma());
    const other = await createWorkspace(prisma());
    const compute = counter();
    expect(await cachedMetric(prisma(), one, "a", compute)).toBe(1);
    expect(await cachedMetric(prisma(), other, "a", compute)).toBe(2);
    await recordDataChange(prisma(), other);
    expect(await cachedMetric(prisma(), one, "a", compute)).toBe(1);
  });

  test("a result older than the time limit is computed again", async () => {
    const workspaceId = await createWorkspace(prisma());
    const compute = counter();
    let clock = 1_000_000;
    const now = () => clock;
    expect(await cachedMetric(prisma(), workspaceId, "a", compute, now)).toBe(1);
    clock += METRIC_CACHE_TTL_MS - 1;
    expect(await cachedMetric(prisma(), workspaceId, "a", compute, now)).toBe(1);
    clock += 1;
    expect(await cachedMetric(prisma(), workspaceId, "a", compute, now)).toBe(2);
  });

  test("equal requests share one computation, also while it runs", async () => {
    const workspaceId = await createWorkspace(prisma());
    let runs = 0;
    const slow = async () => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 200));
      return "done";
    };
    const both = await Promise.all([
      cachedMetric(prisma(), workspaceId, "a", slow),
      cachedMetric(prisma(), workspaceId, "a", slow),
    ]);
    expect(both).toEqual(["done", "done"]);
    expect(runs).toBe(1);
  });

  test("a failed computation is not kept: the next request computes again", async () => {
    const workspaceId = await createWorkspace(prisma());
    await expect(
      cachedMetric(prisma(), workspaceId, "a", async () => {
        throw new Error("database went away");
      }),
    ).rejects.toThrow("database went away");
    expect(await cachedMetric(prisma(), workspaceId, "a", async () => "recovered")).toBe("recovered");
  });

  test(`keeps at most ${METRIC_CACHE_ENTRIES} results, the least recently used leaving first`, async () => {
    const workspaceId = await createWorkspace(prisma());
    const compute = counter();
    expect(await cachedMetric(prisma(), workspaceId, "first", compute)).toBe(1);
    for (let i = 0; i < METRIC_CACHE_ENTRIES - 1; i++) {
      await cachedMetric(prisma(), workspaceId, `fill-${i}`, compute);
    }
    // "first" is used again, so "fill-0" is now the least recently used; one more pushes it out.
    expect(await cachedMetric(prisma(), workspaceId, "first", compute)).toBe(1);
    await cachedMetric(prisma(), workspaceId, "one-more", compute);
    expect(await cachedMetric(prisma(), workspaceId, "first", compute)).toBe(1);
    const before = await compute();
    expect(await cachedMetric(prisma(), workspaceId, "fill-0", compute)).toBe(before + 1);
  });
});

describe("the read API serves cached metrics only while the data is unchanged", () => {
  const WINDOW = { from: "2026-03-02", to: "2026-03-15" };

  async function contacts(key: string): Promise<number> {
    const url = new URL("http://localhost:3000/api/v1/metrics/overview");
    for (const [k, v] of Object.entries(WINDOW)) url.searchParams.append(k, v);
    const response = await GET(new Request(url, { headers: { authorization: `Bearer ${key}` } }), {
      params: Promise.resolve({ name: "overview" }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { contacts: number } };
    return body.result.contacts;
  }

  test("a write outside the recorded paths is not seen; ingestion, refresh and erasure are, at once", async () => {
    // c1 has 3 contacts in the window (opt-out-events.ts).
    const workspaceId = await createWorkspaceWith(prisma(), OPT_OUT_EVENTS);
    const { key } = await createApiKey(prisma(), workspaceId, { name: "read", scopes: ["read", "ingest"] });
    expect(await contacts(key)).toBe(3);

    // Behind the cache's back (no recorded change): the cached answer stands — it is a cache.
    await prisma().$executeRaw`DELETE FROM "ContactFact" WHERE "workspaceId" = ${workspaceId}`;
    expect(await contacts(key)).toBe(3);
    await recordDataChange(prisma(), workspaceId);
    expect(await contacts(key)).toBe(0);

    // Ingestion records its change; the facts' refresh records its own: a fourth contact of c2.
    const ingested = await ingestEvents(prisma(), workspaceId, [
      {
        type: "message_sent",
        customerId: "c2",
        timestamp: "2026-03-04T09:00:00Z",
        channel: "email",
        messageId: "m-c2",
      },
    ]);
    expect(ingested.accepted).toBe(1);
    await refreshContactFacts(prisma(), { workspaceId });
    expect(await contacts(key)).toBe(4);

    // Erasing c1 deletes its 3 contacts.
    await eraseCustomer(prisma(), workspaceId, "c1", "delete", null);
    expect(await contacts(key)).toBe(1);
  });
});
