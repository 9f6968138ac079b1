// npm run admin -- <command>: workspace, user and API key administration for automation.
import { parseArgs } from "node:util";

import { isRole } from "@/lib/auth/permissions";
import { createApiKey, revokeApiKey } from "@/lib/server/admin/api-keys";
import { removeMember, setRole, upsertUser } from "@/lib/server/admin/users";
import {
  createWorkspace,
  getWorkspaceBySlugOrThrow,
  listWorkspaces,
  updateWorkspaceSettings,
} from "@/lib/server/admin/workspaces";
import { getDb } from "@/lib/server/db";

const USAGE = `Usage: npm run admin -- <command> [options]

  workspace create --name <name> --slug <slug> [--time-zone Europe/Oslo] [--currency NOK] [--locale nb] [--cap 3]
  workspace set --slug <slug> [--name <name>] [--time-zone Europe/Oslo] [--currency NOK] [--locale nb] [--cap 3]
  workspace list
  user create --email <email> --password <password> [--name <name>] [--workspace <slug> --role <role>]
  user set-role --workspace <slug> --email <email> --role admin|manager|analyst|executive
  user remove --workspace <slug> --email <email>
  apikey create --workspace <slug> --name <name> [--scopes ingest,read]
  apikey revoke --workspace <slug> --id <key id>`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: "string" },
    slug: { type: "string" },
    "time-zone": { type: "string" },
    currency: { type: "string" },
    locale: { type: "string" },
    cap: { type: "string" },
    email: { type: "string" },
    password: { type: "string" },
    workspace: { type: "string" },
    role: { type: "string" },
    scopes: { type: "string" },
    id: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});

function required(option: keyof typeof values): string {
  const value = values[option];
  if (typeof value !== "string" || value === "") throw new Error(`--${option} is required.\n\n${USAGE}`);
  return value;
}

async function run(): Promise<void> {
  const [area, command] = positionals;
  if (values.help || !area) {
    console.log(USAGE);
    return;
  }
  const { prisma } = await getDb();
  switch (`${area} ${command ?? ""}`.trim()) {
    case "workspace create": {
      const workspace = await createWorkspace(prisma, {
        name: required("name"),
        slug: required("slug"),
        timeZone: values["time-zone"],
        currency: values.currency as never,
        defaultLocale: values.locale as never,
        frequencyCap: values.cap ? Number(values.cap) : undefined,
      });
      // The services record every change below in the audit log, as "system".
      console.log(
        `Created workspace ${workspace.slug} (${workspace.name}, ${workspace.timeZone}, ${workspace.currency}).`,
      );
      return;
    }
    case "workspace set": {
      const workspace = await getWorkspaceBySlugOrThrow(prisma, required("slug"));
      const updated = await updateWorkspaceSettings(prisma, workspace.id, {
        name: values.name,
        timeZone: values["time-zone"],
        currency: values.currency as never,
        defaultLocale: values.locale as never,
        frequencyCap: values.cap ? Number(values.cap) : undefined,
      });
      console.log(
        `Workspace ${updated.slug}: ${updated.name}, ${updated.timeZone}, ${updated.currency}, ${updated.defaultLocale}, cap ${updated.frequencyCap}.`,
      );
      return;
    }
    case "workspace list": {
      const rows = await listWorkspaces(prisma);
      if (rows.length === 0) console.log("No workspaces.");
      for (const w of rows) {
        console.log(
          `${w.slug}\t${w.name}\t${w.timeZone}\t${w.currency}\t${w._count.memberships} members\t${w._count.customers} customers`,
        );
      }
      return;
    }
    case "user create": {
      const user = await upsertUser(prisma, {
        email: required("email"),
        password: required("password"),
        name: values.name,
      });
      console.log(`User ${user.email} is ready.`);
      if (values.workspace || values.role)
        await assignRole(prisma, required("workspace"), user.email, required("role"));
      return;
    }
    case "user set-role":
      await assignRole(prisma, required("workspace"), required("email"), required("role"));
      return;
    case "user remove": {
      const workspace = await getWorkspaceBySlugOrThrow(prisma, required("workspace"));
      const removed = await removeMember(prisma, workspace.id, required("email"));
      console.log(`${required("email")} (${removed.role}) is no longer a member of ${workspace.slug}.`);
      return;
    }
    case "apikey create": {
      const workspace = await getWorkspaceBySlugOrThrow(prisma, required("workspace"));
      const scopes = (values.scopes ?? "ingest,read").split(",").map((s) => s.trim()) as (
        "ingest" | "read"
      )[];
      // The service writes the audit entry with the key.
      const { key, apiKey } = await createApiKey(prisma, workspace.id, { name: required("name"), scopes });
      console.log(
        `Created API key ${apiKey.id} (${apiKey.scopes.join(", ")}). It is shown only now:\n\n  ${key}\n`,
      );
      return;
    }
    case "apikey revoke": {
      const workspace = await getWorkspaceBySlugOrThrow(prisma, required("workspace"));
      const apiKey = await revokeApiKey(prisma, workspace.id, required("id"));
      console.log(`Revoked API key ${apiKey.id} (${apiKey.name}).`);
      return;
    }
    default:
      throw new Error(`Unknown command "${positionals.join(" ")}".\n\n${USAGE}`);
  }
}

async function assignRole(
  prisma: Awaited<ReturnType<typeof getDb>>["prisma"],
  slug: string,
  email: string,
  role: string,
) {
  if (!isRole(role))
    throw new Error(`--role must be one of admin, manager, analyst, executive (got "${role}").`);
  const workspace = await getWorkspaceBySlugOrThrow(prisma, slug);
  await setRole(prisma, workspace.id, email, role);
  console.log(`${email} is ${role} in ${slug}.`);
}

try {
  await run();
} catch (error) {
  console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  const db = await getDb().catch(() => null);
  await db?.close();
}
