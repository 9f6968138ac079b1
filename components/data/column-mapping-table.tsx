"use client";

import { useTranslations } from "next-intl";

import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportTarget } from "@/lib/import/import-fields";

import { describeField, nestedTargetsFor } from "./column-targets";
import type { CsvPreviewRow } from "./csv-preview";
import { stackedTable } from "./styles";

const SKIP = "";

/**
 * One row per column of the file: its header, the field it imports as (prefilled by the same
 * header matching the import uses), and its first values.
 */
export function ColumnMappingTable({
  header,
  rows,
  mapping,
  duplicated,
  disabled,
  onChange,
}: {
  header: readonly string[];
  rows: readonly CsvPreviewRow[];
  mapping: readonly (ImportTarget | null)[];
  /** Targets chosen for more than one column. */
  duplicated: ReadonlySet<string>;
  disabled: boolean;
  onChange: (index: number, target: ImportTarget | null) => void;
}) {
  const t = useTranslations("data");
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200">
      <table role="table" className={stackedTable.table}>
        <caption className="sr-only">{t("mapping.caption", { count: rows.length })}</caption>
        <thead role="rowgroup" className={stackedTable.head}>
          <tr role="row">
            <th role="columnheader" scope="col" className="px-4 py-2.5">
              {t("mapping.column")}
            </th>
            <th role="columnheader" scope="col" className="px-4 py-2.5">
              {t("mapping.importsAs")}
            </th>
            <th role="columnheader" scope="col" className="px-4 py-2.5">
              {t("mapping.firstValues")}
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup" className={stackedTable.body}>
          {header.map((name, index) => {
            const target = mapping[index] ?? null;
            const twice = target !== null && duplicated.has(target);
            const required =
              target !== null && (REQUIRED_IMPORT_FIELDS as readonly string[]).includes(target);
            const noteId = `mapping-note-${index}`;
            return (
              <tr
                role="row"
                key={index}
                data-testid="mapping-row"
                data-header={name}
                className={`${stackedTable.row} ${target === null ? "bg-slate-50/70" : ""}`}
              >
                <th role="rowheader" scope="row" className={`${stackedTable.cell} font-normal`}>
                  <span className="font-mono text-sm font-medium break-all text-slate-900">
                    {name === "" ? <em className="font-sans text-slate-500">{t("mapping.noName")}</em> : name}
                  </span>
                  <span className="block text-xs text-slate-500">
                    {t("mapping.columnNumber", { number: index + 1 })}
                  </span>
                </th>
                <td role="cell" className={stackedTable.cell}>
                  <span aria-hidden className={stackedTable.label}>
                    {t("mapping.importsAs")}
                  </span>
                  <select
                    aria-label={t("mapping.selectLabel", { name: name || String(index + 1) })}
                    aria-invalid={twice ? true : undefined}
                    aria-describedby={noteId}
                    value={target ?? SKIP}
                    disabled={disabled}
                    onChange={(event) => onChange(index, (event.target.value || null) as ImportTarget | null)}
                    className={`block w-full max-w-xs rounded-lg border bg-white px-2.5 py-1.5 text-sm shadow-sm ${
                      twice ? "border-red-600 ring-1 ring-red-600" : "border-slate-300"
                    } ${target === null ? "text-slate-500" : "text-slate-900"}`}
                  >
                    <option value={SKIP}>{t("mapping.skip")}</option>
                    <optgroup label={t("mapping.eventFields")}>
                      {IMPORT_FIELDS.map((field) => (
                        <option key={field} value={field}>
                          {describeField(field, t)}
                        </option>
                      ))}
                    </optgroup>
                    <optgroup label={t("mapping.nestedFields")}>
                      {nestedTargetsFor(name, target).map((nested) => (
                        <option key={nested} value={nested}>
                          {nested}
                        </option>
                      ))}
                    </optgroup>
                  </select>
                  <p
                    id={noteId}
                    className={`mt-1 text-xs ${twice ? "font-medium text-red-700" : "text-slate-500"}`}
                  >
                    {twice
                      ? t("mapping.alsoChosen", { target })
                      : target === null
                        ? t("mapping.notImported")
                        : required
                          ? t("mapping.required")
                          : "\u00a0"}
                  </p>
                </td>
                <td role="cell" className={`${stackedTable.cell} min-w-0`}>
                  <span aria-hidden className={stackedTable.label}>
                    {t("mapping.firstValues")}
                  </span>
                  {rows.length === 0 ? (
                    <span className="text-xs text-slate-500">{t("mapping.noRows")}</span>
                  ) : (
                    <ul className="space-y-0.5">
                      {rows.map((row) => {
                        const cell = row.cells[index];
                        return (
                          <li
                            key={row.line}
                            className="max-w-[18rem] truncate font-mono text-xs text-slate-700"
                            title={cell}
                          >
                            {cell === undefined || cell.trim() === "" ? (
                              <span className="font-sans text-slate-400 italic">
                                {t("mapping.emptyCell")}
                              </span>
                            ) : (
                              cell
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
