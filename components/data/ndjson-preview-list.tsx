import { useTranslations } from "next-intl";

import type { NdjsonPreviewLine } from "./ndjson-preview";

/** The first lines of an NDJSON file, pretty-printed, each marked valid, rejected or not JSON. */
export function NdjsonPreviewList({ lines }: { lines: readonly NdjsonPreviewLine[] }) {
  const t = useTranslations("data.ndjson");
  if (lines.length === 0) {
    return <p className="text-sm text-slate-600">{t("empty")}</p>;
  }
  return (
    <ol className="space-y-3" aria-label={t("listLabel", { count: lines.length })}>
      {lines.map((line) => (
        <li key={line.line} data-testid="ndjson-line" className="rounded-lg border border-slate-200">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-100 bg-slate-50 px-3 py-2 text-xs">
            <span className="font-semibold text-slate-700">{t("line", { line: line.line })}</span>
            <LineVerdict line={line} />
          </div>
          {line.notJson !== null ? (
            <p className="px-3 pt-2 text-xs text-red-800">{line.notJson}</p>
          ) : line.errors.length > 0 ? (
            <ul className="list-disc space-y-0.5 px-3 pt-2 pl-7 text-xs text-amber-900">
              {line.errors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          ) : null}
          <pre className="max-h-48 overflow-auto px-3 py-2 font-mono text-xs whitespace-pre-wrap break-all text-slate-800">
            {line.notJson === null ? JSON.stringify(line.value, null, 2) : line.text.slice(0, 2000)}
          </pre>
        </li>
      ))}
    </ol>
  );
}

function LineVerdict({ line }: { line: NdjsonPreviewLine }) {
  const t = useTranslations("data.ndjson");
  if (line.notJson !== null) {
    return (
      <span className="inline-flex items-center gap-1 rounded-full border border-red-300 bg-red-50 px-2 py-0.5 font-medium text-red-800">
        <span aria-hidden>✕</span> {t("notJson")}
      </span>
    );
  }
  if (line.errors.length > 0) {
    return (
      <span className="inline-flex items-center gap-1 rounded-full border border-amber-300 bg-amber-50 px-2 py-0.5 font-medium text-amber-900">
        <span aria-hidden>!</span> {t("rejected")}
      </span>
    );
  }
  return (
    <span className="inline-flex items-center gap-1 rounded-full border border-emerald-300 bg-emerald-50 px-2 py-0.5 font-medium text-emerald-900">
      <span aria-hidden>✓</span> {t("valid")}
    </span>
  );
}
