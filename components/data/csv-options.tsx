"use client";

import {
  CSV_DELIMITERS,
  DECIMAL_SEPARATORS,
  type CsvDelimiter,
  type DecimalSeparator,
} from "@/lib/schemas/import";

import { DECIMAL_NAMES, DELIMITER_NAMES } from "./import-format";
import { fieldStyles } from "./styles";

/** The delimiter and the number locale of a CSV file, prefilled from its header line. */
export function CsvOptions({
  delimiter,
  detected,
  decimal,
  disabled,
  onDelimiter,
  onDecimal,
}: {
  delimiter: CsvDelimiter;
  /** The delimiter guessed from the header line. */
  detected: CsvDelimiter;
  decimal: DecimalSeparator;
  disabled: boolean;
  onDelimiter: (delimiter: CsvDelimiter) => void;
  onDecimal: (decimal: DecimalSeparator) => void;
}) {
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <div>
        <label htmlFor="import-delimiter" className={fieldStyles.label}>
          Delimiter
        </label>
        <select
          id="import-delimiter"
          value={delimiter}
          disabled={disabled}
          aria-describedby="import-delimiter-hint"
          onChange={(event) => onDelimiter(event.target.value as CsvDelimiter)}
          className={fieldStyles.select}
        >
          {CSV_DELIMITERS.map((option) => (
            <option key={option} value={option}>
              {DELIMITER_NAMES[option]}
              {option === detected ? " — detected" : ""}
            </option>
          ))}
        </select>
        <p id="import-delimiter-hint" className={fieldStyles.hint}>
          {delimiter === detected
            ? "Detected from the header line. If the columns below look wrong, change it."
            : `You changed it; the header line suggests ${DELIMITER_NAMES[detected].toLowerCase()}.`}
        </p>
      </div>
      <fieldset disabled={disabled}>
        <legend className={fieldStyles.label}>Numbers in the file</legend>
        <div className="mt-1 space-y-1.5">
          {DECIMAL_SEPARATORS.map((option) => (
            <label key={option} className="flex items-center gap-2 text-sm text-slate-800">
              <input
                type="radio"
                name="import-decimal"
                value={option}
                checked={decimal === option}
                onChange={() => onDecimal(option)}
                className="h-4 w-4 accent-brand"
              />
              <span>
                {DECIMAL_NAMES[option].label}{" "}
                <span className="font-mono text-slate-600">({DECIMAL_NAMES[option].example})</span>
              </span>
            </label>
          ))}
        </div>
        <p className={fieldStyles.hint}>
          For value, maxPerWeek and numbers in traits and properties. Write numbers without thousands
          separators.
        </p>
      </fieldset>
    </div>
  );
}
