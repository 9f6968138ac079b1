import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { GET } from "@/app/api/v1/metrics/[name]/route";
import type { ApiKeyScope } from "@/lib/generated/prisma/client";
import { createApiKey } from "@/lib/server/admin/api-keys";
import { useDatabaseForTests } from "@/lib/server/db";

import { createWorkspaceWith } from "../../helpers/fixtures";
import { setupTestDatabase } from "../../helpers/test-database";

import { OPT_OUT_EVENTS } from "./opt-out-events";

const db = setupTestDatabase();
beforeAll(() => useDatabaseForTests(db.current));
afterAll(() => useDatabaseForTests(undefined));

async function get(name: string, query: Record<string, string>, key: string | null) {
  const url = new URL(`http://localhost:3000/api/v1/metrics/${name}`);
  for (const [k, v] of Object.entries(query)) url.searchParams.append(k, v);
  const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
  const response = await GET(new Request(url, { headers }), { params: Promise.resolve({ name }) });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are probed field by field
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

/*
 * Workspace in UTC: c1 gets 3 email contacts in 2–15 March 2026 and one on 16 March; c1
 * unsubscribes from email on 10 March, so the send of 12 March is a contact after opt-out.
 */
async function workspaceWithKey(scopes: ApiKeyScope[] = ["read"]) {
  const workspaceId = await createWorkspaceWith(db.current.prisma, OPT_OUT_EVENTS);
  await db.current.prisma.workspace.update({ where: { id: workspaceId }, data: { timeZone: "UTC" } });
  // Fixtures bypass ingestion: the customer row segments select from is written here.
  const seen = new Date("2026-03-02T00:00:00Z");
  await db.current.prisma.customer.create({
    data: { workspaceId, id: "c1", firstSeenAt: seen, lastSeenAt: seen },
  });
  const { key } = await createApiKey(db.current.prisma, workspaceId, { name: "read", scopes });
  return { workspaceId, key };
}

describe("GET /api/v1/metrics/<name>", () => {
  test("answers the metric for dates in the workspace's zone, echoing the resolved window", async () => {
    const { key } = await workspaceWithKey();
    const { status, body } = await get("overview", { from: "2026-03-02", to: "2026-03-15" }, key);
    expect(status).toBe(200);
    expect(body.metric).toBe("overview");
    expect(body.query).toMatchObject({
      from: "2026-03-02T00:00:00.000Z",
      to: "2026-03-16T00:00:00.000Z",
      timeZone: "UTC",
      channel: null,
      comparison: null,
    });
    expect(body.result).toMatchObject({
      contacts: 3,
      contactedCustomers: 1,
      contactsAfterOptOut: { contacts: 1, customers: 1 },
    });
    expect(body.comparison).toBeNull();
  });

  test("dates follow the tz parameter; instants are taken as given", async () => {
    const { key } = await workspaceWithKey();
    const zoned = await get(
      "overview",
      { from: "2026-03-02", to: "2026-03-15", tz: "Europe/Copenhagen" },
      key,
    );
    expect(zoned.body.query).toMatchObject({
      from: "2026-03-01T23:00:00.000Z",
      to: "2026-03-15T23:00:00.000Z",
    });
    const instants = await get(
      "overview",
      { from: "2026-03-05T12:00:00Z", to: "2026-03-16T00:00:00.001Z" },
      key,
    );
    expect(instants.body.result.contacts).toBe(3); // 5 Mar 12:00, 12 Mar, 16 Mar 00:00
  });

  test("a comparison window is computed in the same call", async () => {
    const { key } = await workspaceWithKey();
    const { body } = await get(
      "overview",
      { from: "2026-03-09", to: "2026-03-15", compare: "previous" },
      key,
    );
    expect(body.query.comparison).toEqual({
      from: "2026-03-02T00:00:00.000Z",
      to: "2026-03-09T00:00:00.000Z",
    });
    expect(body.result.contacts).toBe(1);
    expect(body.comparison.contacts).toBe(2);
  });

  test("a segment narrows the customers", async () => {
    const { key } = await workspaceWithKey();
    const segment = JSON.stringify({ field: "trait", key: "country", op: "eq", value: "DK" });
    const { status, body } = await get("overview", { from: "2026-03-02", to: "2026-03-15", segment }, key);
    expect(status).toBe(200);
    expect(body.result.contacts).toBe(0);
  });

  test.each([
    [{ from: "2026-02-30" }, "from: not a date (YYYY-MM-DD) or an ISO 8601 instant with offset"],
    [{ from: "2026-03-10", to: "2026-03-01" }, "from: must be before to"],
    [{ tz: "Mars/Olympus" }, "tz: not an IANA time zone"],
    [{ channel: "fax" }, "channel:"],
    [{ segment: "{not json" }, "segment: not valid JSON"],
    [{ segment: JSON.stringify({ field: "nope" }) }, "segment:"],
    [{ from: "2020-01-01", to: "2026-01-01" }, "to: the window may span at most"],
    [{ colour: "red" }, "unknown parameter(s) colour"],
  ])("rejects %j with 400 and a precise message", async (query, message) => {
    const { key } = await workspaceWithKey();
    const { status, body } = await get("overview", query, key);
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_input");
    expect(body.error.message).toContain(message);
  });

  test("an unknown metric is a 404 naming the metrics there are", async () => {
    const { key } = await workspaceWithKey();
    const { status, body } = await get("happiness", {}, key);
    expect(status).toBe(404);
    expect(body.error.message).toContain("overview");
  });

  test("400 without credentials or workspace, 401 for an unknown key, 403 for a key without the read scope, 403 for a key without the read scope", async () => {
    const { key } = await workspaceWithKey(["ingest"]);
    expect((await get("overview", {}, null)).status).toBe(400); // no key and no workspace named
    expect((await get("overview", {}, "rsn_wrong")).status).toBe(401);
    expect((await get("overview", {}, key)).status).toBe(403);
  });

  test("a saved segment is found by id; another workspace's is not", async () => {
    const { workspaceId, key } = await workspaceWithKey();
    const other = await workspaceWithKey();
    const definition = { field: "contacted", op: "is", value: true };
    const mine = await db.current.prisma.segment.create({
      data: { workspaceId, name: "Contacted", definition, shared: true },
    });
    const theirs = await db.current.prisma.segment.create({
      data: { workspaceId: other.workspaceId, name: "Theirs", definition, shared: true },
    });
    const found = await get(
      "overview",
      { from: "2026-03-02", to: "2026-03-15", segmentId: String(mine.id) },
      key,
    );
    expect(found.status).toBe(200);
    expect(found.body.query.segment).toEqual(definition);
    expect(found.body.result.contacts).toBe(3);
    const foreign = await get("overview", { segmentId: String(theirs.id) }, key);
    expect(foreign.status).toBe(404);
  });
});
