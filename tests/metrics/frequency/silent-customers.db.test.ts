import { describe, expect, test } from "vitest";

import { getSilentCustomers } from "@/lib/server/metrics/frequency/get-silent-customers";
import { listSilentCustomers } from "@/lib/server/metrics/frequency/list-silent-customers";

import { createWorkspaceWith, type FixtureEvent } from "../../helpers/fixtures";
import { reportWindow } from "../../helpers/report-window";
import { setupTestDatabase } from "../../helpers/test-database";

import { click, DAY, HOUR, sends } from "./fixture-helpers";

const db = setupTestDatabase();

const s3 = sends("s3", 8);
const s4 = sends("s4", 8);
const s6 = sends("s6", 8);
const events: FixtureEvent[] = [
  ...sends("s1", 8), //                                      8, no click: silent
  ...sends("s2", 7), //                                      7: too few
  ...s3,
  click(s3[0], 7 * DAY - 1), //                              engaged: not silent
  ...s4,
  click(s4[0], 7 * DAY), //                                  a click 7 days later engages nothing: silent
  ...sends("s5", 9),
  { ...click(s3[1], HOUR), customer: "s5" }, //              s5 clicks a message it was not sent: silent
  ...s6.slice(1),
  { ...s6[0], messageKind: "transactional" }, //             7 contacts + a receipt: too few
];

describe("silent contacted customers", () => {
  test("≥ 8 contacts in the window and no engaged contact", async () => {
    const workspaceId = await createWorkspaceWith(db.current.prisma, events);
    expect(await getSilentCustomers(db.current.prisma, reportWindow(workspaceId))).toEqual({
      silentCustomers: 3, // s1, s4, s5
      contactedCustomers: 6,
      share: 0.5,
    });
  });

  test("the list: most contacts first, then by id; paged, with the total", async () => {
    const workspaceId = await createWorkspaceWith(db.current.prisma, events);
    const page = (limit: number, offset: number) =>
      listSilentCustomers(db.current.prisma, { ...reportWindow(workspaceId), limit, offset });
    expect(await page(50, 0)).toEqual({
      total: 3,
      rows: [
        { customerId: "s5", contacts: 9, perWeek: 4.5 },
        { customerId: "s1", contacts: 8, perWeek: 4 },
        { customerId: "s4", contacts: 8, perWeek: 4 },
      ],
    });
    expect((await page(1, 1)).rows.map((r) => r.customerId)).toEqual(["s1"]);
    expect(await page(10, 5)).toEqual({ total: 3, rows: [] });
  });

  test("the channel filter counts that channel's contacts", async () => {
    // s1 has 8 email contacts and none on sms
    const workspaceId = await createWorkspaceWith(db.current.prisma, events);
    const result = await getSilentCustomers(db.current.prisma, {
      ...reportWindow(workspaceId),
      channel: "sms",
    });
    expect(result).toEqual({ silentCustomers: 0, contactedCustomers: 0, share: null });
  });
});
