import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { GET as getCustomers } from "@/app/api/v1/metrics/[name]/customers/route";
import { GET } from "@/app/api/v1/metrics/[name]/route";
import type { Role } from "@/lib/auth/permissions";
import { METRIC_NAMES } from "@/lib/metrics/catalogue";
import { createApiKey } from "@/lib/server/admin/api-keys";
import { useDatabaseForTests } from "@/lib/server/db";
import { metricEndpoint } from "@/lib/server/metrics/api/metric-handler";
import { CUSTOMER_LISTS } from "@/lib/server/metrics/api/metric-registry";

import { createWorkspaceWith } from "../../helpers/fixtures";
import { setupTestDatabase } from "../../helpers/test-database";

import { OPT_OUT_EVENTS } from "./opt-out-events";

const db = setupTestDatabase();
beforeAll(() => useDatabaseForTests(db.current));
afterAll(() => useDatabaseForTests(undefined));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are probed field by field
type Body = Record<string, any>;
type Handler = typeof GET;

async function call(
  handler: Handler,
  path: string,
  name: string,
  query: Record<string, string>,
  key: string | null,
) {
  const url = new URL(`http://localhost:3000/api/v1/metrics/${path}`);
  for (const [k, v] of Object.entries(query)) url.searchParams.append(k, v);
  const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
  const response = await handler(new Request(url, { headers }), { params: Promise.resolve({ name }) });
  return { status: response.status, body: (await response.json()) as Body };
}

const get = (name: string, query: Record<string, string>, key: string) => call(GET, name, name, query, key);

/*
 * Workspace in UTC, window 2–15 March 2026 (two weeks): c1 gets 3 email contacts in it and one
 * on 16 March, and unsubscribes from email on 10 March — the send of 12 March is a contact
 * after opt-out, 2 days 8 hours after it.
 */
const WINDOW = { from: "2026-03-02", to: "2026-03-15" };

async function workspace() {
  const workspaceId = await createWorkspaceWith(db.current.prisma, OPT_OUT_EVENTS);
  const record = await db.current.prisma.workspace.update({
    where: { id: workspaceId },
    data: { timeZone: "UTC" },
  });
  const seen = new Date("2026-03-02T00:00:00Z");
  await db.current.prisma.customer.create({
    data: { workspaceId, id: "c1", firstSeenAt: seen, lastSeenAt: seen },
  });
  const { key } = await createApiKey(db.current.prisma, workspaceId, { name: "read", scopes: ["read"] });
  return { workspace: record, key };
}

describe("every metric of the catalogue", () => {
  test("answers 200 with its result and the resolved window", async () => {
    const { key } = await workspace();
    for (const name of METRIC_NAMES) {
      const { status, body } = await get(name, WINDOW, key);
      expect(status, `${name}: ${JSON.stringify(body)}`).toBe(200);
      expect(body.metric).toBe(name);
      expect(body.result, name).not.toBeNull();
      expect(body.query.from).toBe("2026-03-02T00:00:00.000Z");
    }
  });

  test("the numbers are the metric functions' own", async () => {
    const { key } = await workspace();
    expect((await get("frequency", WINDOW, key)).body.result.total).toMatchObject({
      contacts: 3,
      contactedCustomers: 1,
      medianPerWeek: 1.5,
    });
    expect((await get("optout", WINDOW, key)).body.result).toMatchObject({ contacts: 1, customers: 1 });
  });

  test("metric parameters: a frequency cap overrides the workspace's", async () => {
    const { key } = await workspace();
    // 3 contacts in 2 weeks: 1.5 a week, above a cap of 1, not above the default 3.
    expect((await get("over-contacted", WINDOW, key)).body.result.overContactedCustomers).toBe(0);
    const capped = await get("over-contacted", { ...WINDOW, frequencyCap: "1" }, key);
    expect(capped.body.result).toMatchObject({ cap: 1, overContactedCustomers: 1 });
    const invalid = await get("over-contacted", { ...WINDOW, frequencyCap: "-1" }, key);
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toMatch(/^frequencyCap: /);
  });

  test("funnel steps come as JSON; bad steps are named", async () => {
    const { key } = await workspace();
    const steps = JSON.stringify([{ type: "message_sent" }, { type: "unsubscribed" }]);
    const { status, body } = await get("funnel", { ...WINDOW, steps, conversionWindowDays: "7" }, key);
    expect(status).toBe(200);
    // Entered 2 March; the unsubscribe of 10 March is 8 days later, outside a 7-day window.
    expect(body.result.conversionWindowDays).toBe(7);
    expect(body.result.steps.map((s: Body) => s.customers)).toEqual([1, 0]);
    const wider = await get("funnel", { ...WINDOW, steps, conversionWindowDays: "14" }, key);
    expect(wider.body.result.steps.map((s: Body) => s.customers)).toEqual([1, 1]);
    const defaults = await get("funnel", WINDOW, key);
    expect(defaults.body.result.steps.map((s: Body) => s.definition.type)).toEqual([
      "message_sent",
      "message_clicked",
      "purchased",
    ]);
    const one = await get("funnel", { steps: JSON.stringify([{ type: "message_sent" }]) }, key);
    expect(one.status).toBe(400);
    expect(one.body.error.message).toMatch(/^steps: /);
    expect((await get("funnel", { steps: "[{" }, key)).body.error.message).toBe("steps: not valid JSON");
  });

  test("paths: an end anchor needs an event; types are a comma-separated list", async () => {
    const { key } = await workspace();
    const noEvent = await get("paths", { anchor: "end" }, key);
    expect(noEvent.status).toBe(400);
    expect(noEvent.body.error.message).toBe("event: an end-anchored path needs an end event");
    const badType = await get("paths", { types: "message_sent,nope" }, key);
    expect(badType.status).toBe(400);
    expect(badType.body.error.message).toMatch(/^types/);
    const ended = await get(
      "paths",
      { ...WINDOW, anchor: "end", event: JSON.stringify({ type: "unsubscribed" }), depth: "2" },
      key,
    );
    expect(ended.status).toBe(200);
    expect(ended.body.result).toMatchObject({ anchor: "end", depth: 2, customers: 1 });
  });
});

describe("GET /api/v1/metrics/<name>/customers", () => {
  async function asRole(role: Role, name: string, query: Record<string, string>) {
    const { workspace: record } = await workspace();
    const handler = metricEndpoint(CUSTOMER_LISTS, "customer list");
    const url = new URL(`http://localhost:3000/api/v1/metrics/${name}/customers`);
    for (const [k, v] of Object.entries(query)) url.searchParams.append(k, v);
    // What the guard hands the handler for a member of this role.
    const access = { user: null, workspace: record, role };
    const response = await handler(new Request(url), access, { params: Promise.resolve({ name }) });
    return { status: response.status, body: (await response.json()) as Body };
  }

  test("an API key's read scope does not reach customer-level data", async () => {
    const { key } = await workspace();
    const { status } = await call(getCustomers, "optout/customers", "optout", WINDOW, key);
    expect(status).toBe(403);
  });

  test("lists one page of the customers a metric counts, with the total", async () => {
    const { status, body } = await asRole("analyst", "optout", { ...WINDOW, limit: "10" });
    expect(status).toBe(200);
    expect(body.result.total).toBe(1);
    expect(body.result.rows).toEqual([
      expect.objectContaining({
        customerId: "c1",
        sentAt: "2026-03-12T08:00:00.000Z",
        optedOutAt: "2026-03-10T00:00:00.000Z",
        delayDays: expect.closeTo(2 + 8 / 24, 9),
      }),
    ]);
  });

  test("paging, the lifecycle check and the relevance band are validated", async () => {
    // The handler throws; the guard around it answers 400 or 404 (tests/auth).
    await expect(asRole("analyst", "silent", { limit: "501" })).rejects.toThrow(/^limit: /);
    await expect(asRole("analyst", "lifecycle", {})).rejects.toThrow(/^check: /);
    const listed = await asRole("analyst", "lifecycle", { ...WINDOW, check: "not-welcomed" });
    expect(listed.status).toBe(200);
    expect(listed.body.result).toHaveProperty("total");
    await expect(asRole("analyst", "relevance", { band: "5-15" })).rejects.toThrow(/^band: /);
    const banded = await asRole("analyst", "relevance", { ...WINDOW, band: "none" });
    expect(banded.status).toBe(200);
    expect(banded.body.result).toHaveProperty("total");
    await expect(asRole("analyst", "nope", {})).rejects.toThrow(/^No customer list "nope"/);
  });
});
