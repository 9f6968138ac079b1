// npm run db:migrate — applies pending migrations to the configured database.
import { databaseTargetFromEnv, describeTarget } from "@/lib/server/db/config";
import { openDatabase } from "@/lib/server/db/connection";
import { applyMigrations } from "@/lib/server/db/migrate";

const target = databaseTargetFromEnv();
const db = await openDatabase(target);
try {
  const applied = await applyMigrations(db.sql);
  console.log(
    applied.length > 0
      ? `${describeTarget(target)}: applied ${applied.length} migration(s): ${applied.join(", ")}`
      : `${describeTarget(target)}: up to date`,
  );
} finally {
  await db.close();
}
