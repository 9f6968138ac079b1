import {
  getAccessFallbackHTTPStatus,
  isHTTPAccessFallbackError,
} from "next/dist/client/components/http-access-fallback/http-access-fallback";
import { isRedirectError } from "next/dist/client/components/redirect-error";

import { SIGN_IN_PATH } from "@/lib/auth/auth.config";
import type { ActionResult } from "@/lib/server/auth/guard";

/**
 * How the guard answered a call: refused (signed out, not a member, role or scope without the
 * permission) or let it through. "passed" says nothing about the rest: a validation error or
 * a missing record after the guard is still "passed".
 */
export type GuardOutcome =
  | { kind: "unauthenticated" | "forbidden" | "not_found"; message: string }
  | { kind: "passed"; message: string };

/** The guard's own not-found (lib/server/auth/guard.ts): a workspace the user is not a member of. */
const NOT_A_MEMBER = /^No workspace ".*" for this user\.$/;

function fromCode(code: string, message: string): GuardOutcome {
  if (code === "unauthenticated" || code === "forbidden") return { kind: code, message };
  if (code === "not_found" && NOT_A_MEMBER.test(message)) return { kind: "not_found", message };
  return { kind: "passed", message: `${code}: ${message}` };
}

/** A route handler's answer: `{ error: { code, message } }` for errors. */
export async function outcomeOfResponse(response: Response): Promise<GuardOutcome> {
  if (response.ok) return { kind: "passed", message: String(response.status) };
  const body = (await response.json().catch(() => null)) as {
    error?: { code: string; message: string };
  } | null;
  return fromCode(body?.error?.code ?? String(response.status), body?.error?.message ?? "");
}

/** A workspaceAction's result. */
export function outcomeOfAction(result: ActionResult<unknown>): GuardOutcome {
  return result.ok ? { kind: "passed", message: "ok" } : fromCode(result.error.code, result.error.message);
}

/**
 * A page (server component) rendered outside Next: authorizePage answers by throwing Next's
 * control-flow errors (redirect to sign-in, forbidden(), notFound()). Any other error was
 * thrown after the guard let the call through (the page's own not-found, or next-intl
 * without a request): "passed".
 */
export async function outcomeOfPage(render: () => Promise<unknown>): Promise<GuardOutcome> {
  try {
    await render();
    return { kind: "passed", message: "rendered" };
  } catch (error) {
    if (isRedirectError(error)) {
      const target = error.digest.split(";")[2];
      return target === SIGN_IN_PATH
        ? { kind: "unauthenticated", message: `redirect ${target}` }
        : { kind: "passed", message: `redirect ${target}` };
    }
    if (isHTTPAccessFallbackError(error)) {
      const status = getAccessFallbackHTTPStatus(error);
      if (status === 403) return { kind: "forbidden", message: "forbidden()" };
      if (status === 401) return { kind: "unauthenticated", message: "unauthorized()" };
      return { kind: "not_found", message: "notFound()" };
    }
    return { kind: "passed", message: error instanceof Error ? error.message : String(error) };
  }
}
