import { describe, expect, test } from "vitest";
import { ZodError } from "zod";

import type { Role } from "@/lib/auth/permissions";
import { setRole, upsertUser } from "@/lib/server/admin/users";
import { verifyPassword } from "@/lib/server/auth/password";

import { expectAppError, rejectionOf } from "../helpers/errors";
import { createWorkspace } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-database";

const db = setupTestDatabase();

describe("upsertUser", () => {
  test("stores a lower-cased e-mail and a scrypt hash that verifies the password, never the password", async () => {
    const user = await upsertUser(db.current.prisma, {
      email: "  Ada.Lovelace@Example.COM ",
      name: "Ada",
      password: "analytical engine",
    });
    expect(user.email).toBe("ada.lovelace@example.com");
    expect(user.name).toBe("Ada");
    expect(user.passwordHash?.startsWith("scrypt$")).toBe(true);
    expect(await verifyPassword("analytical engine", user.passwordHash ?? "")).toBe(true);

    const [row] = await db.current.sql.query(`SELECT * FROM "User" WHERE "id" = $1`, [user.id]);
    expect(JSON.stringify(row)).not.toContain("analytical engine");
  });

  test("updates the password of an existing user, found by e-mail in any case", async () => {
    const first = await upsertUser(db.current.prisma, {
      email: "grace@example.com",
      name: "Grace",
      password: "first password",
    });
    const second = await upsertUser(db.current.prisma, {
      email: "GRACE@example.com",
      password: "second password",
    });
    expect(second.id).toBe(first.id);
    expect(second.name).toBe("Grace"); // no new name given: the old one stays
    expect(await verifyPassword("second password", second.passwordHash ?? "")).toBe(true);
    expect(await verifyPassword("first password", second.passwordHash ?? "")).toBe(false);
    expect(await db.current.prisma.user.count({ where: { email: "grace@example.com" } })).toBe(1);
  });

  test.each([
    ["a password under 10 characters", { email: "short@example.com", password: "123456789" }],
    ["an address that is not an e-mail", { email: "not-an-email", password: "long enough password" }],
  ])("rejects %s and stores nothing", async (_, input) => {
    expect(await rejectionOf(upsertUser(db.current.prisma, input))).toBeInstanceOf(ZodError);
    expect(await db.current.prisma.user.count({ where: { email: input.email } })).toBe(0);
  });
});

describe("setRole", () => {
  test("adds a membership, then changes its role instead of adding another", async () => {
    const workspaceId = await createWorkspace(db.current.prisma);
    const user = await db.current.prisma.user.create({ data: { email: "linus@example.com" } });

    const added = await setRole(db.current.prisma, workspaceId, " Linus@Example.com", "analyst");
    expect(added).toMatchObject({ workspaceId, userId: user.id, role: "analyst" });

    const updated = await setRole(db.current.prisma, workspaceId, "linus@example.com", "executive");
    expect(updated).toMatchObject({ workspaceId, userId: user.id, role: "executive" });
    const memberships = await db.current.prisma.membership.findMany({ where: { userId: user.id } });
    expect(memberships.map((membership) => membership.role)).toEqual(["executive"]);
  });

  test("an unknown e-mail is not_found", async () => {
    const workspaceId = await createWorkspace(db.current.prisma);
    const error = await expectAppError(
      setRole(db.current.prisma, workspaceId, "nobody@example.com", "admin"),
      "not_found",
    );
    expect(error.status).toBe(404);
  });

  test("rejects a role that does not exist and changes nothing", async () => {
    const workspaceId = await createWorkspace(db.current.prisma);
    await db.current.prisma.user.create({ data: { email: "margaret@example.com" } });
    const error = await rejectionOf(
      setRole(db.current.prisma, workspaceId, "margaret@example.com", "owner" as Role),
    );
    expect(error).toBeInstanceOf(ZodError);
    expect(await db.current.prisma.membership.count({ where: { workspaceId } })).toBe(0);
  });
});
