import { Link } from "@/components/ui/link";

import type { TableSpec } from "./table-spec";

/** A chart's table view: the same rows and columns the chart and the CSV export hold. */
export function DataTable<Row>({ table, caption }: { table: TableSpec<Row>; caption: string }) {
  return (
    <div className="max-h-96 overflow-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-white">
          <tr>
            {table.columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={`border-b border-slate-200 px-2 py-1.5 font-medium text-slate-600 ${column.numeric ? "text-right" : "text-left"}`}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, index) => (
            <tr key={index} className="border-b border-slate-100 last:border-0">
              {table.columns.map((column) => (
                <td
                  key={column.key}
                  className={`px-2 py-1.5 ${column.numeric ? "text-right tabular-nums" : "text-left"}`}
                >
                  <Cell href={column.href?.(row) ?? null}>
                    {column.format ? column.format(row) : (column.value(row) ?? "—")}
                  </Cell>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Cell({ href, children }: { href: string | null; children: React.ReactNode }) {
  if (!href) return children;
  return (
    <Link href={href} className="text-brand underline underline-offset-2">
      {children}
    </Link>
  );
}
