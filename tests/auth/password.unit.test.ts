import { describe, expect, test } from "vitest";

import { hashPassword, verifyPassword } from "@/lib/server/auth/password";

// A hash of "secret password" made with node:crypto scryptSync (N=2^15, r=8, p=1, 32 bytes)
// and the 16-byte salt "resonans-fixture"; the malformed variants below are built from it.
const SECRET_PASSWORD_HASH =
  "scrypt$32768$8$1$cmVzb25hbnMtZml4dHVyZQ==$c9tMCHUl+CoGry9/sS52giCxJkKzgMWnkXbMmtutP/c=";
const [, , , , salt, key] = SECRET_PASSWORD_HASH.split("$");

// scrypt with N=2^15 takes ~50–100 ms per call, so each test hashes as little as it can.
describe("hashPassword / verifyPassword", () => {
  test("a hash verifies the password it was made from and no other", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(await verifyPassword("correct horse battery", stored)).toBe(true);
    expect(await verifyPassword("correct horse batterY", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  test("stores scrypt$N$r$p$salt$key with a 16-byte salt and a 32-byte key, never the password", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(stored.startsWith("scrypt$")).toBe(true);
    const [scheme, n, r, p, salt, key, ...rest] = stored.split("$");
    expect([scheme, n, r, p]).toEqual(["scrypt", "32768", "8", "1"]);
    expect(Buffer.from(salt, "base64")).toHaveLength(16);
    expect(Buffer.from(key, "base64")).toHaveLength(32);
    expect(rest).toEqual([]);
    expect(stored).not.toContain("correct horse battery");
  });

  test("two hashes of the same password differ (random salt) and both verify", async () => {
    const [first, second] = await Promise.all([hashPassword("same password"), hashPassword("same password")]);
    expect(first).not.toBe(second);
    expect(first.split("$")[4]).not.toBe(second.split("$")[4]);
    expect(await verifyPassword("same password", first)).toBe(true);
    expect(await verifyPassword("same password", second)).toBe(true);
  });

  test("verifies a hash made elsewhere with the same parameters (the stored format is stable)", async () => {
    expect(await verifyPassword("secret password", SECRET_PASSWORD_HASH)).toBe(true);
    expect(await verifyPassword("Secret password", SECRET_PASSWORD_HASH)).toBe(false);
  });

  describe("a malformed stored hash verifies nothing (returns false, never throws)", () => {
    test.each([
      ["an empty string", ""],
      ["text without separators", "not-a-hash"],
      ["the scheme alone", "scrypt"],
      ["another scheme", `bcrypt$32768$8$1$${salt}$${key}`],
      ["a missing key", `scrypt$32768$8$1$${salt}$`],
      ["a missing salt", `scrypt$32768$8$1$$${key}`],
      ["a non-numeric N", `scrypt$abc$8$1$${salt}$${key}`],
      ["an N that is not a power of two", `scrypt$1000$8$1$${salt}$${key}`],
      // "===" is truthy but decodes to zero bytes: an empty expected key must not match
      // the empty scrypt output of every password.
      ["a key that decodes to zero bytes", `scrypt$32768$8$1$${salt}$===`],
    ])("%s", async (_, stored) => {
      await expect(verifyPassword("secret password", stored)).resolves.toBe(false);
      await expect(verifyPassword("any other password", stored)).resolves.toBe(false);
    });
  });
});
