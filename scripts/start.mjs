// npm start — prepares and serves Resonans in production mode:
// 1. an AUTH_SECRET (generated once into .data/ when the environment has none, embedded mode only),
// 2. migrations, and on the first start of an empty embedded database the demo workspace,
// 3. a production build when there is none or the sources are newer,
// 4. `next start` on $PORT (default 3000), on $RESONANS_HOST when set.
import { spawnSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import process from "node:process";

const root = process.cwd();
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true",
};
const embedded = !env.DATABASE_URL;

function run(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!env.AUTH_SECRET) {
  if (!embedded) {
    console.error(
      "AUTH_SECRET is not set. Set it to a long random string (for example: openssl rand -base64 32).",
    );
    process.exit(1);
  }
  const file = path.join(root, ".data", "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
  }
  env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}

const tsx = ["--no-install", "tsx", "--conditions=react-server"];
if (embedded) run("npx", [...tsx, "prisma/seed/index.ts", "--if-empty"]);
else run("npx", [...tsx, "scripts/db-migrate.ts"]);

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) {
    if (entry === "generated" || entry === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

const buildId = path.join(root, ".next", "BUILD_ID");
const sources = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "package-lock.json",
];
const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
if (process.argv.includes("--rebuild") || sources.some((s) => newestMtime(path.join(root, s)) > builtAt)) {
  run("npx", ["--no-install", "next", "build"]);
}

const port = env.PORT ?? "3000";
console.log(
  `\nResonans is starting on http://localhost:${port} — sign in with a demo user (see README.md).\n`,
);
// RESONANS_HOST binds one address only (the load test: 127.0.0.1); default all interfaces.
const host = env.RESONANS_HOST ? ["-H", env.RESONANS_HOST] : [];
const server = spawn("npx", ["--no-install", "next", "start", "-p", port, ...host], {
  stdio: "inherit",
  env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
