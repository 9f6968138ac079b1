/**
 * Rows in the text format of PostgreSQL's COPY: one line per row, cells separated by tabs,
 * `\N` for null; a backslash, tab, line feed or carriage return inside a cell is escaped with a
 * backslash. https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.2
 */
export type CopyCell = string | number | boolean | null;

const HAS_SPECIAL = /[\\\t\n\r]/;
const SPECIAL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

function cell(value: CopyCell): string {
  if (value === null) return "\\N";
  const text = String(value);
  return HAS_SPECIAL.test(text) ? text.replace(SPECIAL, (char) => ESCAPES[char]) : text;
}

/** One row, with its line break. */
export function copyRow(cells: readonly CopyCell[]): string {
  let line = cell(cells[0]);
  for (let i = 1; i < cells.length; i++) line += "\t" + cell(cells[i]);
  return line + "\n";
}

/**
 * A text[] value as an array literal, every element quoted (so commas, braces, spaces and the
 * word NULL stay plain text), with `"` and `\` escaped inside the quotes.
 */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
}
