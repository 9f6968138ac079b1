import type { TableSpec } from "./table-spec";

export type SortDirection = "ascending" | "descending";

/** Which column a table is sorted by, and which way. */
export interface TableSort {
  key: string;
  direction: SortDirection;
}

/**
 * The table's rows sorted by a column's raw value: numbers by size, text in the locale's order.
 * Empty values (null) go last whichever the direction; ties keep their order.
 */
export function sortRows<Row>(table: TableSpec<Row>, sort: TableSort, locale: string): Row[] {
  const column = table.columns.find((candidate) => candidate.key === sort.key);
  if (!column) return table.rows;
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: "base" });
  const sign = sort.direction === "ascending" ? 1 : -1;
  return table.rows
    .map((row, index) => ({ row, index, value: column.value(row) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
      }
      const order =
        typeof a.value === "number" && typeof b.value === "number"
          ? a.value - b.value
          : collator.compare(String(a.value), String(b.value));
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map((entry) => entry.row);
}

/** The sort after a click on a column's header: the other way round, or a new column's first way. */
export function nextSort(current: TableSort, key: string, numeric: boolean): TableSort {
  if (current.key === key) {
    return { key, direction: current.direction === "ascending" ? "descending" : "ascending" };
  }
  // Numbers read best largest first; names from A.
  return { key, direction: numeric ? "descending" : "ascending" };
}
