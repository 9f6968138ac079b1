// Lets the standard Prisma CLI (`prisma migrate deploy`, `prisma studio`) work where its
// engine binary can be fetched. Resonans itself applies migrations without it (npm run db:migrate).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
