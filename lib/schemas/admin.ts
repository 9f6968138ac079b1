import { z } from "zod";

import { ROLES } from "@/lib/auth/permissions";

export const CURRENCIES = ["DKK", "NOK", "SEK", "EUR"] as const;
export const LOCALES = ["en", "da", "nb", "sv"] as const;

const timeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return zone.includes("/") || zone === "UTC";
    } catch {
      return false;
    }
  },
  { message: "must be an IANA time zone such as Europe/Copenhagen" },
);

export const workspaceInput = z.object({
  name: z.string().trim().min(1).max(100),
  slug: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/,
      "lower-case letters, digits and dashes, 1–48 characters",
    ),
  timeZone: timeZone.default("Europe/Copenhagen"),
  currency: z.enum(CURRENCIES).default("EUR"),
  defaultLocale: z.enum(LOCALES).default("en"),
  frequencyCap: z.number().positive().max(100).default(3),
});
export type WorkspaceInput = z.input<typeof workspaceInput>;

/** The general settings of an existing workspace; each field optional (absent: unchanged). */
export const workspaceSettingsInput = z.strictObject({
  name: workspaceInput.shape.name.optional(),
  timeZone: timeZone.optional(),
  currency: z.enum(CURRENCIES).optional(),
  defaultLocale: z.enum(LOCALES).optional(),
  frequencyCap: z.number().positive().max(100).optional(),
});
export type WorkspaceSettingsInput = z.input<typeof workspaceSettingsInput>;

export const userInput = z.object({
  email: z.string().trim().toLowerCase().email(),
  name: z.string().trim().min(1).max(100).optional(),
  password: z.string().min(10, "at least 10 characters").max(1024),
});
export type UserInput = z.input<typeof userInput>;

export const roleInput = z.enum(ROLES);

export const API_KEY_SCOPES = ["ingest", "read"] as const;
export const API_KEY_NAME_MAX = 100;

export const apiKeyInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, "a name is required")
    .max(API_KEY_NAME_MAX, `at most ${API_KEY_NAME_MAX} characters`),
  scopes: z.array(z.enum(API_KEY_SCOPES)).min(1, "at least one scope: ingest, read"),
});
export type ApiKeyInput = z.input<typeof apiKeyInput>;

export const apiKeyIdInput = z.object({ id: z.string().trim().min(1).max(100) });
