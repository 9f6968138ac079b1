import { describe, expect, test } from "vitest";

import { retentionPolicyInput } from "@/lib/schemas/retention";
import { updateRetentionPolicy } from "@/lib/server/retention/retention-policy";

import { createWorkspace } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-database";

const db = setupTestDatabase();

async function admin(): Promise<string> {
  const user = await db.current.prisma.user.create({
    data: { email: `retention-admin-${Date.now().toString(36)}-${Math.random()}@example.com` },
  });
  return user.id;
}

const settingsEntries = (workspaceId: number) =>
  db.current.prisma.auditLog.findMany({
    where: { workspaceId, action: "settings.retention" },
    orderBy: { id: "asc" },
  });

describe("the retention policy input", () => {
  test("accepts 1 to 120 whole months, or null for keeping events forever", () => {
    for (const months of [1, 6, 120, null]) {
      expect(retentionPolicyInput.parse({ months, mode: "delete" })).toEqual({ months, mode: "delete" });
    }
    expect(retentionPolicyInput.parse({ months: 24, mode: "anonymise" }).mode).toBe("anonymise");
  });

  test.each([
    [{ months: 0, mode: "delete" }, "months: at least 1 month"],
    [{ months: 121, mode: "delete" }, "months: at most 120 months"],
    [{ months: 1.5, mode: "delete" }, "months: must be a whole number of months"],
    [{ months: "3", mode: "delete" }, "months: must be a whole number of months"],
    [{ months: 3, mode: "archive" }, "mode: must be delete or anonymise"],
    [{ mode: "delete" }, "months: must be a whole number of months"],
  ])("refuses %j with a reason", (input, reason) => {
    const parsed = retentionPolicyInput.safeParse(input);
    expect(parsed.success).toBe(false);
    const issue = parsed.error!.issues[0];
    expect(`${issue.path.join(".")}: ${issue.message}`).toBe(reason);
  });
});

describe("updateRetentionPolicy", () => {
  test("saves the policy and records the old and new values in the audit log", async () => {
    const workspaceId = await createWorkspace(db.current.prisma);
    const userId = await admin();
    expect(
      await updateRetentionPolicy(db.current.prisma, workspaceId, { months: 24, mode: "anonymise" }, userId),
    ).toEqual({ changed: true });
    await updateRetentionPolicy(db.current.prisma, workspaceId, { months: null, mode: "delete" }, userId);

    const workspace = await db.current.prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
    expect(workspace).toMatchObject({ retentionMonths: null, retentionMode: "delete" });
    const entries = await settingsEntries(workspaceId);
    expect(entries.map((e) => [e.userId, e.targetType, e.targetId, e.details])).toEqual([
      [
        userId,
        "workspace",
        String(workspaceId),
        { before: { months: null, mode: "delete" }, after: { months: 24, mode: "anonymise" } },
      ],
      [
        userId,
        "workspace",
        String(workspaceId),
        { before: { months: 24, mode: "anonymise" }, after: { months: null, mode: "delete" } },
      ],
    ]);
  });

  test("saving the policy in force changes nothing and is not recorded", async () => {
    const workspaceId = await createWorkspace(db.current.prisma);
    await updateRetentionPolicy(db.current.prisma, workspaceId, { months: 6, mode: "delete" }, null);
    expect(
      await updateRetentionPolicy(db.current.prisma, workspaceId, { months: 6, mode: "delete" }, null),
    ).toEqual({
      changed: false,
    });
    expect(await settingsEntries(workspaceId)).toHaveLength(1);
  });

  test("changes only its own workspace", async () => {
    const mine = await createWorkspace(db.current.prisma);
    const other = await createWorkspace(db.current.prisma);
    await updateRetentionPolicy(db.current.prisma, mine, { months: 6, mode: "anonymise" }, null);
    const untouched = await db.current.prisma.workspace.findUniqueOrThrow({ where: { id: other } });
    expect(untouched).toMatchObject({ retentionMonths: null, retentionMode: "delete" });
    expect(await settingsEntries(other)).toHaveLength(0);
  });
});
