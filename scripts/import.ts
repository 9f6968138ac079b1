// npm run import -- --workspace <slug> <file>: imports a CSV or NDJSON file from a terminal.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { SingleBar } from "cli-progress";

import { defaultDecimal, detectDelimiter, formatFromFileName } from "@/lib/import/detect-csv-dialect";
import { CSV_DELIMITERS, DECIMAL_SEPARATORS, type CsvDelimiter, type ImportOptions } from "@/lib/schemas/import";
import { getWorkspaceBySlugOrThrow } from "@/lib/server/admin/workspaces";
import { getDb } from "@/lib/server/db";
import { createImport } from "@/lib/server/import/create-import";
import { errorReportLines } from "@/lib/server/import/error-report";
import { claimBatch } from "@/lib/server/import/import-lease";
import { importPace } from "@/lib/server/import/import-runner";
import { resumeImport } from "@/lib/server/import/manage-imports";
import { runImport, type ImportProgress } from "@/lib/server/import/run-import";

const USAGE = `Usage: npm run import -- --workspace <slug> [options] <file>

  --format csv|ndjson        default: from the extension (.ndjson/.jsonl = NDJSON, else CSV)
  --delimiter ,|;|tab|\\|      CSV only; default: detected from the header line
  --decimal point|comma      CSV only; default: comma with ";" files, else point
  --errors <file.csv>        write the error report (line, reasons) there
  --new                      start a new import even if this file has an unfinished one

Columns are matched to event fields by header name (see docs/api.md). Re-running the same
command after an interruption resumes where it stopped; nothing is stored twice.`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    workspace: { type: "string" },
    format: { type: "string" },
    delimiter: { type: "string" },
    decimal: { type: "string" },
    errors: { type: "string" },
    new: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  },
});

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

async function readFirstLine(file: string): Promise<string> {
  const handle = await fs.promises.open(file, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString("utf8").replace(/^\uFEFF/, "").split(/\r?\n/)[0];
  } finally {
    await handle.close();
  }
}

async function importOptionsFor(file: string): Promise<ImportOptions> {
  const format = values.format ?? formatFromFileName(file);
  if (format === "ndjson") return { format };
  if (format !== "csv") fail(`--format must be csv or ndjson, not "${format}".`);
  const given = values.delimiter === "tab" ? "\t" : values.delimiter;
  if (given !== undefined && !(CSV_DELIMITERS as readonly string[]).includes(given)) {
    fail(`--delimiter must be one of , ; tab |, not "${values.delimiter}".`);
  }
  const delimiter = (given as CsvDelimiter | undefined) ?? detectDelimiter(await readFirstLine(file));
  const decimal = values.decimal ?? defaultDecimal(delimiter);
  if (!(DECIMAL_SEPARATORS as readonly string[]).includes(decimal)) fail(`--decimal must be point or comma.`);
  return { format: "csv", delimiter, decimal: decimal as "point" | "comma" };
}

const eta = (progress: ImportProgress, seconds: number) => {
  const done = progress.bytesDone - startBytes;
  if (done <= 0 || seconds < 1) return "…";
  const left = ((progress.totalBytes - progress.bytesDone) / done) * seconds;
  return left < 90 ? `${Math.round(left)} s` : `${Math.round(left / 60)} min`;
};
let startBytes = 0;

async function run(): Promise<number> {
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const slug = values.workspace ?? fail("--workspace is required.");
  if (positionals.length !== 1) fail("Name exactly one file.");
  const file = path.resolve(positionals[0]);
  const stat = await fs.promises.stat(file).catch(() => fail(`No file at ${file}.`));
  if (!stat.isFile()) fail(`${file} is not a file.`);

  opened = true;
  const db = await getDb().catch((error: Error) => {
    if (/lock|in use/i.test(error.message)) {
      fail(`${error.message}\nThe embedded database is open in a running Resonans server: stop it, or upload the file on the Data page.`);
    }
    throw error;
  });
  const { prisma } = db;
  const workspace = await getWorkspaceBySlugOrThrow(prisma, slug);
  const options = await importOptionsFor(file);

  let batch = values.new
    ? null
    : await prisma.importBatch.findFirst({
        where: {
          workspaceId: workspace.id,
          filePath: file,
          totalBytes: stat.size,
          status: { in: ["queued", "running", "cancelled", "failed"] },
          eventsDeletedAt: null,
        },
        orderBy: { id: "desc" },
      });
  if (batch && (batch.status === "cancelled" || batch.status === "failed")) {
    batch = await resumeImport(prisma, workspace.id, batch.id);
  }
  if (batch) {
    console.log(`Resuming import #${batch.id} of ${path.basename(file)} after line ${batch.linesDone.toLocaleString("en")}.`);
  } else {
    batch = await createImport(prisma, { workspaceId: workspace.id, fileName: path.basename(file), filePath: file, options });
    console.log(`Importing ${path.basename(file)} into ${workspace.name} as import #${batch.id}.`);
  }
  if (!(await claimBatch(prisma, batch))) {
    fail(`Import #${batch.id} is being run by another process (${batch.leaseOwner}); wait for it or cancel it on the Data page.`);
  }
  startBytes = Number(batch.bytesDone);

  const bar = new SingleBar({
    format: "{bar} {percentage}% | {rows} rows | {rate} rows/s | accepted {accepted} | duplicates {duplicates} | rejected {rejected} | {eta} left",
    hideCursor: true,
    noTTYOutput: !process.stdout.isTTY,
    notTTYSchedule: 2000,
  });
  const started = performance.now();
  const startRows = batch.rowsDone;
  const fields = (progress: ImportProgress) => {
    const seconds = (performance.now() - started) / 1000;
    return {
      rows: progress.rowsDone.toLocaleString("en"),
      rate: seconds > 0 ? Math.round((progress.rowsDone - startRows) / seconds).toLocaleString("en") : "…",
      accepted: progress.accepted.toLocaleString("en"),
      duplicates: progress.duplicates.toLocaleString("en"),
      rejected: progress.rejected.toLocaleString("en"),
      eta: eta(progress, seconds),
    };
  };
  bar.start(Number(batch.totalBytes), Number(batch.bytesDone), fields({ ...batch, bytesDone: Number(batch.bytesDone), totalBytes: Number(batch.totalBytes) }));
  const outcome = await runImport(db, batch, (progress) => bar.update(progress.bytesDone, fields(progress)), importPace(db));
  bar.stop();

  const final = await prisma.importBatch.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId: workspace.id, id: batch.id } } });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `Import #${final.id} ${final.status}: ${final.rowsDone.toLocaleString("en")} rows, ${final.accepted.toLocaleString("en")} accepted, ` +
      `${final.duplicates.toLocaleString("en")} duplicates, ${final.rejected.toLocaleString("en")} rejected, in ${seconds.toFixed(1)} s.`,
  );
  if (final.error) console.error(`Reason: ${final.error}`);
  if (final.rejected > 0) {
    const sample = await prisma.importRowError.findMany({ where: { workspaceId: workspace.id, batchId: final.id }, orderBy: { line: "asc" }, take: 5 });
    for (const row of sample) console.log(`  line ${row.line}: ${row.errors.join("; ")}`);
    if (values.errors) {
      const out = fs.createWriteStream(values.errors);
      for await (const chunk of errorReportLines(prisma, workspace.id, final.id)) out.write(chunk);
      await new Promise((resolve) => out.end(resolve));
      console.log(`Error report: ${values.errors}`);
    } else if (final.rejected > sample.length) {
      console.log(`  … and ${(final.rejected - sample.length).toLocaleString("en")} more; add --errors <file.csv> for the full report.`);
    }
  }
  return outcome === "completed" ? 0 : 1;
}

let opened = false;

run()
  .then(async (code) => {
    if (opened) await (await getDb()).close();
    process.exit(code);
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
