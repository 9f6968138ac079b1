import type { Role } from "@/lib/auth/permissions";
import { createApiKey } from "@/lib/server/admin/api-keys";
import { setRole, upsertUser } from "@/lib/server/admin/users";
import { createWorkspace } from "@/lib/server/admin/workspaces";
import type { Database } from "@/lib/server/db/connection";

import { seedDemoData } from "./demo-data";

export const DEMO_SLUG = "nordlys-sport";
export const SECOND_SLUG = "fjord-friluft";
export const DEMO_PASSWORD = "nordlys-demo-2026";
/** Published with the demo, like the passwords: never use the demo workspace for real data. */
export const DEMO_API_KEY = "rsn_demo_nordlys_sport_2026_ingest_read";

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "admin@nordlys-sport.example", name: "Astrid Admin", role: "admin" },
  { email: "manager@nordlys-sport.example", name: "Mads Manager", role: "manager" },
  { email: "analyst@nordlys-sport.example", name: "Anna Analyst", role: "analyst" },
  { email: "executive@nordlys-sport.example", name: "Erik Executive", role: "executive" },
];

export interface DemoSeedOptions {
  customers?: number;
  months?: number;
  seed?: number;
  onProgress?: (done: number, total: number, label: string) => void;
}

/** Creates the "Nordlys Sport" demo workspace with its users, API key and generated events. */
export async function seedDemoWorkspace(db: Database, options: DemoSeedOptions = {}) {
  const { prisma } = db;
  const workspace = await createWorkspace(prisma, {
    name: "Nordlys Sport",
    slug: DEMO_SLUG,
    timeZone: "Europe/Copenhagen",
    currency: "DKK",
    defaultLocale: "da",
    frequencyCap: 3,
  });
  for (const user of DEMO_USERS) {
    await upsertUser(prisma, { email: user.email, name: user.name, password: DEMO_PASSWORD });
    await setRole(prisma, workspace.id, user.email, user.role);
  }
  await createApiKey(
    prisma,
    workspace.id,
    { name: "Demo key", scopes: ["ingest", "read"] },
    null,
    DEMO_API_KEY,
  );
  await createSecondWorkspace(db);
  const result = await seedDemoData(db, workspace.id, options);
  return { workspace, ...result };
}

/** An empty second workspace for the demo admin: shows switching and the empty state. */
async function createSecondWorkspace(db: Database) {
  if (await db.prisma.workspace.findUnique({ where: { slug: SECOND_SLUG } })) return;
  const workspace = await createWorkspace(db.prisma, {
    name: "Fjord Friluft",
    slug: SECOND_SLUG,
    timeZone: "Europe/Oslo",
    currency: "NOK",
    defaultLocale: "nb",
  });
  const admin = DEMO_USERS.find((user) => user.role === "admin")!;
  await setRole(db.prisma, workspace.id, admin.email, "admin");
}

/** Deletes the demo workspace and everything in it. */
export async function deleteDemoWorkspace(db: Database): Promise<boolean> {
  const existing = await db.prisma.workspace.findUnique({ where: { slug: DEMO_SLUG } });
  if (!existing) return false;
  // Bulk tables first, in plain SQL: cascading a million rows through Prisma is slow.
  for (const table of ["Event", "CustomerConsent", "CustomerPreference", "Customer", "Message"]) {
    await db.sql.query(`DELETE FROM "${table}" WHERE "workspaceId" = $1`, [existing.id]);
  }
  await db.prisma.workspace.delete({ where: { id: existing.id } });
  return true;
}
