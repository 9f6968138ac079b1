import "server-only";

/** Shortest AUTH_SECRET accepted in production: 32 characters (`openssl rand -base64 32` gives 44). */
export const MIN_AUTH_SECRET_LENGTH = 32;

const HOW_TO_MAKE_ONE = "Set it to a long random string, for example the output of: openssl rand -base64 32";

/**
 * Why the server must not start in production with this environment, or null when it may.
 * Auth.js signs and encrypts sessions with AUTH_SECRET; it comes only from the environment
 * (`npm start` generates one into .data/ in embedded mode). The message never shows the value.
 */
export function authSecretProblem(env: Record<string, string | undefined>): string | null {
  if (env.NODE_ENV !== "production") return null;
  const secret = env.AUTH_SECRET ?? env.NEXTAUTH_SECRET;
  if (!secret || secret.trim() === "") {
    return `AUTH_SECRET is not set; Resonans cannot sign sessions without it. ${HOW_TO_MAKE_ONE}`;
  }
  if (secret.trim().length < MIN_AUTH_SECRET_LENGTH) {
    return `AUTH_SECRET is too short (${secret.trim().length} characters; at least ${MIN_AUTH_SECRET_LENGTH} are needed). ${HOW_TO_MAKE_ONE}`;
  }
  return null;
}

/** Stops the server at start-up, with the reason, when authSecretProblem() finds one. */
export function exitOnMissingAuthSecret(env: Record<string, string | undefined> = process.env): void {
  const problem = authSecretProblem(env);
  if (!problem) return;
  console.error(`\nResonans cannot start: ${problem}\n`);
  process.exit(1);
}
