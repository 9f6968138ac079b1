import { CSV_DELIMITERS, type CsvDelimiter, type DecimalSeparator } from "@/lib/schemas/import";

/**
 * Guesses a CSV file's delimiter from its header line: the candidate that splits it into the
 * most columns (ties go to the comma). Quoted headers are rare; a wrong guess shows at once
 * in the mapping preview, where the user can change it.
 */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  let best: CsvDelimiter = ",";
  let most = 0;
  for (const delimiter of CSV_DELIMITERS) {
    const columns = headerLine.split(delimiter).length;
    if (columns > most) {
      best = delimiter;
      most = columns;
    }
  }
  return best;
}

/** The usual number locale for a delimiter: files separated by `;` come from decimal-comma locales. */
export function defaultDecimal(delimiter: CsvDelimiter): DecimalSeparator {
  return delimiter === ";" ? "comma" : "point";
}

/** The format a file name suggests: `.ndjson` / `.jsonl` are NDJSON, anything else CSV. */
export function formatFromFileName(fileName: string): "csv" | "ndjson" {
  return /\.(ndjson|jsonl)$/i.test(fileName) ? "ndjson" : "csv";
}
