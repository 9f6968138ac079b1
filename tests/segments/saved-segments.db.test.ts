import { describe, expect, test } from "vitest";

import type { SegmentFilter } from "@/lib/metrics/segment";
import {
  createSegment,
  deleteSegment,
  listSegments,
  updateSegment,
} from "@/lib/server/segments/saved-segments";

import { expectAppError } from "../helpers/errors";
import { createWorkspace } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-database";

const db = setupTestDatabase();
const contacted: SegmentFilter = { field: "contacted", op: "is", value: true };

async function setup() {
  const prisma = db.current.prisma;
  const workspaceId = await createWorkspace(prisma, "Segments");
  const [ann, bo] = await Promise.all(
    ["ann", "bo"].map((name) =>
      prisma.user.create({ data: { email: `${name}-${workspaceId}@example.test`, name } }),
    ),
  );
  const as = (userId: string, isAdmin = false) => ({ workspaceId, userId, isAdmin });
  return { prisma, workspaceId, ann: as(ann.id), bo: as(bo.id), boAdmin: as(bo.id, true) };
}

describe("saved segments", () => {
  test("a private segment is listed for its owner only; a shared one for everyone", async () => {
    const { prisma, ann, bo } = await setup();
    await createSegment(prisma, ann, { name: "Mine", definition: contacted, shared: false });
    await createSegment(prisma, ann, { name: "Ours", definition: contacted, shared: true });
    expect((await listSegments(prisma, ann)).map((s) => s.name)).toEqual(["Mine", "Ours"]);
    const seenByBo = await listSegments(prisma, bo);
    expect(seenByBo.map((s) => [s.name, s.ownerName, s.definition])).toEqual([["Ours", "ann", contacted]]);
  });

  test("only the owner changes or deletes a segment; an admin may for a shared one", async () => {
    const { prisma, ann, bo, boAdmin } = await setup();
    const shared = await createSegment(prisma, ann, { name: "Ours", definition: contacted, shared: true });
    const mine = await createSegment(prisma, ann, { name: "Mine", definition: contacted, shared: false });
    await expectAppError(
      updateSegment(prisma, bo, { id: shared.id, name: "Taken", definition: contacted, shared: true }),
      "forbidden",
    );
    await expectAppError(deleteSegment(prisma, bo, shared.id), "forbidden");
    // A private segment of someone else does not exist as far as others can tell, admins included.
    await expectAppError(deleteSegment(prisma, boAdmin, mine.id), "not_found");
    await updateSegment(prisma, boAdmin, {
      id: shared.id,
      name: "Renamed",
      definition: contacted,
      shared: true,
    });
    await updateSegment(prisma, ann, {
      id: mine.id,
      name: "Mine",
      definition: { not: contacted },
      shared: false,
    });
    expect((await listSegments(prisma, ann)).map((s) => [s.name, s.definition])).toEqual([
      ["Mine", { not: contacted }],
      ["Renamed", contacted],
    ]);
    await deleteSegment(prisma, ann, mine.id);
    expect((await listSegments(prisma, ann)).map((s) => s.name)).toEqual(["Renamed"]);
  });

  test("another workspace's segments are invisible and untouchable", async () => {
    const { prisma, ann } = await setup();
    const other = await setup();
    const theirs = await createSegment(prisma, other.ann, {
      name: "Theirs",
      definition: contacted,
      shared: true,
    });
    expect(await listSegments(prisma, ann)).toEqual([]);
    await expectAppError(deleteSegment(prisma, { ...ann, isAdmin: true }, theirs.id), "not_found");
  });
});
