"use client";

import { useTranslations } from "next-intl";

import type { ImportTarget } from "@/lib/import/import-fields";
import type { CsvDelimiter, DecimalSeparator } from "@/lib/schemas/import";

import { ColumnMappingTable } from "./column-mapping-table";
import { CsvOptions } from "./csv-options";
import type { CsvPreview } from "./csv-preview";

/** How to read a CSV file and which field each column fills, with its first rows to check by eye. */
export function CsvMappingSection({
  preview,
  delimiter,
  detected,
  decimal,
  mapping,
  duplicated,
  sampleChecks,
  disabled,
  onDelimiter,
  onDecimal,
  onMap,
}: {
  preview: CsvPreview;
  delimiter: CsvDelimiter;
  detected: CsvDelimiter;
  decimal: DecimalSeparator;
  mapping: readonly (ImportTarget | null)[];
  duplicated: ReadonlySet<string>;
  /** What the import would say about each sample row; null while the mapping is incomplete. */
  sampleChecks: { line: number; errors: string[] }[] | null;
  disabled: boolean;
  onDelimiter: (delimiter: CsvDelimiter) => void;
  onDecimal: (decimal: DecimalSeparator) => void;
  onMap: (index: number, target: ImportTarget | null) => void;
}) {
  const t = useTranslations("data.mapping");
  const rejected = sampleChecks?.filter((check) => check.errors.length > 0) ?? [];
  return (
    <div className="space-y-5">
      <CsvOptions
        delimiter={delimiter}
        detected={detected}
        decimal={decimal}
        disabled={disabled}
        onDelimiter={onDelimiter}
        onDecimal={onDecimal}
      />
      <div>
        <h3 className="text-sm font-semibold text-slate-900">{t("title")}</h3>
        <p className="mt-0.5 mb-3 text-sm text-slate-600">
          {t("intro", { count: preview.header.length })}
          {preview.header.length === 1 ? ` ${t("oneColumn")}` : ""}
        </p>
        <ColumnMappingTable
          header={preview.header}
          rows={preview.rows}
          mapping={mapping}
          duplicated={duplicated}
          disabled={disabled}
          onChange={onMap}
        />
      </div>
      {preview.unreadable.length > 0 ? (
        <ul className="space-y-1 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {preview.unreadable.map((skip) => (
            <li key={`${skip.line}:${skip.reason}`}>
              {t("unreadable", { line: skip.line, reason: skip.reason })}
            </li>
          ))}
        </ul>
      ) : null}
      {sampleChecks && sampleChecks.length > 0 ? (
        <div
          data-testid="sample-check"
          className={`rounded-lg border px-4 py-3 text-sm ${
            rejected.length > 0
              ? "border-amber-300 bg-amber-50 text-amber-900"
              : "border-slate-200 bg-slate-50 text-slate-700"
          }`}
        >
          {rejected.length === 0 ? (
            <p>
              <span aria-hidden className="mr-1 font-semibold text-chart-3">
                ✓
              </span>
              {t("allValid", { count: sampleChecks.length })}
            </p>
          ) : (
            <>
              <p className="font-medium">
                {t("someRejected", { count: sampleChecks.length, rejected: rejected.length })}
              </p>
              <ul className="mt-1 list-disc space-y-0.5 pl-5">
                {rejected.map((check) => (
                  <li key={check.line}>
                    {t("lineErrors", { line: check.line, errors: check.errors.join("; ") })}
                  </li>
                ))}
              </ul>
              <p className="mt-1 text-xs">{t("rejectedNote")}</p>
            </>
          )}
        </div>
      ) : null}
    </div>
  );
}
