import { describe, expect, test } from "vitest";

import type { Channel } from "@/lib/generated/prisma/client";
import { getContactsAfterOptOut } from "@/lib/server/metrics/frequency/get-contacts-after-opt-out";

import { consent, createWorkspaceWith, type FixtureEvent, sent } from "../../helpers/fixtures";
import { reportWindow } from "../../helpers/report-window";
import { setupTestDatabase } from "../../helpers/test-database";

const db = setupTestDatabase();

/** [violating contacts, customers affected] in the 2-week window of a workspace holding `events`. */
async function violationsIn(events: FixtureEvent[], channel?: Channel) {
  const workspaceId = await createWorkspaceWith(db.current.prisma, events);
  const result = await getContactsAfterOptOut(db.current.prisma, { ...reportWindow(workspaceId), channel });
  return [result.contacts, result.customers];
}

describe("contacts after opt-out", () => {
  test("a send after an unsubscribe on the same channel is a violation; one before it is not", async () => {
    const counts = await violationsIn([
      sent("c1", "2026-03-03T09:00:00Z", "email"), //               before the opt-out: fine
      consent("unsubscribed", "c1", "2026-03-03T10:00:00Z", "email"),
      sent("c1", "2026-03-04T10:00:00Z", "email"), //               violation
    ]);
    expect(counts).toEqual([1, 1]);
  });

  test("re-consent ends the opt-out", async () => {
    const counts = await violationsIn([
      consent("unsubscribed", "c1", "2026-03-03T10:00:00Z", "email"),
      sent("c1", "2026-03-04T10:00:00Z", "email"), //                violation
      consent("consent_granted", "c1", "2026-03-05T10:00:00Z", "email"),
      sent("c1", "2026-03-06T10:00:00Z", "email"), //                fine again
    ]);
    expect(counts).toEqual([1, 1]);
  });

  test.each(["complained", "consent_withdrawn"] as const)("%s is an opt-out too", async (type) => {
    const counts = await violationsIn([
      consent(type, "c1", "2026-03-03T10:00:00Z", "email"),
      sent("c1", "2026-03-04T10:00:00Z", "email"), // violation
    ]);
    expect(counts).toEqual([1, 1]);
  });

  test("an unsubscribe without a channel applies to every channel", async () => {
    const counts = await violationsIn([
      consent("unsubscribed", "c1", "2026-03-03T10:00:00Z"),
      sent("c1", "2026-03-04T10:00:00Z", "email"), // violation
      sent("c1", "2026-03-05T10:00:00Z", "sms"), //   violation
    ]);
    expect(counts).toEqual([2, 1]);
  });

  test("an unsubscribe on another channel does not apply", async () => {
    const counts = await violationsIn([
      consent("unsubscribed", "c1", "2026-03-03T10:00:00Z", "sms"),
      sent("c1", "2026-03-04T10:00:00Z", "email"), // fine: opted out of sms only
    ]);
    expect(counts).toEqual([0, 0]);
  });

  test("a grant on one channel lifts a channel-less unsubscribe on that channel only", async () => {
    const counts = await violationsIn([
      consent("unsubscribed", "c1", "2026-03-03T10:00:00Z"),
      consent("consent_granted", "c1", "2026-03-04T10:00:00Z", "email"),
      sent("c1", "2026-03-05T10:00:00Z", "email"), // fine: latest applicable is the email grant
      sent("c1", "2026-03-05T10:00:00Z", "sms"), //   violation: only the unsubscribe applies to sms
    ]);
    expect(counts).toEqual([1, 1]);
  });

  test("a send at the very instant of the opt-out is not a violation; a millisecond later it is", async () => {
    const counts = await violationsIn([
      consent("unsubscribed", "c1", "2026-03-03T10:00:00.000Z", "email"),
      sent("c1", "2026-03-03T10:00:00.000Z", "email"), // fine: "before" is strict
      sent("c1", "2026-03-03T10:00:00.001Z", "email"), // violation
    ]);
    expect(counts).toEqual([1, 1]);
  });

  test("when an opt-out and a grant share the latest instant, the opt-out wins", async () => {
    const counts = await violationsIn([
      consent("consent_granted", "c1", "2026-03-03T10:00:00Z", "email"),
      consent("unsubscribed", "c1", "2026-03-03T10:00:00Z", "email"),
      sent("c1", "2026-03-04T10:00:00Z", "email"), // violation
      // c2: the tie is between a channel-less complaint and an email grant
      consent("complained", "c2", "2026-03-03T10:00:00Z"),
      consent("consent_granted", "c2", "2026-03-03T10:00:00Z", "email"),
      sent("c2", "2026-03-04T10:00:00Z", "email"), // violation
    ]);
    expect(counts).toEqual([2, 2]);
  });

  test("a re-consent at the same instant as the send does not yet lift the opt-out", async () => {
    const counts = await violationsIn([
      consent("unsubscribed", "c1", "2026-03-03T10:00:00Z", "email"),
      consent("consent_granted", "c1", "2026-03-04T10:00:00Z", "email"),
      sent("c1", "2026-03-04T10:00:00.000Z", "email"), // violation: the grant is not before it
      sent("c1", "2026-03-04T10:00:00.001Z", "email"), // fine
    ]);
    expect(counts).toEqual([1, 1]);
  });

  test("an opt-out before the window counts; sends outside the window do not", async () => {
    const counts = await violationsIn([
      consent("unsubscribed", "c1", "2026-02-01T10:00:00Z", "email"),
      sent("c1", "2026-03-01T23:59:59.999Z", "email"), // before the window
      sent("c1", "2026-03-02T00:00:00.000Z", "email"), // violation, at `from`
      sent("c1", "2026-03-16T00:00:00.000Z", "email"), // at `to`: outside
    ]);
    expect(counts).toEqual([1, 1]);
  });

  test("a transactional send after an opt-out is not a contact, so not a violation", async () => {
    const counts = await violationsIn([
      consent("unsubscribed", "c1", "2026-03-03T10:00:00Z"),
      sent("c1", "2026-03-04T10:00:00Z", "email", "transactional"), // a receipt: fine
      sent("c1", "2026-03-05T10:00:00Z", "email", null), //            no kind = promotional: violation
    ]);
    expect(counts).toEqual([1, 1]);
  });

  test("counts every violating contact, and each affected customer once", async () => {
    const counts = await violationsIn([
      consent("unsubscribed", "c1", "2026-03-03T10:00:00Z"),
      sent("c1", "2026-03-04T10:00:00Z"), // violation
      sent("c1", "2026-03-05T10:00:00Z"), // violation
      consent("unsubscribed", "c2", "2026-03-03T10:00:00Z", "email"),
      sent("c2", "2026-03-06T10:00:00Z"), // violation
      sent("c3", "2026-03-06T10:00:00Z"), // never opted out: fine
      consent("consent_granted", "c4", "2026-03-03T10:00:00Z"),
      sent("c4", "2026-03-06T10:00:00Z"), // only a grant: fine
    ]);
    expect(counts).toEqual([3, 2]);
  });

  describe("the channel filter restricts the sends, not the opt-outs", () => {
    // c1 unsubscribed from everything, then got one email and one sms
    const events = [
      consent("unsubscribed", "c1", "2026-03-03T10:00:00Z"),
      sent("c1", "2026-03-04T10:00:00Z", "email"),
      sent("c1", "2026-03-05T10:00:00Z", "sms"),
    ];
    test.each([
      ["email", 1, 1],
      ["sms", 1, 1],
      ["push", 0, 0],
    ] as const)("channel %s → %i contacts, %i customers", async (channel, contacts, customers) => {
      expect(await violationsIn(events, channel)).toEqual([contacts, customers]);
    });
  });

  test("another workspace's opt-outs are ignored", async () => {
    await createWorkspaceWith(db.current.prisma, [consent("unsubscribed", "c1", "2026-03-03T10:00:00Z")]);
    expect(await violationsIn([sent("c1", "2026-03-04T10:00:00Z")])).toEqual([0, 0]);
  });
});
