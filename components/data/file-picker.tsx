"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { MAX_IMPORT_BYTES } from "@/lib/schemas/import";

/** The extensions the picker offers; any other file may still be dropped and read as CSV. */
export const IMPORT_FILE_ACCEPT = ".csv,.tsv,.txt,.ndjson,.jsonl";

/**
 * Chooses the file to import: a real, labelled `<input type="file">` (keyboard and screen
 * reader as the browser made it) inside a zone that also takes a dropped file.
 */
export function FilePicker({
  inputRef,
  disabled,
  onFiles,
}: {
  inputRef: React.RefObject<HTMLInputElement | null>;
  disabled: boolean;
  /** Called with the chosen or dropped files (the first one is imported). */
  onFiles: (files: FileList) => void;
}) {
  const t = useTranslations("data.picker");
  const [dragging, setDragging] = useState(false);

  function drop(event: React.DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const files = event.dataTransfer.files;
    if (disabled || files.length === 0) return;
    if (inputRef.current) inputRef.current.files = files;
    onFiles(files);
  }

  return (
    <div
      onDragEnter={(event) => {
        event.preventDefault();
        if (!disabled) setDragging(true);
      }}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = disabled ? "none" : "copy";
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={drop}
      className={`rounded-xl border-2 border-dashed px-4 py-6 text-center transition-colors sm:px-6 ${
        dragging ? "border-brand bg-brand-soft" : "border-slate-300 bg-slate-50"
      }`}
    >
      <svg
        aria-hidden
        viewBox="0 0 24 24"
        className="mx-auto h-8 w-8 text-slate-400"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
      >
        <path
          strokeLinecap="round"
          strokeLinejoin="round"
          d="M12 16V4m0 0-4 4m4-4 4 4M4 16v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2"
        />
      </svg>
      <label htmlFor="import-file" className="mt-2 block text-sm font-semibold text-slate-900">
        {t("label")}
      </label>
      <p id="import-file-hint" className="mx-auto mt-1 max-w-prose text-sm text-slate-600">
        {dragging ? t("dropping") : t("drop")} {t("accepts", { limit: MAX_IMPORT_BYTES / 1024 / 1024 })}
      </p>
      <input
        ref={inputRef}
        id="import-file"
        type="file"
        accept={IMPORT_FILE_ACCEPT}
        disabled={disabled}
        aria-describedby="import-file-hint"
        onChange={(event) => {
          if (event.target.files && event.target.files.length > 0) onFiles(event.target.files);
        }}
        className="mx-auto mt-4 block w-full max-w-sm cursor-pointer rounded-lg text-sm text-slate-700 file:mr-3 file:cursor-pointer file:rounded-lg file:border-0 file:bg-brand file:px-4 file:py-2 file:text-sm file:font-semibold file:text-white hover:file:bg-brand/90 disabled:cursor-not-allowed disabled:opacity-60"
      />
    </div>
  );
}
