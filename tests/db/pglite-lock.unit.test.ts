import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { lockDataDir } from "@/lib/server/db/pglite-lock";

// The lock for <dir>/data is the file <dir>/data.lock holding the owner's pid.
let tempDir: string;
let dataDir: string;
let lockPath: string;
const children: ChildProcess[] = [];

beforeEach(() => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "resonans-lock-test-"));
  dataDir = path.join(tempDir, "data");
  lockPath = path.join(tempDir, "data.lock");
});

afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  fs.rmSync(tempDir, { recursive: true, force: true });
});

const readLock = () => fs.readFileSync(lockPath, "utf8");

/** A process of someone else's that stays alive until the test ends. */
function liveForeignPid(): number {
  const child = spawn("sleep", ["30"], { stdio: "ignore" });
  children.push(child);
  expect(child.pid).toBeTypeOf("number");
  return child.pid as number;
}

/** The pid of a process that has already exited (and been reaped). */
function deadPid(): number {
  const result = spawnSync("true");
  expect(result.status).toBe(0);
  return result.pid;
}

describe("lockDataDir", () => {
  test("writes this process's pid beside the data directory; release removes the file", () => {
    const release = lockDataDir(dataDir);
    expect(readLock()).toBe(String(process.pid));
    release();
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  test("creates the parent directory of a data directory that does not exist yet", () => {
    const nested = path.join(tempDir, "a", "b", "data");
    const release = lockDataDir(nested);
    expect(fs.readFileSync(path.join(tempDir, "a", "b", "data.lock"), "utf8")).toBe(String(process.pid));
    release();
  });

  test("a second lock from the same process is allowed and releasing it is a no-op", () => {
    const release = lockDataDir(dataDir);
    const second = lockDataDir(dataDir);
    second();
    expect(readLock()).toBe(String(process.pid)); // the first lock still holds
    release();
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  test("refuses a directory whose lock holds a live foreign pid, and leaves that lock alone", () => {
    const foreign = liveForeignPid();
    fs.writeFileSync(lockPath, String(foreign));
    expect(() => lockDataDir(dataDir)).toThrow(
      `The embedded database in ${dataDir} is in use by another Resonans process (pid ${foreign})`,
    );
    expect(readLock()).toBe(String(foreign));
  });

  test("takes over a stale lock left by a process that died", () => {
    fs.writeFileSync(lockPath, String(deadPid()));
    const release = lockDataDir(dataDir);
    expect(readLock()).toBe(String(process.pid));
    release();
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  test("takes over a lock file that does not hold a pid", () => {
    fs.writeFileSync(lockPath, "garbage");
    const release = lockDataDir(dataDir);
    expect(readLock()).toBe(String(process.pid));
    release();
  });

  test("release leaves a lock alone that another process has taken since", () => {
    const release = lockDataDir(dataDir);
    const foreign = liveForeignPid();
    fs.writeFileSync(lockPath, String(foreign));
    release();
    expect(readLock()).toBe(String(foreign));
  });
});
