import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";

import {
  E2E_BASE_URL,
  E2E_DATA_DIR,
  E2E_DIR,
  E2E_PORT,
  EXPECTED_FILE,
  OVERVIEW_WINDOW,
  SERVER_PID_FILE,
} from "./e2e-env";
import { queryExpectedOverview } from "./expected-overview";

/**
 * Seeds the demo workspace into the run's own embedded database (kept between local runs;
 * E2E_FRESH=1 starts over), records the Overview numbers by direct SQL, then starts the
 * production server — exactly as `npm start` does — and waits until it answers.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL && !process.env.DATABASE_URL.startsWith("pglite:")) {
    throw new Error("The end-to-end run uses its own embedded database; unset DATABASE_URL.");
  }
  if (process.env.E2E_FRESH === "1") fs.rmSync(E2E_DIR, { recursive: true, force: true });
  fs.mkdirSync(E2E_DIR, { recursive: true });
  const env = { ...process.env, RESONANS_DATA_DIR: E2E_DATA_DIR, DATABASE_URL: "" };

  const seed = spawnSync(
    "npx",
    ["--no-install", "tsx", "--conditions=react-server", "prisma/seed/index.ts", "--if-empty"],
    {
      env,
      stdio: "inherit",
    },
  );
  if (seed.status !== 0) throw new Error("Seeding the end-to-end database failed.");

  const expected = await queryExpectedOverview(E2E_DATA_DIR, OVERVIEW_WINDOW);
  fs.writeFileSync(EXPECTED_FILE, JSON.stringify(expected, null, 2));

  const server = spawn("node", ["scripts/start.mjs"], {
    env: { ...env, PORT: String(E2E_PORT), AUTH_SECRET: "e2e-only-secret-not-for-production-use-0123456789" },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  fs.writeFileSync(SERVER_PID_FILE, String(server.pid));
  server.unref();
  await waitForServer(`${E2E_BASE_URL}/sign-in`, 10 * 60_000, server.pid!);
}

async function waitForServer(url: string, timeoutMs: number, pid: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      throw new Error("The Resonans server exited before it was ready.");
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`The Resonans server did not answer at ${url} within ${timeoutMs / 1000} s.`);
}
