import type { ImportView } from "@/lib/import/import-view";
import { MAX_IMPORT_BYTES, type ImportOptions } from "@/lib/schemas/import";

import type { DataT } from "./data-t";
import { errorMessageOf, importsUrl } from "./import-api";

/** Why an upload did not start an import, in words for the page. */
export class UploadError extends Error {
  constructor(
    message: string,
    /** The user cancelled the upload. */
    readonly aborted = false,
  ) {
    super(message);
  }
}

export interface UploadHandle {
  /** The queued import, or an UploadError. */
  done: Promise<ImportView>;
  abort: () => void;
}

const LIMIT_MB = MAX_IMPORT_BYTES / 1024 / 1024;

/**
 * Uploads a file as the raw request body of POST /api/workspaces/:slug/imports, with its name
 * and reading options in headers. XMLHttpRequest rather than fetch: only it reports upload
 * progress. The file is streamed by the browser, never read into memory here.
 */
export function uploadImport(
  slug: string,
  file: File,
  options: ImportOptions,
  onProgress: (sent: number, total: number) => void,
  t: DataT,
): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<ImportView>((resolve, reject) => {
    xhr.open("POST", importsUrl(slug));
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.setRequestHeader("X-Import-File-Name", encodeURIComponent(file.name));
    xhr.setRequestHeader("X-Import-Options", encodeURIComponent(JSON.stringify(options)));
    xhr.upload.onprogress = (event) =>
      onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: described by its status below
      }
      const view = (body as { import?: ImportView } | null)?.import;
      if (xhr.status === 201 && view) resolve(view);
      else if (xhr.status === 413 && !(body as { error?: unknown } | null)?.error) {
        reject(new UploadError(t("sending.tooLarge", { limit: LIMIT_MB })));
      } else reject(new UploadError(errorMessageOf(xhr.status, body, t)));
    };
    xhr.onerror = () => reject(new UploadError(t("sending.connectionLost")));
    xhr.onabort = () => reject(new UploadError(t("sending.cancelled"), true));
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}
