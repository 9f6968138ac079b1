import path from "node:path";

/** Where the end-to-end run keeps its own embedded database, apart from the one `npm start` uses. */
export const E2E_DIR = path.resolve(".data/e2e");
export const E2E_DATA_DIR = path.join(E2E_DIR, "pglite");
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const EXPECTED_FILE = path.join(E2E_DIR, "expected-overview.json");
export const SERVER_PID_FILE = path.join(E2E_DIR, "server.pid");
export const SCREENSHOT_DIR = path.resolve("test-results/screenshots");

/** The fixed window the Overview test opens (inclusive dates, workspace time zone). */
export const OVERVIEW_WINDOW = { from: "2026-10-04", to: "2026-10-31" };

export const ROLES = ["admin", "manager", "analyst", "executive"] as const;
export type E2eRole = (typeof ROLES)[number];

export function storageStatePath(role: E2eRole): string {
  return path.resolve("e2e/.auth", `${role}.json`);
}

export const DEMO_PASSWORD = "nordlys-demo-2026";
export const demoEmail = (role: E2eRole) => `${role}@nordlys-sport.example`;
