import { openDatabase } from "@/lib/server/db/connection";
import { applyMigrations } from "@/lib/server/db/migrate";
import { createImport } from "@/lib/server/import/create-import";
import { claimBatch } from "@/lib/server/import/import-lease";
import { runImport } from "@/lib/server/import/run-import";

import { startCluster } from "../lib/postgres-cluster";

const [file, fmt, kind] = process.argv.slice(2);
const cluster = kind === "pg" ? await startCluster() : null;
const db = await openDatabase(cluster ? { kind: "postgres", url: cluster.url } : { kind: "pglite", dataDir: null });
await applyMigrations(db.sql);
const ws = await db.prisma.workspace.create({ data: { slug: "b", name: "B", timeZone: "UTC", currency: "NOK" } });
const options = fmt === "csv" ? { format: "csv" as const, delimiter: ";" as const, decimal: "comma" as const } : { format: "ndjson" as const };
const batch = await createImport(db.prisma, { workspaceId: ws.id, fileName: "x", filePath: file, options });
await claimBatch(db.prisma, batch);
const t0 = performance.now();
let last = 0;
const outcome = await runImport(db.prisma, batch, (p) => { if (performance.now() - last > 2000) { last = performance.now(); console.log(p.rowsDone, Math.round(p.rowsDone / ((performance.now() - t0) / 1000))); } });
const s = (performance.now() - t0) / 1000;
const b = await db.prisma.importBatch.findFirstOrThrow({ where: { id: batch.id } });
console.log(outcome, b.rowsDone, b.accepted, b.duplicates, b.rejected, `${s.toFixed(1)} s`, Math.round(b.rowsDone / s), "rows/s");
const errs = await db.prisma.importRowError.findMany({ take: 3 });
console.log(errs);
await db.close();
cluster?.stop();
