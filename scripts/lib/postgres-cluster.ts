// A throwaway PostgreSQL cluster in a temporary directory: for the test harness and the benchmarks.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const PG_BIN = process.env.RESONANS_TEST_PG_BIN ?? "/usr/lib/postgresql/15/bin";
const PG_USER = "postgres";

export interface Cluster {
  url: string;
  stop(): void;
  /** True when an existing cluster in `keepIn` was started again. */
  reused: boolean;
}

export interface ClusterOptions {
  /** Server settings (`-c name=value`) on top of the port, socket and listen address. */
  settings?: Record<string, string>;
  /**
   * Keep the cluster in this folder: reuse its data when present, and leave it on stop
   * (benchmarks that load millions of rows once). Default: a temporary folder, removed on stop.
   */
  keepIn?: string;
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  if (!fs.existsSync(path.join(PG_BIN, "pg_ctl"))) {
    throw new Error(`PostgreSQL server binaries not found in ${PG_BIN} (set RESONANS_TEST_PG_BIN)`);
  }
  const baseDir = options.keepIn ?? fs.mkdtempSync(path.join(os.tmpdir(), "resonans-pg-"));
  const dataDir = path.join(baseDir, "data");
  const socketDir = path.join(baseDir, "sock");
  const logFile = path.join(baseDir, "server.log");
  const reuse = options.keepIn !== undefined && fs.existsSync(path.join(dataDir, "PG_VERSION"));
  fs.mkdirSync(socketDir, { recursive: true });
  handOver(baseDir, socketDir);

  let started = false;
  const stop = () => {
    process.off("exit", stop);
    if (started) {
      started = false;
      spawnSync(...command("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]), {
        cwd: baseDir,
        stdio: "ignore",
      });
    }
    if (!options.keepIn) fs.rmSync(baseDir, { recursive: true, force: true });
  };
  // Also clean up when the run dies before vitest calls the teardown.
  process.once("exit", stop);

  try {
    if (!reuse)
      run("initdb", ["-D", dataDir, "-A", "trust", "-U", PG_USER, "-E", "UTF8", "--no-sync"], baseDir);
    const port = await freePort();
    const settings = Object.entries(options.settings ?? {}).map(([name, value]) => ` -c ${name}=${value}`);
    const serverOptions = `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1${settings.join("")}`;
    started = true;
    run("pg_ctl", ["-D", dataDir, "-l", logFile, "-w", "-t", "60", "-o", serverOptions, "start"], baseDir);
    return { url: `postgresql://${PG_USER}@127.0.0.1:${port}/postgres`, stop, reused: reuse };
  } catch (error) {
    const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").slice(-2000) : "";
    stop();
    throw new Error(`Could not start the test PostgreSQL cluster: ${(error as Error).message}\n${log}`);
  }
}

/** initdb refuses root: as root, the cluster belongs to the postgres user; otherwise to us. */
function runsAsRoot(): boolean {
  return process.getuid?.() === 0;
}

function handOver(...dirs: string[]): void {
  if (!runsAsRoot()) return;
  const uid = Number(execFileSync("id", ["-u", PG_USER], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", PG_USER], { encoding: "utf8" }).trim());
  for (const dir of dirs) fs.chownSync(dir, uid, gid);
}

function command(binary: string, args: string[]): [string, string[]] {
  const file = path.join(PG_BIN, binary);
  return runsAsRoot() ? ["runuser", ["-u", PG_USER, "--", file, ...args]] : [file, args];
}

function run(binary: string, args: string[], cwd: string): void {
  const [file, fullArgs] = command(binary, args);
  const result = spawnSync(file, fullArgs, { cwd, encoding: "utf8" });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${binary} exited with ${result.status}: ${result.stderr.trim()}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}
