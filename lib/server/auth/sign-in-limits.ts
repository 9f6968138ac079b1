import "server-only";

/**
 * Sign-in throttling (docs/security.md, "Hardening"). Failed sign-ins are counted per e-mail
 * address and per client IP in a window that starts with the first failure; reaching the limit
 * locks that address or IP for a while, during which even the right password is refused.
 */
export interface SignInLimits {
  windowMs: number;
  maxFailuresPerEmail: number;
  maxFailuresPerIp: number;
  lockMs: number;
}

export const SIGN_IN_LIMITS: Readonly<SignInLimits> = {
  /** How long failures are counted from the first one. */
  windowMs: 15 * 60 * 1000,
  /** Failures for one e-mail address (lower-cased) within the window that lock it. */
  maxFailuresPerEmail: 5,
  /** Failures from one client IP, over all addresses, within the window that lock it. */
  maxFailuresPerIp: 50,
  /** How long a lock lasts. */
  lockMs: 15 * 60 * 1000,
};
