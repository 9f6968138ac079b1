"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

import { defaultDecimal, detectDelimiter, formatFromFileName } from "@/lib/import/detect-csv-dialect";
import type { ImportView } from "@/lib/import/import-view";
import { MAX_IMPORT_BYTES, type ImportOptions } from "@/lib/schemas/import";

import { ChosenFileSummary } from "./chosen-file-summary";
import { CsvMappingSection } from "./csv-mapping-section";
import { FilePicker } from "./file-picker";
import { formatBytes } from "./import-format";
import { importKeys } from "./import-query-keys";
import { NdjsonPreviewList } from "./ndjson-preview-list";
import { firstLine, readFileHead } from "./read-file-head";
import { buttonStyles } from "./styles";
import { UploadError, uploadImport } from "./upload-import";
import { UploadProgress } from "./upload-progress";
import { useImportPreview, type ChosenFile, type CsvDialect, type EditedMapping } from "./use-import-preview";

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; sent: number; total: number }
  | { kind: "failed"; message: string }
  | { kind: "done"; view: ImportView };

/**
 * Chooses a file, previews how it will be read (CSV: delimiter, number locale, column mapping
 * and sample rows; NDJSON: the first lines), then uploads it with a progress bar and puts the
 * new import at the top of the history.
 */
export function ImportUploadPanel({ slug }: { slug: string }) {
  const t = useTranslations("data");
  const locale = useLocale();
  const queryClient = useQueryClient();
  const inputRef = useRef<HTMLInputElement>(null);
  const abortUpload = useRef<(() => void) | null>(null);
  const readCount = useRef(0);
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [dialect, setDialect] = useState<CsvDialect>({ delimiter: ",", detected: ",", decimal: "point" });
  const [edited, setEdited] = useState<EditedMapping | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [note, setNote] = useState<string | null>(null);
  const uploading = phase.kind === "uploading";

  // Leaving the page stops an upload: ask first, and stop it cleanly if the panel goes away.
  useEffect(() => {
    if (!uploading) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [uploading]);
  useEffect(() => () => abortUpload.current?.(), []);

  async function choose(files: FileList) {
    const file = files[0];
    const reading = ++readCount.current;
    const suggested = formatFromFileName(file.name);
    setNote(files.length > 1 ? t("upload.manyFiles", { count: files.length, name: file.name }) : null);
    setPhase({ kind: "idle" });
    setEdited(null);
    setChosen({ file, format: suggested, suggested, head: null, readError: null });
    if (file.size > MAX_IMPORT_BYTES || file.size === 0) return;
    try {
      const head = await readFileHead(file);
      if (reading !== readCount.current) return;
      const detected = detectDelimiter(firstLine(head));
      setDialect({ delimiter: detected, detected, decimal: defaultDecimal(detected) });
      setChosen((current) => (current?.file === file ? { ...current, head } : current));
    } catch (error) {
      if (reading !== readCount.current) return;
      const readError = t("upload.readError", { reason: (error as Error).message });
      setChosen((current) => (current?.file === file ? { ...current, readError } : current));
    }
  }

  function clear() {
    readCount.current++;
    setChosen(null);
    setEdited(null);
    setNote(null);
    if (inputRef.current) inputRef.current.value = "";
  }

  const { csvPreview, ndjsonPreview, headerKey, mapping, problems, sampleChecks, blockers, reading } =
    useImportPreview(chosen, dialect, edited, locale);
  const canStart = chosen !== null && !reading && blockers.length === 0 && !uploading;

  function start() {
    if (!chosen || !canStart) return;
    const { file } = chosen;
    const options: ImportOptions =
      chosen.format === "csv"
        ? { format: "csv", delimiter: dialect.delimiter, decimal: dialect.decimal, mapping }
        : { format: "ndjson" };
    setPhase({ kind: "uploading", sent: 0, total: file.size });
    const upload = uploadImport(
      slug,
      file,
      options,
      (sent, total) =>
        setPhase((current) => (current.kind === "uploading" ? { kind: "uploading", sent, total } : current)),
      t,
    );
    abortUpload.current = upload.abort;
    upload.done.then(
      (view) => {
        abortUpload.current = null;
        queryClient.setQueryData<{ imports: ImportView[] }>(importKeys.list(slug), (old) => ({
          imports: [view, ...(old?.imports ?? []).filter((other) => other.id !== view.id)],
        }));
        void queryClient.invalidateQueries({ queryKey: importKeys.all(slug) });
        clear();
        setPhase({ kind: "done", view });
      },
      (error: unknown) => {
        abortUpload.current = null;
        if (error instanceof UploadError && error.aborted) {
          setPhase({ kind: "idle" });
          setNote(error.message);
          return;
        }
        const message = error instanceof UploadError ? error.message : t("upload.failed");
        setPhase({ kind: "failed", message });
      },
    );
  }

  return (
    <section
      aria-labelledby="import-upload-title"
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <h2 id="import-upload-title" className="text-base font-semibold text-slate-900">
        {t("upload.title")}
      </h2>
      <p className="mt-0.5 mb-4 text-sm text-slate-600">{t("upload.intro")}</p>
      <FilePicker inputRef={inputRef} disabled={uploading} onFiles={(files) => void choose(files)} />
      <div aria-live="polite">
        {phase.kind === "done" ? (
          <p className="mt-4 rounded-lg border border-chart-3/40 bg-chart-3/10 px-4 py-3 text-sm text-slate-900">
            <span aria-hidden className="mr-1 font-semibold text-chart-3">
              ✓
            </span>
            {t.rich("upload.queued", {
              name: phase.view.fileName,
              id: String(phase.view.id),
              link: (chunks) => (
                <a
                  href={`#import-${phase.view.id}`}
                  className="font-medium text-brand underline underline-offset-2"
                >
                  {chunks}
                </a>
              ),
            })}
          </p>
        ) : null}
        {note ? <p className="mt-3 text-sm text-slate-700">{note}</p> : null}
      </div>
      {chosen ? (
        <div className="mt-5 space-y-5">
          <ChosenFileSummary
            chosen={chosen}
            locale={locale}
            disabled={uploading}
            onFormat={(format) => setChosen({ ...chosen, format })}
            onRemove={clear}
          />

          {reading ? <p className="text-sm text-slate-600">{t("upload.reading")}</p> : null}
          {csvPreview && csvPreview.header.length > 0 ? (
            <CsvMappingSection
              preview={csvPreview}
              delimiter={dialect.delimiter}
              detected={dialect.detected}
              decimal={dialect.decimal}
              mapping={mapping}
              duplicated={problems.duplicated}
              sampleChecks={sampleChecks}
              disabled={uploading}
              onDelimiter={(delimiter) => setDialect({ ...dialect, delimiter })}
              onDecimal={(decimal) => setDialect({ ...dialect, decimal })}
              onMap={(index, target) =>
                setEdited({
                  key: headerKey,
                  mapping: mapping.map((old, at) => (at === index ? target : old)),
                })
              }
            />
          ) : null}
          {ndjsonPreview ? (
            <div>
              <h3 className="text-sm font-semibold text-slate-900">{t("ndjson.title")}</h3>
              <p className="mt-0.5 mb-3 text-sm text-slate-600">
                {t("ndjson.intro")}
                {ndjsonPreview.length > 0 && ndjsonPreview.every((line) => line.notJson !== null)
                  ? ` ${t("ndjson.noneJson")}`
                  : ""}
              </p>
              <NdjsonPreviewList lines={ndjsonPreview} />
            </div>
          ) : null}

          {blockers.length > 0 ? (
            <div
              id="import-blockers"
              data-testid="import-blockers"
              role="alert"
              className="rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900"
            >
              <p className="font-semibold">{t("upload.blockersTitle")}</p>
              <ul className="mt-1 list-disc space-y-0.5 pl-5">
                {blockers.map((blocker) => (
                  <li key={blocker}>{blocker}</li>
                ))}
              </ul>
            </div>
          ) : null}

          {phase.kind === "uploading" ? (
            <UploadProgress
              fileName={chosen.file.name}
              sent={phase.sent}
              total={phase.total}
              locale={locale}
              onCancel={() => abortUpload.current?.()}
            />
          ) : (
            <div className="flex flex-wrap items-center gap-3">
              <button
                type="button"
                onClick={start}
                disabled={!canStart}
                aria-describedby={blockers.length > 0 ? "import-blockers" : undefined}
                className={buttonStyles.primary}
              >
                {t("upload.start")}
              </button>
              <span className="text-xs text-slate-500">
                {t("upload.startNote", { size: formatBytes(chosen.file.size, locale) })}
              </span>
            </div>
          )}
        </div>
      ) : null}
      {phase.kind === "failed" ? (
        <p
          role="alert"
          className="mt-4 rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900"
        >
          {phase.message}
        </p>
      ) : null}
    </section>
  );
}
