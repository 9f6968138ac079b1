import "server-only";

import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";

import { MAX_IMPORT_BYTES } from "@/lib/schemas/import";
import { AppError } from "@/lib/server/errors";

import { importDir } from "./import-files";

const LIMIT_MESSAGE = `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, the most one import takes; split it.`;

/**
 * Streams a request body to a new file under the imports folder, never holding it in memory,
 * and refuses it (413) past 500 MB, by its Content-Length before reading or while reading.
 * A refused or broken upload leaves no file behind. Returns the file's path.
 */
export async function receiveUpload(request: Request, workspaceId: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_IMPORT_BYTES) throw new AppError("payload_too_large", LIMIT_MESSAGE);
  if (!request.body) throw new AppError("invalid_input", "Send the file as the request body.");

  const dir = path.join(importDir(), String(workspaceId));
  await fs.promises.mkdir(dir, { recursive: true });
  const filePath = path.join(dir, `${randomUUID()}.upload`);
  let received = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      if (received > MAX_IMPORT_BYTES) done(new AppError("payload_too_large", LIMIT_MESSAGE));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(
      Readable.fromWeb(request.body as unknown as WebReadableStream<Uint8Array>),
      limit,
      fs.createWriteStream(filePath),
    );
  } catch (error) {
    await fs.promises.rm(filePath, { force: true });
    if (error instanceof AppError) throw error;
    throw new AppError("invalid_input", "The upload was interrupted; nothing was imported. Try again.");
  }
  return filePath;
}
