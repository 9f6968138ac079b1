import fs from "node:fs";

import { SERVER_PID_FILE } from "./e2e-env";

/** Stops the server the global setup started (its whole process group). */
export default async function globalTeardown(): Promise<void> {
  if (!fs.existsSync(SERVER_PID_FILE)) return;
  const pid = Number(fs.readFileSync(SERVER_PID_FILE, "utf8"));
  fs.rmSync(SERVER_PID_FILE);
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    return;
  }
  // Give PGlite a moment to close cleanly, then make sure nothing is left.
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    try {
      process.kill(-pid, 0);
    } catch {
      return;
    }
  }
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
}
