// Global setup of the "postgres" project: one throwaway PostgreSQL cluster per test run.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

import type { TestProject } from "vitest/node";

import { assertLocalDatabaseUrl } from "../helpers/local-database-guard";

const PG_BIN = process.env.RESONANS_TEST_PG_BIN ?? "/usr/lib/postgresql/15/bin";
const PG_USER = "postgres";

interface Cluster {
  url: string;
  stop(): void;
}

export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startCluster();
  project.provide("postgresAdminUrl", cluster.url);
  return () => cluster.stop();
}

async function startCluster(): Promise<Cluster> {
  if (!fs.existsSync(path.join(PG_BIN, "pg_ctl"))) {
    throw new Error(`PostgreSQL server binaries not found in ${PG_BIN} (set RESONANS_TEST_PG_BIN)`);
  }
  const baseDir = fs.mkdtempSync(path.join(os.tmpdir(), "resonans-pg-"));
  const dataDir = path.join(baseDir, "data");
  const socketDir = path.join(baseDir, "sock");
  const logFile = path.join(baseDir, "server.log");
  fs.mkdirSync(socketDir);
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
    fs.rmSync(baseDir, { recursive: true, force: true });
  };
  // Also clean up when the run dies before vitest calls the teardown.
  process.once("exit", stop);

  try {
    run("initdb", ["-D", dataDir, "-A", "trust", "-U", PG_USER, "-E", "UTF8", "--no-sync"], baseDir);
    const port = await freePort();
    const options = `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c TimeZone=Pacific/Chatham`;
    started = true;
    run("pg_ctl", ["-D", dataDir, "-l", logFile, "-w", "-t", "60", "-o", options, "start"], baseDir);
    const url = `postgresql://${PG_USER}@127.0.0.1:${port}/postgres`;
    assertLocalDatabaseUrl(url);
    return { url, stop };
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
