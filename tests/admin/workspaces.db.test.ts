import { describe, expect, test } from "vitest";
import { ZodError } from "zod";

import { createWorkspace, getWorkspaceBySlugOrThrow } from "@/lib/server/admin/workspaces";

import { expectAppError, rejectionOf } from "../helpers/errors";
import { setupTestDatabase } from "../helpers/test-database";

const db = setupTestDatabase();

/** The zod issue messages of a rejected call, keyed by field. */
async function zodIssues(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(ZodError);
  return Object.fromEntries((error as ZodError).issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("createWorkspace", () => {
  test("stores a valid workspace with the defaults filled in", async () => {
    const workspace = await createWorkspace(db.current.prisma, { name: "  Nordlys  ", slug: "nordlys" });
    expect(workspace).toMatchObject({
      name: "Nordlys",
      slug: "nordlys",
      timeZone: "Europe/Copenhagen",
      currency: "EUR",
      defaultLocale: "en",
      frequencyCap: 3,
    });
    expect(await getWorkspaceBySlugOrThrow(db.current.prisma, "nordlys")).toEqual(workspace);
  });

  test("keeps the time zone, currency and locale it is given", async () => {
    const workspace = await createWorkspace(db.current.prisma, {
      name: "Fjord",
      slug: "fjord-2",
      timeZone: "Europe/Oslo",
      currency: "NOK",
      defaultLocale: "nb",
    });
    expect(workspace).toMatchObject({ timeZone: "Europe/Oslo", currency: "NOK", defaultLocale: "nb" });
  });

  test.each([
    ["upper-case letters", "Nordlys"],
    ["a space", "nord lys"],
    ["a leading dash", "-nordlys"],
    ["a trailing dash", "nordlys-"],
    ["an underscore", "nord_lys"],
    ["49 characters", "a".repeat(49)],
    ["nothing", ""],
  ])("rejects a slug with %s", async (_, slug) => {
    const issues = await zodIssues(createWorkspace(db.current.prisma, { name: "Bad", slug }));
    expect(issues).toEqual({ slug: "lower-case letters, digits and dashes, 1–48 characters" });
  });

  test.each(["Mars/Olympus", "CET+1", "Copenhagen"])("rejects the time zone %j", async (timeZone) => {
    const issues = await zodIssues(
      createWorkspace(db.current.prisma, { name: "Bad", slug: "bad-zone", timeZone }),
    );
    expect(issues).toEqual({ timeZone: "must be an IANA time zone such as Europe/Copenhagen" });
  });

  test.each(["USD", "dkk", "GBP"])("rejects the currency %j (only DKK, NOK, SEK, EUR)", async (currency) => {
    const error = await rejectionOf(
      // @ts-expect-error: a currency outside the allowed list, as untyped input would bring it
      createWorkspace(db.current.prisma, { name: "Bad", slug: "bad-currency", currency }),
    );
    expect(error).toBeInstanceOf(ZodError);
    const [issue] = (error as ZodError).issues;
    expect(issue.path).toEqual(["currency"]);
    expect(issue.message).toMatch(/DKK.*NOK.*SEK.*EUR/);
  });

  test("nothing is stored when validation fails", async () => {
    await rejectionOf(
      createWorkspace(db.current.prisma, { name: "Bad", slug: "mars", timeZone: "Mars/Olympus" }),
    );
    expect(await db.current.prisma.workspace.findUnique({ where: { slug: "mars" } })).toBeNull();
  });

  test("refuses a duplicate slug with a conflict, also when it differs only by surrounding spaces", async () => {
    await createWorkspace(db.current.prisma, { name: "First", slug: "taken" });
    const error = await expectAppError(
      createWorkspace(db.current.prisma, { name: "Second", slug: "taken" }),
      "conflict",
    );
    expect(error.status).toBe(409);
    expect(error.message).toBe('A workspace with slug "taken" already exists.');
    await expectAppError(createWorkspace(db.current.prisma, { name: "Third", slug: " taken " }), "conflict");
    const stored = await db.current.prisma.workspace.findMany({ where: { slug: "taken" } });
    expect(stored.map((workspace) => workspace.name)).toEqual(["First"]);
  });
});

describe("getWorkspaceBySlugOrThrow", () => {
  test("an unknown slug is not_found", async () => {
    await expectAppError(getWorkspaceBySlugOrThrow(db.current.prisma, "no-such-workspace"), "not_found");
  });
});
