import type { TableSort } from "./sort-rows";
import type { TableSpec } from "./table-spec";

/**
 * A table whose columns sort on a click of their header (a button; the header carries
 * `aria-sort`). The rows come in already sorted: `table` is exactly what is shown and exported.
 */
export function SortableTable<Row>({
  table,
  caption,
  sort,
  onSort,
  rowKey,
}: {
  table: TableSpec<Row>;
  caption: string;
  sort: TableSort;
  /** Called with the clicked column's key. */
  onSort: (key: string) => void;
  rowKey: (row: Row) => string;
}) {
  return (
    <div className="max-h-[28rem] overflow-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-white">
          <tr>
            {table.columns.map((column) => {
              const sorted = sort.key === column.key ? sort.direction : undefined;
              return (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={sorted ?? "none"}
                  className={`border-b border-slate-200 px-1 py-1 font-medium text-slate-600 ${column.numeric ? "text-right" : "text-left"}`}
                >
                  <button
                    type="button"
                    onClick={() => onSort(column.key)}
                    className={`inline-flex items-center gap-1 rounded px-1 py-0.5 hover:bg-slate-100 ${column.numeric ? "text-right" : "text-left"} ${sorted ? "text-slate-900" : ""}`}
                  >
                    <span>{column.header}</span>
                    <span aria-hidden className={`w-3 text-xs ${sorted ? "" : "text-slate-400"}`}>
                      {sorted === "ascending" ? "▲" : sorted === "descending" ? "▼" : "↕"}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={rowKey(row)} className="border-b border-slate-100 last:border-0">
              {table.columns.map((column) => (
                <td
                  key={column.key}
                  className={`px-2 py-1.5 ${column.numeric ? "text-right tabular-nums" : "text-left whitespace-nowrap"}`}
                >
                  {column.format ? column.format(row) : (column.value(row) ?? "—")}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
