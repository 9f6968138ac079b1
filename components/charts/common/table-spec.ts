/** One column of what a chart shows, for its table view and its CSV export. */
export interface TableColumn<Row> {
  key: string;
  header: string;
  /** The raw value: written as is to the CSV. */
  value: (row: Row) => string | number | null;
  /** How the table view shows the value (the locale's numbers); default: as is. */
  format?: (row: Row) => string;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** Makes the table view's cell a link (a drill-down); the CSV keeps the value. */
  href?: (row: Row) => string | null;
}

/** Exactly what a chart shows: its columns and rows. */
export interface TableSpec<Row> {
  columns: TableColumn<Row>[];
  rows: Row[];
}

/** A table spec whose column functions take the rows' type (inferred from `rows`). */
export function tableSpec<Row>(rows: Row[], columns: TableColumn<NoInfer<Row>>[]): TableSpec<Row> {
  return { rows, columns };
}
