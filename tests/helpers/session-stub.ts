/**
 * Stubs the one session lookup the guard makes (Auth.js `auth()` in lib/server/auth/auth.ts),
 * so a test chooses who is signed in; the guard and the database stay real. In a test file:
 *
 *   vi.mock("@/lib/server/auth/auth", async (importOriginal) =>
 *     (await import("../helpers/session-stub")).withStubbedSession(importOriginal),
 *   );
 *   signInAs(user.id); // or signInAs(null) for a signed-out visitor
 */
let signedIn: string | null = null;

export function signInAs(userId: string | null): void {
  signedIn = userId;
}

export async function withStubbedSession(importOriginal: () => Promise<unknown>) {
  const actual = (await importOriginal()) as Record<string, unknown>;
  return {
    ...actual,
    auth: async () =>
      signedIn === null
        ? null
        : { user: { id: signedIn }, expires: new Date(Date.now() + 3_600_000).toISOString() },
  };
}
