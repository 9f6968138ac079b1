import { describe, expect, test } from "vitest";

import {
  describeOutcome,
  runRetentionJob,
  selectRetentionWorkspaces,
} from "@/lib/server/retention/retention-job";

import { setupTestDatabase } from "../helpers/test-database";

import { NOW, view, workspaceWithPolicy } from "./retention-fixtures";

const db = setupTestDatabase();

const HOUR_MS = 60 * 60 * 1000;
const OLD_AND_NEW = [view("c1", "2026-01-10T10:00:00Z"), view("c1", "2026-05-10T10:00:00Z")];

/** Four workspaces: never run, ran 2 h ago, ran 25 h ago (all with a policy), and one without. */
async function fourWorkspaces() {
  const prisma = db.current.prisma;
  const never = await workspaceWithPolicy(prisma, "delete", OLD_AND_NEW);
  const recent = await workspaceWithPolicy(prisma, "delete", OLD_AND_NEW);
  const yesterday = await workspaceWithPolicy(prisma, "delete", OLD_AND_NEW);
  const none = await workspaceWithPolicy(prisma, "delete", OLD_AND_NEW, null);
  await prisma.workspace.update({
    where: { id: recent },
    data: { retentionRunAt: new Date(NOW.getTime() - 2 * HOUR_MS) },
  });
  await prisma.workspace.update({
    where: { id: yesterday },
    data: { retentionRunAt: new Date(NOW.getTime() - 25 * HOUR_MS) },
  });
  return { never, recent, yesterday, none };
}

const ids = (workspaces: { id: number }[], among: number[]) =>
  workspaces.map((w) => w.id).filter((id) => among.includes(id));

describe("the retention job's choice of workspaces", () => {
  test("every workspace with a policy; the scheduler only those not run for a day", async () => {
    const w = await fourWorkspaces();
    const mine = Object.values(w);
    expect(ids(await selectRetentionWorkspaces(db.current.prisma, { now: NOW }), mine)).toEqual([
      w.never,
      w.recent,
      w.yesterday,
    ]);
    expect(
      ids(await selectRetentionWorkspaces(db.current.prisma, { now: NOW, dueOnly: true }), mine),
    ).toEqual([w.never, w.yesterday]);
  });

  test("--workspace runs the named workspace only, and says when it has no policy", async () => {
    const w = await fourWorkspaces();
    const recent = await db.current.prisma.workspace.findUniqueOrThrow({ where: { id: w.recent } });
    const none = await db.current.prisma.workspace.findUniqueOrThrow({ where: { id: w.none } });

    const [outcome, ...others] = await runRetentionJob(db.current.prisma, { slug: recent.slug, now: NOW });
    expect(others).toEqual([]);
    expect(describeOutcome(outcome)).toBe(
      `${recent.slug}: 1 events before 2026-03-15T00:00:00.000Z deleted, 1 customers concerned, 0 left without events and removed`,
    );
    // Only the named workspace lost its old event.
    expect(await db.current.prisma.event.count({ where: { workspaceId: w.recent } })).toBe(1);
    expect(await db.current.prisma.event.count({ where: { workspaceId: w.never } })).toBe(2);

    const [noPolicy] = await runRetentionJob(db.current.prisma, { slug: none.slug, now: NOW });
    expect(describeOutcome(noPolicy)).toBe(`${none.slug}: no retention policy, nothing to do`);
    expect(await db.current.prisma.event.count({ where: { workspaceId: w.none } })).toBe(2);

    await expect(selectRetentionWorkspaces(db.current.prisma, { slug: "no-such-workspace" })).rejects.toThrow(
      'No workspace "no-such-workspace".',
    );
  });

  test("the scheduled run applies the policy to due workspaces and leaves the others alone", async () => {
    const w = await fourWorkspaces();
    const outcomes = await runRetentionJob(db.current.prisma, { dueOnly: true, now: NOW });
    const ran = outcomes.filter((o) => Object.values(w).includes(o.workspace.id));
    expect(ran.map((o) => ("result" in o ? [o.workspace.id, o.result?.events] : o.error))).toEqual([
      [w.never, 1],
      [w.yesterday, 1],
    ]);
    const count = (workspaceId: number) => db.current.prisma.event.count({ where: { workspaceId } });
    expect([
      await count(w.never),
      await count(w.recent),
      await count(w.yesterday),
      await count(w.none),
    ]).toEqual([1, 2, 1, 2]);
  });
});
