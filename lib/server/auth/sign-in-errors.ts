import "server-only";

import { CredentialsSignin } from "next-auth";

// Auth.js passes these through to the sign-in action unchanged; `code` is what a redirect
// to the sign-in page carries (?code=…), so it names the case and nothing more.

/** Wrong address or password, worded the same for an address that has no account. */
export class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}

/** Too many failed attempts for this address or from this IP: refused until `retryAt`. */
export class SignInLocked extends CredentialsSignin {
  code = "locked";
  readonly retryAt: Date;

  constructor(retryAt: Date) {
    super();
    this.retryAt = retryAt;
  }
}
