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

/** One headline figure of a tile: what it is, its raw value, and how the table shows it. */
export interface Figure {
  figure: string;
  value: number | null;
  shown?: string;
}

/** A tile's headline figures as a two-column table (and CSV): what each one is, and its value. */
export function figureTable(rows: Figure[], headers: { figure: string; value: string }): TableSpec<Figure> {
  return tableSpec(rows, [
    { key: "figure", header: headers.figure, value: (row) => row.figure },
    {
      key: "value",
      header: headers.value,
      value: (row) => row.value,
      format: (row) => row.shown ?? (row.value === null ? "—" : String(row.value)),
      numeric: true,
    },
  ]);
}
