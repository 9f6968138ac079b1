// The production server for the benchmarks: started as `npm start` starts it (seeds an empty
// embedded database, builds when the sources are newer than the build, then `next start`),
// in its own process group so that stopping it stops the Next.js server it starts too.
import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";

export interface RunningServer {
  url: string;
  server: ChildProcess;
}

/** Whether something already answers HTTP at the URL. */
export function isAnswering(url: string): Promise<boolean> {
  return fetch(url).then(
    () => true,
    () => false,
  );
}

/** A TCP port on the loopback interface that nothing listens on now. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts `scripts/start.mjs` on the port with the extra environment and waits until
 * `/sign-in` answers (up to 15 minutes: a first build takes a while). Refuses a busy port.
 * With `host`, the server listens on that address only (RESONANS_HOST).
 */
export async function startProductionServer(
  port: number,
  env: Record<string, string> = {},
  host?: string,
): Promise<RunningServer> {
  const url = `http://${host ?? "localhost"}:${port}`;
  if (await isAnswering(`${url}/sign-in`)) {
    throw new Error(`port ${port} is already in use: stop what listens there first`);
  }
  const server = spawn("node", ["scripts/start.mjs"], {
    env: { ...process.env, ...env, PORT: String(port), ...(host ? { RESONANS_HOST: host } : {}) },
    stdio: "inherit",
    detached: true,
  });
  let exited = false;
  server.once("exit", () => (exited = true));
  for (let waited = 0; waited < 900; waited += 2) {
    if (exited) throw new Error("the server exited before it answered");
    try {
      if ((await fetch(`${url}/sign-in`)).ok) return { url, server };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  await stopServer(server);
  throw new Error("the server did not start within 15 minutes");
}

/** Stops the server's whole process group and waits (up to 10 s) until it is gone. */
export async function stopServer(server: ChildProcess): Promise<void> {
  const group = -server.pid!;
  try {
    process.kill(group, "SIGTERM");
  } catch {
    return; // already gone
  }
  for (let i = 0; i < 40; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    try {
      process.kill(group, 0);
    } catch {
      return;
    }
  }
  try {
    process.kill(group, "SIGKILL");
  } catch {
    // already gone
  }
}
