// Runs `prisma generate` offline. The Prisma CLI wants a schema-engine binary
// on every command; generate never executes it, so any executable will do.
import { execFileSync } from "node:child_process";
import process from "node:process";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
execFileSync("npx", ["--no-install", "prisma", "generate", "--schema", "prisma/schema"], {
  env,
  stdio: "inherit",
});
