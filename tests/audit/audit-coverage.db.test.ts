import { describe, expect, test } from "vitest";
import { ZodError } from "zod";

import { removeMember, setRole } from "@/lib/server/admin/users";
import { createWorkspace, updateWorkspaceSettings } from "@/lib/server/admin/workspaces";
import { recordChartExport } from "@/lib/server/audit/record-chart-export";

import { expectAppError, rejectionOf } from "../helpers/errors";
import { createWorkspace as createFixtureWorkspace } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-database";

const db = setupTestDatabase();
const prisma = () => db.current.prisma;

let count = 0;
async function user(name = "Member") {
  count += 1;
  return prisma().user.create({ data: { email: `coverage-${count}@example.com`, name } });
}

/** The workspace's audit entries, oldest first, as the fields a test compares. */
async function entries(workspaceId: number) {
  const rows = await prisma().auditLog.findMany({ where: { workspaceId }, orderBy: { id: "asc" } });
  return rows.map(({ action, userId, targetType, targetId, details }) => ({
    action,
    userId,
    targetType,
    targetId,
    details,
  }));
}

describe("membership changes are recorded with the change", () => {
  test("adding, changing the role and removing write membership.add, .role_change (old and new) and .remove", async () => {
    const workspaceId = await createFixtureWorkspace(prisma());
    const admin = await user("Admin");
    const ada = await user("Ada");

    await setRole(prisma(), workspaceId, ada.email, "analyst", admin.id);
    await setRole(prisma(), workspaceId, ada.email, "manager", admin.id);
    await setRole(prisma(), workspaceId, ada.email, "manager", admin.id); // the role she has: no change
    await removeMember(prisma(), workspaceId, ada.email, admin.id);

    expect(await entries(workspaceId)).toEqual([
      {
        action: "membership.add",
        userId: admin.id,
        targetType: "user",
        targetId: ada.id,
        details: { email: ada.email, role: "analyst" },
      },
      {
        action: "membership.role_change",
        userId: admin.id,
        targetType: "user",
        targetId: ada.id,
        details: { email: ada.email, from: "analyst", to: "manager" },
      },
      {
        action: "membership.remove",
        userId: admin.id,
        targetType: "user",
        targetId: ada.id,
        details: { email: ada.email, role: "manager" },
      },
    ]);
    expect(await prisma().membership.count({ where: { workspaceId } })).toBe(0);
  });

  test("a failed change records nothing: unknown e-mail, unknown role, removing a non-member", async () => {
    const workspaceId = await createFixtureWorkspace(prisma());
    const outsider = await user();
    await expectAppError(setRole(prisma(), workspaceId, "nobody@example.com", "admin"), "not_found");
    expect(
      await rejectionOf(setRole(prisma(), workspaceId, outsider.email, "owner" as never)),
    ).toBeInstanceOf(ZodError);
    await expectAppError(removeMember(prisma(), workspaceId, outsider.email), "not_found");
    expect(await entries(workspaceId)).toEqual([]);
  });
});

describe("workspace settings changes are recorded with the change", () => {
  test("settings.change holds each changed field's old and new value; unchanged fields are left out", async () => {
    const workspace = await createWorkspace(prisma(), { name: "Nordlys", slug: "coverage-nordlys" });
    const admin = await user("Admin");
    const updated = await updateWorkspaceSettings(
      prisma(),
      workspace.id,
      { frequencyCap: 4, timeZone: "Europe/Oslo", currency: "EUR" }, // EUR is the stored currency
      admin.id,
    );
    expect(updated).toMatchObject({ frequencyCap: 4, timeZone: "Europe/Oslo", currency: "EUR" });
    expect(await entries(workspace.id)).toEqual([
      {
        action: "workspace.create",
        userId: null,
        targetType: "workspace",
        targetId: "coverage-nordlys",
        details: {
          name: "Nordlys",
          slug: "coverage-nordlys",
          timeZone: "Europe/Copenhagen",
          currency: "EUR",
          defaultLocale: "en",
          frequencyCap: 3,
        },
      },
      {
        action: "settings.change",
        userId: admin.id,
        targetType: "workspace",
        targetId: "coverage-nordlys",
        details: {
          changes: {
            frequencyCap: { from: 3, to: 4 },
            timeZone: { from: "Europe/Copenhagen", to: "Europe/Oslo" },
          },
        },
      },
    ]);
  });

  test("saving the values in force, or invalid values, changes and records nothing", async () => {
    const workspace = await createWorkspace(prisma(), { name: "Fjord", slug: "coverage-fjord" });
    await updateWorkspaceSettings(prisma(), workspace.id, { name: "Fjord", frequencyCap: 3 });
    expect(
      await rejectionOf(
        updateWorkspaceSettings(prisma(), workspace.id, { frequencyCap: -1, name: "Renamed" }),
      ),
    ).toBeInstanceOf(ZodError);
    expect((await entries(workspace.id)).map((entry) => entry.action)).toEqual(["workspace.create"]);
    expect(await prisma().workspace.findUniqueOrThrow({ where: { id: workspace.id } })).toMatchObject({
      name: "Fjord",
      frequencyCap: 3,
    });
  });
});

describe("chart CSV exports are recorded", () => {
  test("export.csv names the tile, its rows and its filters, and who exported it", async () => {
    const workspaceId = await createFixtureWorkspace(prisma());
    const workspace = await prisma().workspace.findUniqueOrThrow({ where: { id: workspaceId } });
    const analyst = await user("Analyst");
    await recordChartExport(
      prisma(),
      { workspace, user: { id: analyst.id, email: analyst.email, name: analyst.name } },
      {
        tile: "frequency-distribution",
        rows: 6,
        filters: { from: "2026-03-02", channel: "email", segmentId: null },
      },
    );
    expect(await entries(workspaceId)).toEqual([
      {
        action: "export.csv",
        userId: analyst.id,
        targetType: "tile",
        targetId: "frequency-distribution",
        details: { rows: 6, filters: { from: "2026-03-02", channel: "email", segmentId: null } },
      },
    ]);
  });

  test("a malformed report (tile name with a slash, too many filters) is refused and not recorded", async () => {
    const workspaceId = await createFixtureWorkspace(prisma());
    const workspace = await prisma().workspace.findUniqueOrThrow({ where: { id: workspaceId } });
    const access = { workspace, user: null };
    const tooMany = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`f${i}`, i]));
    expect(await rejectionOf(recordChartExport(prisma(), access, { tile: "../x", rows: 1 }))).toBeInstanceOf(
      ZodError,
    );
    expect(
      await rejectionOf(recordChartExport(prisma(), access, { tile: "ok", rows: 1, filters: tooMany })),
    ).toBeInstanceOf(ZodError);
    expect(await entries(workspaceId)).toEqual([]);
  });
});
