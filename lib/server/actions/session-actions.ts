"use server";

import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";

import { signIn, signOut } from "@/lib/server/auth/auth";
import { SignInLocked } from "@/lib/server/auth/sign-in-errors";

export interface SignInState {
  error: string | null;
  email: string;
}

// Sign-in and sign-out are the authentication itself, so they are the only actions
// that do not pass through the workspace guard.

/** Signs in with e-mail and password; on success Auth.js redirects to the app. */
export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  const callbackUrl = String(form.get("callbackUrl") ?? "/");
  try {
    await signIn("credentials", {
      email,
      password: String(form.get("password") ?? ""),
      redirectTo: localPath(callbackUrl),
    });
    return { error: null, email };
  } catch (error) {
    if (error instanceof AuthError) return { error: await signInErrorMessage(error), email };
    throw error;
  }
}

/** What the form says: locked (and for how long), wrong credentials, or a failure on our side. */
async function signInErrorMessage(error: AuthError): Promise<string> {
  const t = await getTranslations("signIn");
  if (error instanceof SignInLocked) {
    return t("locked", { minutes: Math.max(1, Math.ceil((error.retryAt.getTime() - Date.now()) / 60_000)) });
  }
  // Anything thrown inside the check itself (the database unreachable, say) arrives wrapped.
  if (error.type === "CallbackRouteError") return t("unavailable");
  return t("wrongCredentials");
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}

/** Only the path of a callback URL is kept, so sign-in never redirects to another site. */
function localPath(url: string): string {
  try {
    const parsed = new URL(url, "http://resonans.invalid");
    return `${parsed.pathname}${parsed.search}` || "/";
  } catch {
    return "/";
  }
}
