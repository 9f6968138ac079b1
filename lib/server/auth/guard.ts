import "server-only";

import { forbidden, notFound, redirect } from "next/navigation";
import { NextResponse } from "next/server";
import { cache } from "react";
import type { z } from "zod";

import { SIGN_IN_PATH } from "@/lib/auth/auth.config";
import { can, type Permission, type Role } from "@/lib/auth/permissions";
import type { ApiKeyScope, PrismaClient, Workspace } from "@/lib/generated/prisma/client";
import { getPrisma } from "@/lib/server/db";
import { AppError, errorBody } from "@/lib/server/errors";

import { hashApiKey } from "./api-key-hash";
import { auth } from "./auth";

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
}

/** Who is asking, in which workspace, with which role. Every service takes one of these. */
export interface Access {
  user: SessionUser | null;
  workspace: Workspace;
  role: Role;
  /** Set when the caller authenticated with an API key instead of a session. */
  apiKeyId?: string;
}

/**
 * The signed-in user, re-read from the database (a deleted user's token is worthless).
 * Cached per request, so a layout and its page check the session once.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const prisma = await getPrisma();
  return prisma.user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
});

/**
 * The one check: session, membership of the workspace, and the role's permission.
 * Throws AppError (401 / 404 for a workspace the user is not a member of / 403).
 */
export async function authorize(slug: string, permission: Permission): Promise<Access> {
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthenticated", "Sign in to continue.");
  return resolveMemberAccess(await getPrisma(), user, slug, permission);
}

/** Membership and role check for a known user (the part of authorize() after the session). */
export async function resolveMemberAccess(
  prisma: PrismaClient,
  user: SessionUser,
  slug: string,
  permission: Permission,
): Promise<Access> {
  const membership = await prisma.membership.findFirst({
    where: { userId: user.id, workspace: { slug } },
    include: { workspace: true },
  });
  if (!membership) throw new AppError("not_found", `No workspace "${slug}" for this user.`);
  if (!can(membership.role, permission)) {
    throw new AppError("forbidden", `The ${membership.role} role may not do this.`);
  }
  return { user, workspace: membership.workspace, role: membership.role };
}

/** authorize() for pages: redirects to sign-in, renders not-found or forbidden. */
export async function authorizePage(slug: string, permission: Permission): Promise<Access> {
  try {
    return await authorize(slug, permission);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "unauthenticated") redirect(SIGN_IN_PATH);
    if (error.code === "forbidden") forbidden();
    notFound();
  }
}

/**
 * What an API key may do: each scope grants a few permissions and nothing else. A key acts
 * with the narrowest role that holds them, so services checking the role stay correct.
 */
const API_KEY_SCOPES: Record<ApiKeyScope, { permissions: Permission[]; role: Role }> = {
  read: { permissions: ["viewDashboards", "exportAggregates"], role: "executive" },
  ingest: { permissions: ["ingestEvents"], role: "analyst" },
};

const LAST_USED_RESOLUTION_MS = 60_000;

/** Resolves an API key to its workspace, if one of its scopes grants the permission. */
export async function resolveApiKeyAccess(
  prisma: PrismaClient,
  key: string,
  permission: Permission,
): Promise<Access> {
  const apiKey = await prisma.apiKey.findUnique({
    where: { hash: hashApiKey(key) },
    include: { workspace: true },
  });
  if (!apiKey || apiKey.revokedAt)
    throw new AppError("unauthenticated", "The API key is missing, unknown or revoked.");
  const scope = apiKey.scopes.find((held) => API_KEY_SCOPES[held].permissions.includes(permission));
  if (!scope) {
    const needed = (Object.keys(API_KEY_SCOPES) as ApiKeyScope[]).find((s) =>
      API_KEY_SCOPES[s].permissions.includes(permission),
    );
    throw new AppError(
      "forbidden",
      needed ? `This API key lacks the "${needed}" scope.` : "This cannot be done with an API key.",
    );
  }
  // "Last used" to the minute: a write per request would queue every request of a busy key
  // behind one row lock.
  const now = new Date();
  if (!apiKey.lastUsedAt || now.getTime() - apiKey.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await prisma.apiKey.update({ where: { id: apiKey.id }, data: { lastUsedAt: now } });
  }
  return { user: null, workspace: apiKey.workspace, role: API_KEY_SCOPES[scope].role, apiKeyId: apiKey.id };
}

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
type AuthedHandler = (request: Request, access: Access, context: RouteContext) => Promise<Response>;

/**
 * Wraps a route handler: every request is authorised before the handler runs.
 * The workspace comes from the `[workspace]` route segment or `?workspace=` for sessions,
 * or from the API key itself. `requireApiKey` refuses sessions (machine endpoints such as
 * ingestion). Errors become `{ error: { code, message } }`.
 */
export function withAuth(
  handler: AuthedHandler,
  options: { permission: Permission; allowApiKey?: boolean; requireApiKey?: boolean },
) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      const header = request.headers.get("authorization");
      if (options.requireApiKey && !header?.startsWith("Bearer ")) {
        throw new AppError("unauthenticated", "Send a workspace API key: Authorization: Bearer <key>.");
      }
      let access: Access;
      if (header?.startsWith("Bearer ") && options.allowApiKey !== false) {
        const key = header.slice("Bearer ".length).trim();
        access = await resolveApiKeyAccess(await getPrisma(), key, options.permission);
      } else {
        const params = await context.params;
        const slug =
          (params.workspace as string | undefined) ?? new URL(request.url).searchParams.get("workspace");
        if (!slug) throw new AppError("invalid_input", "Name the workspace (?workspace=<slug>).");
        access = await authorize(slug, options.permission);
      }
      return await handler(request, access, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

type PublicHandler = (request: Request, context: RouteContext) => Promise<Response>;

/**
 * The one way to declare a route handler public: it runs for anyone, without a session or
 * an API key (`grep -rn "withPublic(" app` lists every public route). Errors become
 * `{ error: { code, message } }` as with withAuth. Public routes must not read workspace data.
 */
export function withPublic(handler: PublicHandler) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

function errorResponse(error: unknown): Response {
  const { status, body } = errorBody(error);
  return NextResponse.json(body, { status });
}

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/**
 * Builds a server action: authorises the caller for the workspace, validates the input
 * with the zod schema, then runs the body. Returns a result instead of throwing.
 */
export function workspaceAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  body: (input: z.infer<S>, access: Access) => Promise<T>,
) {
  return async (slug: string, input: unknown): Promise<ActionResult<T>> => {
    try {
      const access = await authorize(slug, permission);
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        const message = parsed.error.issues.map(
          (issue) => `${issue.path.join(".") || "input"}: ${issue.message}`,
        );
        throw new AppError("invalid_input", message.join("; "));
      }
      return { ok: true, data: await body(parsed.data, access) };
    } catch (error) {
      return { ok: false, error: errorBody(error).body.error };
    }
  };
}
