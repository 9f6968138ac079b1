"use client";

import { useTranslations } from "next-intl";

import {
  CSV_DELIMITERS,
  DECIMAL_SEPARATORS,
  type CsvDelimiter,
  type DecimalSeparator,
} from "@/lib/schemas/import";

import { DECIMAL_EXAMPLES, delimiterName } from "./import-format";
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
  const t = useTranslations("data");
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <div>
        <label htmlFor="import-delimiter" className={fieldStyles.label}>
          {t("csv.delimiter")}
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
              {option === detected
                ? t("csv.detected", { name: delimiterName(option, t) })
                : delimiterName(option, t)}
            </option>
          ))}
        </select>
        <p id="import-delimiter-hint" className={fieldStyles.hint}>
          {delimiter === detected
            ? t("csv.delimiterDetected")
            : t("csv.delimiterChanged", { name: delimiterName(detected, t).toLowerCase() })}
        </p>
      </div>
      <fieldset disabled={disabled}>
        <legend className={fieldStyles.label}>{t("csv.numbers")}</legend>
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
                {t(`csv.decimals.${option}`)}{" "}
                <span className="font-mono text-slate-600">({DECIMAL_EXAMPLES[option]})</span>
              </span>
            </label>
          ))}
        </div>
        <p className={fieldStyles.hint}>{t("csv.numbersHint")}</p>
      </fieldset>
    </div>
  );
}
