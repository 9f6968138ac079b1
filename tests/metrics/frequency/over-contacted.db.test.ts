import { describe, expect, test } from "vitest";

import { getOverContacted } from "@/lib/server/metrics/frequency/get-over-contacted";

import { createWorkspaceWith } from "../../helpers/fixtures";
import { reportWindow } from "../../helpers/report-window";
import { setupTestDatabase } from "../../helpers/test-database";

import { sends } from "./fixture-helpers";

const db = setupTestDatabase();

// 2-week window: o1 6 → 3.0 a week; o2 5 email + 2 sms = 7 → 3.5; o3 1 → 0.5
const events = [...sends("o1", 6), ...sends("o2", 5), ...sends("o2", 2, "sms", 1), ...sends("o3", 1)];

describe("getOverContacted", () => {
  test("over the default cap of 3 means more than 3.0 a week: exactly 3.0 is not over", async () => {
    const workspaceId = await createWorkspaceWith(db.current.prisma, events);
    expect(await getOverContacted(db.current.prisma, reportWindow(workspaceId))).toEqual({
      weeks: 2,
      cap: 3,
      contactedCustomers: 3,
      overContactedCustomers: 1, // o2
      share: 1 / 3,
    });
  });

  test("uses the workspace's cap when given", async () => {
    const workspaceId = await createWorkspaceWith(db.current.prisma, events);
    const result = await getOverContacted(db.current.prisma, {
      ...reportWindow(workspaceId),
      frequencyCap: 0.5,
    });
    expect(result).toMatchObject({ cap: 0.5, overContactedCustomers: 2 }); // o1, o2; o3 is exactly 0.5
  });

  test("the channel filter counts that channel's contacts only", async () => {
    // email: o2 has 5 → 2.5, not over
    const workspaceId = await createWorkspaceWith(db.current.prisma, events);
    const result = await getOverContacted(db.current.prisma, {
      ...reportWindow(workspaceId),
      channel: "email",
    });
    expect(result).toMatchObject({ contactedCustomers: 3, overContactedCustomers: 0, share: 0 });
  });

  test("nobody contacted: share null", async () => {
    const workspaceId = await createWorkspaceWith(db.current.prisma, []);
    expect(await getOverContacted(db.current.prisma, reportWindow(workspaceId))).toMatchObject({
      contactedCustomers: 0,
      share: null,
    });
  });
});
