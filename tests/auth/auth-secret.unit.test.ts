import { expect, test } from "vitest";

import { authSecretProblem, MIN_AUTH_SECRET_LENGTH } from "@/lib/server/auth/auth-secret";

const GOOD = "q3Zr8m1Jx0bV9yTt2Wn5Lp7Kc4Hd6Fg8Sa1Ee3Rr5Uu="; // 44 characters, as openssl rand -base64 32 gives

test("production without AUTH_SECRET: refused, naming the variable and how to make one", () => {
  const problem = authSecretProblem({ NODE_ENV: "production" });
  expect(problem).toContain("AUTH_SECRET is not set");
  expect(problem).toContain("openssl rand -base64 32");
  expect(authSecretProblem({ NODE_ENV: "production", AUTH_SECRET: "   " })).toContain("is not set");
});

test("production with a short AUTH_SECRET: refused with its length, never its value", () => {
  const short = "a".repeat(MIN_AUTH_SECRET_LENGTH - 1); // 31 characters
  const problem = authSecretProblem({ NODE_ENV: "production", AUTH_SECRET: short });
  expect(problem).toContain("AUTH_SECRET is too short (31 characters; at least 32 are needed)");
  expect(problem).not.toContain(short);
});

test("production with a long enough secret starts (AUTH_SECRET or the older NEXTAUTH_SECRET)", () => {
  expect(authSecretProblem({ NODE_ENV: "production", AUTH_SECRET: GOOD })).toBeNull();
  expect(authSecretProblem({ NODE_ENV: "production", AUTH_SECRET: "b".repeat(32) })).toBeNull();
  expect(authSecretProblem({ NODE_ENV: "production", NEXTAUTH_SECRET: GOOD })).toBeNull();
});

test("development and tests are not stopped", () => {
  expect(authSecretProblem({ NODE_ENV: "development" })).toBeNull();
  expect(authSecretProblem({ NODE_ENV: "test" })).toBeNull();
});
