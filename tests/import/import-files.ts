import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, expect } from "vitest";

import type { ImportBatch, PrismaClient } from "@/lib/generated/prisma/client";
import type { ImportOptions } from "@/lib/schemas/import";
import type { ImportDatabase } from "@/lib/server/import/commit-chunk";
import { createImport } from "@/lib/server/import/create-import";
import { errorReportLines } from "@/lib/server/import/error-report";
import { claimBatch } from "@/lib/server/import/import-lease";
import {
  type ImportOutcome,
  type ImportPace,
  type ImportProgress,
  runImport,
} from "@/lib/server/import/run-import";

/** A temp directory for the calling test file's import files, removed after the file. */
export function setupTempDir(prefix = "resonans-import-"): { readonly path: string } {
  let dir: string | undefined;
  beforeAll(async () => {
    dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), prefix));
  });
  afterAll(async () => {
    if (dir) await fs.promises.rm(dir, { recursive: true, force: true });
  });
  return {
    get path() {
      expect(dir, "the temp directory is only available inside tests and hooks").toBeDefined();
      return dir as string;
    },
  };
}

export const ndjson = (events: readonly unknown[]) =>
  events.map((event) => JSON.stringify(event)).join("\n") + "\n";

export const NDJSON: ImportOptions = { format: "ndjson" };
export const NORDIC: ImportOptions = { format: "csv", delimiter: ";", decimal: "comma" };

/** Queues the file, claims the batch and runs it; returns the outcome and the batch after it. */
export async function importFile(
  db: ImportDatabase,
  workspaceId: number,
  filePath: string,
  options: ImportOptions,
  onProgress?: (progress: ImportProgress) => void,
  pace?: Partial<ImportPace>,
): Promise<{ outcome: ImportOutcome; batch: ImportBatch }> {
  const { prisma } = db;
  const queued = await createImport(prisma, {
    workspaceId,
    fileName: path.basename(filePath),
    filePath,
    options,
  });
  expect(await claimBatch(prisma, queued)).toBe(true);
  const outcome = await runImport(db, queued, onProgress, pace);
  return { outcome, batch: await findBatch(prisma, queued) };
}

export function findBatch(
  prisma: PrismaClient,
  batch: { workspaceId: number; id: number },
): Promise<ImportBatch> {
  return prisma.importBatch.findUniqueOrThrow({
    where: { workspaceId_id: { workspaceId: batch.workspaceId, id: batch.id } },
  });
}

/** The counters of a batch, for one readable expectation. */
export const counters = (batch: ImportBatch) => ({
  status: batch.status,
  rowsDone: batch.rowsDone,
  accepted: batch.accepted,
  duplicates: batch.duplicates,
  rejected: batch.rejected,
});

export async function rowErrors(prisma: PrismaClient, batch: { workspaceId: number; id: number }) {
  const rows = await prisma.importRowError.findMany({
    where: { workspaceId: batch.workspaceId, batchId: batch.id },
    orderBy: { line: "asc" },
  });
  return rows.map(({ line, errors }) => ({ line, errors }));
}

export async function errorReport(prisma: PrismaClient, batch: { workspaceId: number; id: number }) {
  let text = "";
  for await (const chunk of errorReportLines(prisma, batch.workspaceId, batch.id)) text += chunk;
  return text;
}

/** Every stored event of a workspace with all its content, without row ids and the batch it came from. */
export async function storedEvents(prisma: PrismaClient, workspaceId: number) {
  const events = await prisma.event.findMany({ where: { workspaceId }, orderBy: { eventKey: "asc" } });
  return events.map(
    ({ id: _id, workspaceId: _ws, importBatchId: _batch, receivedAt: _received, value, ...event }) => ({
      ...event,
      value: value === null ? null : value.toString(),
    }),
  );
}
