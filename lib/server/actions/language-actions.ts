"use server";

import { cookies } from "next/headers";
import { z } from "zod";

import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locales";

const languageInput = z.enum(LOCALES);

// The interface language is a preference of the browser, not workspace data: like sign-in,
// it is set without the workspace guard (also on the sign-in page). Only the cookie changes.

/** Sets the interface language (a year-long cookie); the page re-renders in it. */
export async function setLanguageAction(form: FormData): Promise<void> {
  const parsed = languageInput.safeParse(form.get("language"));
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data, {
    path: "/",
    maxAge: 365 * 86_400,
    sameSite: "lax",
    httpOnly: true,
    secure: process.env.AUTH_URL?.startsWith("https://") ?? false,
  });
}
