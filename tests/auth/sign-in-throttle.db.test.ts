import { describe, expect, test } from "vitest";

import { authorizeCredentials } from "@/lib/server/auth/authorize-credentials";
import { hashPassword } from "@/lib/server/auth/password";
import { InvalidCredentials, SignInLocked } from "@/lib/server/auth/sign-in-errors";
import { SIGN_IN_LIMITS } from "@/lib/server/auth/sign-in-limits";

import { rejectionOf } from "../helpers/errors";
import { setupTestDatabase } from "../helpers/test-database";

const db = setupTestDatabase();

const PASSWORD = "correct horse battery staple";
const T0 = new Date("2026-03-02T10:00:00.000Z");
const MINUTE = 60_000;
const at = (minutes: number, ms = 0) => new Date(T0.getTime() + minutes * MINUTE + ms);

let count = 0;
/** A fresh address (and its user, unless `known` is false) for each test. */
async function address(known = true): Promise<string> {
  count += 1;
  const email = `throttle-${count}@example.com`;
  if (known) {
    await db.current.prisma.user.create({ data: { email, passwordHash: await hashPassword(PASSWORD) } });
  }
  return email;
}
/** A fresh client IP for each test (documentation range 198.51.100.0/24). */
const freshIp = () => `198.51.100.${(count += 1)}`;

const attempt = (email: string, password: string, ip: string | null, now: Date) =>
  authorizeCredentials(db.current.prisma, { email, password }, ip, now);

async function refusal(promise: Promise<unknown>): Promise<InvalidCredentials | SignInLocked> {
  const error = await rejectionOf(promise);
  expect([InvalidCredentials, SignInLocked].some((type) => error instanceof type)).toBe(true);
  return error as InvalidCredentials | SignInLocked;
}

const throttle = (key: string) => db.current.prisma.signInThrottle.findUnique({ where: { key } });

async function authEntries(email: string) {
  const rows = await db.current.prisma.auditLog.findMany({
    where: { action: { startsWith: "auth." } },
    orderBy: { id: "asc" },
  });
  return rows.filter((row) => (row.details as { email?: string } | null)?.email === email);
}

test("the limits are the documented ones: 5 per address, 50 per IP, in 15 minutes, locked for 15", () => {
  expect(SIGN_IN_LIMITS).toEqual({
    windowMs: 15 * MINUTE,
    maxFailuresPerEmail: 5,
    maxFailuresPerIp: 50,
    lockMs: 15 * MINUTE,
  });
});

describe("per address", () => {
  test("four failures are only counted; the fifth within the window locks the address for 15 minutes", async () => {
    const email = await address(false); // counted exactly like a real one (see below), without scrypt
    const ip = freshIp();
    // minutes 0, 1, 2, 3: wrong password, counted 1..4
    for (let i = 0; i < 4; i += 1) {
      expect(await refusal(attempt(email, "wrong", ip, at(i)))).toBeInstanceOf(InvalidCredentials);
      expect((await throttle(`email:${email}`))?.failures).toBe(i + 1);
    }
    expect((await throttle(`email:${email}`))?.lockedUntil).toBeNull();

    // minute 14: the fifth failure, still inside [0, 15): locked until 14 + 15 = minute 29
    const fifth = await refusal(attempt(email, "wrong", ip, at(14)));
    expect(fifth).toBeInstanceOf(SignInLocked);
    expect((fifth as SignInLocked).retryAt).toEqual(at(29));
    const row = await throttle(`email:${email}`);
    expect(row?.lockedUntil).toEqual(at(29));
    expect(row?.failures).toBe(0); // starts over for after the lock
    // The IP saw only 5 failures: far from its 50, not locked.
    expect((await throttle(`ip:${ip}`))?.lockedUntil ?? null).toBeNull();
  });

  test("the window starts at the first failure: one at exactly 15 minutes later starts a new count", async () => {
    const email = await address(false);
    const ip = freshIp();
    await refusal(attempt(email, "wrong", ip, at(0))); //          window [0, 15): 1
    await refusal(attempt(email, "wrong", ip, at(5))); //                          2
    await refusal(attempt(email, "wrong", ip, at(14, 59_999))); // last ms inside: 3
    expect((await throttle(`email:${email}`))?.failures).toBe(3);
    await refusal(attempt(email, "wrong", ip, at(15))); //         new window [15, 30): 1
    const row = await throttle(`email:${email}`);
    expect(row?.failures).toBe(1);
    expect(row?.windowStart).toEqual(at(15));
    // Four more in the new window make 5: locked.
    for (const minute of [16, 17, 18]) {
      expect(await refusal(attempt(email, "wrong", ip, at(minute)))).toBeInstanceOf(InvalidCredentials);
    }
    expect(await refusal(attempt(email, "wrong", ip, at(19)))).toBeInstanceOf(SignInLocked);
  });

  test("while locked even the right password is refused, and not counted; after the lock it works", async () => {
    const email = await address();
    const ip = freshIp();
    for (let i = 0; i < 5; i += 1) await refusal(attempt(email, "wrong", ip, at(i))); // locked at minute 4 until 19

    const locked = await refusal(attempt(email, PASSWORD, ip, at(10)));
    expect(locked).toBeInstanceOf(SignInLocked);
    expect((locked as SignInLocked).retryAt).toEqual(at(19));
    // From another IP as well: the lock is on the address.
    expect(await refusal(attempt(email, PASSWORD, freshIp(), at(18, 59_999)))).toBeInstanceOf(SignInLocked);
    expect((await throttle(`email:${email}`))?.failures).toBe(0);

    const user = await attempt(email, PASSWORD, ip, at(19)); // the lock ends at minute 19
    expect(user.email).toBe(email);
  });

  test("a successful sign-in clears the address's count: 4 failures, a success, 4 failures lock nothing", async () => {
    const email = await address();
    const ip = freshIp();
    for (let i = 0; i < 4; i += 1) await refusal(attempt(email, "wrong", ip, at(i)));
    await attempt(email, PASSWORD, ip, at(5));
    expect(await throttle(`email:${email}`)).toBeNull();
    for (let i = 6; i < 10; i += 1) {
      expect(await refusal(attempt(email, "wrong", ip, at(i)))).toBeInstanceOf(InvalidCredentials);
    }
    expect((await throttle(`email:${email}`))?.failures).toBe(4);
  });

  test("the address is counted lower-cased and trimmed: case variants share one count", async () => {
    const email = await address(false);
    const ip = freshIp();
    const variants = [email, email.toUpperCase(), ` ${email} `, email.replace("t", "T"), email];
    const answers = [];
    for (const [i, variant] of variants.entries())
      answers.push(await refusal(attempt(variant, "x", ip, at(i))));
    expect(answers.at(-1)).toBeInstanceOf(SignInLocked);
  });

  test("an address with no account is counted and locked exactly like a real one", async () => {
    const unknown = await address(false);
    const ip = freshIp();
    const answers = [];
    for (let i = 0; i < 6; i += 1) answers.push(await refusal(attempt(unknown, "anything", ip, at(i))));
    expect(answers.slice(0, 4).every((a) => a instanceof InvalidCredentials)).toBe(true);
    expect(answers[4]).toBeInstanceOf(SignInLocked); // the fifth locks
    expect(answers[5]).toBeInstanceOf(SignInLocked); // and the sixth is refused by the lock
    expect((answers[4] as SignInLocked).retryAt).toEqual(at(4 + 15));
    expect(answers.map((a) => a.code)).toEqual([
      "invalid_credentials",
      "invalid_credentials",
      "invalid_credentials",
      "invalid_credentials",
      "locked",
      "locked",
    ]);
  });

  test("concurrent failures all count, and only one of them locks and writes the lock entry", async () => {
    const email = await address(false);
    const ip = null; // no IP known: only the address is counted
    const answers = await Promise.all(
      Array.from({ length: 7 }, () => refusal(attempt(email, "wrong", ip, at(0)))),
    );
    // One failure imposes the lock. An attempt whose lock check comes after that lock committed
    // (a slow connection, a busy machine) is refused by it, also with "locked", uncounted.
    const locked = answers.filter((a) => a instanceof SignInLocked);
    expect(locked.length).toBeGreaterThanOrEqual(1);
    expect(locked.map((a) => a.retryAt)).toEqual(locked.map(() => at(15)));
    const refusedByLock = (await authEntries(email)).filter(
      (e) => (e.details as { reason?: string } | null)?.reason === "locked",
    );
    expect(refusedByLock).toHaveLength(locked.length - 1);
    const row = await throttle(`email:${email}`);
    expect(row?.lockedUntil).toEqual(at(15));
    // Up to 7 failures counted, 5 of them used up by the lock: 0 to 2 left depending on the interleaving.
    expect(row?.failures).toBeLessThanOrEqual(2);
    const locks = (await authEntries(email)).filter((e) => e.action === "auth.signin_locked");
    expect(locks).toHaveLength(1);
    expect(
      await db.current.prisma.signInThrottle.count({
        where: { key: { startsWith: "ip:" }, lockedUntil: at(15) },
      }),
    ).toBe(0);
  });
});

describe("per IP", () => {
  test("50 failures from one IP over many addresses lock the IP, a success in between does not reset it", async () => {
    const ip = freshIp();
    const other = await address();
    // 49 failures, each for a different unknown address: no address reaches 5.
    for (let i = 0; i < 49; i += 1) {
      const answer = await refusal(attempt(`spray-${count}-${i}@example.com`, "x", ip, at(0, i)));
      expect(answer).toBeInstanceOf(InvalidCredentials);
    }
    expect((await throttle(`ip:${ip}`))?.failures).toBe(49);
    await attempt(other, PASSWORD, ip, at(1)); // succeeds; the IP keeps its 49
    expect((await throttle(`ip:${ip}`))?.failures).toBe(49);

    const fiftieth = await refusal(attempt(`spray-${count}-last@example.com`, "x", ip, at(2)));
    expect(fiftieth).toBeInstanceOf(SignInLocked);
    expect((await throttle(`ip:${ip}`))?.lockedUntil).toEqual(at(17));

    // From that IP even a right password is refused; from another IP the same account signs in.
    expect(await refusal(attempt(other, PASSWORD, ip, at(3)))).toBeInstanceOf(SignInLocked);
    expect((await attempt(other, PASSWORD, freshIp(), at(3))).email).toBe(other);
    expect((await attempt(other, PASSWORD, ip, at(17))).email).toBe(other);
  });
});

describe("audit log", () => {
  test("failures, the lock, a refused attempt while locked and a sign-in are recorded with the IP", async () => {
    const email = await address();
    const ip = freshIp();
    const user = await db.current.prisma.user.findUniqueOrThrow({ where: { email } });
    const before = await db.current.prisma.auditLog.count();
    for (let i = 0; i < 5; i += 1) await refusal(attempt(email, "wrong", ip, at(i))); // locks at minute 4
    await refusal(attempt(email, PASSWORD, ip, at(5)));
    await attempt(email, PASSWORD, ip, at(19));

    const entries = await db.current.prisma.auditLog.findMany({ orderBy: { id: "asc" }, skip: before });
    expect(entries.map((e) => [e.action, e.details, e.ip])).toEqual([
      ["auth.signin_failed", { email }, ip],
      ["auth.signin_failed", { email }, ip],
      ["auth.signin_failed", { email }, ip],
      ["auth.signin_failed", { email }, ip],
      ["auth.signin_failed", { email }, ip],
      ["auth.signin_locked", { scope: "email", email, failures: 5, lockedUntil: at(19).toISOString() }, ip],
      ["auth.signin_failed", { email, reason: "locked" }, ip],
      ["auth.signin", null, ip],
    ]);
    expect(entries.at(-1)?.userId).toBe(user.id);
    // No entry names a password.
    const written = JSON.stringify(entries.map((e) => e.details));
    expect(written).not.toContain(PASSWORD);
    expect(written).not.toContain("wrong");
  });

  test("an IP lock is recorded as such", async () => {
    const ip = freshIp();
    const before = await db.current.prisma.auditLog.count();
    for (let i = 0; i < 50; i += 1)
      await refusal(attempt(`ip-lock-${count}-${i}@example.com`, "x", ip, at(0, i)));
    const locks = await db.current.prisma.auditLog.findMany({
      where: { action: "auth.signin_locked" },
      orderBy: { id: "asc" },
    });
    const mine = locks.filter((l) => l.ip === ip);
    expect(mine).toHaveLength(1);
    expect(mine[0].targetType).toBe("ip");
    // the 50th failure came at 0 min + 49 ms: locked until 15 min + 49 ms
    expect(mine[0].details).toMatchObject({
      scope: "ip",
      failures: 50,
      lockedUntil: at(15, 49).toISOString(),
    });
    expect(await db.current.prisma.auditLog.count()).toBe(before + 51); // 50 failures + 1 lock
  });
});
