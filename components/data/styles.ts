export { buttonStyles } from "@/components/ui/button-styles";

export const fieldStyles = {
  label: "block text-sm font-medium text-slate-700",
  hint: "mt-1 text-xs text-slate-500",
  select: "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm",
} as const;

/**
 * A table that stacks into one card per row below the `md` breakpoint (390 px phones). The
 * explicit roles keep it a table for screen readers when CSS turns its parts into blocks.
 */
export const stackedTable = {
  table: "w-full text-left text-sm max-md:block",
  head: "border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase max-md:sr-only",
  body: "divide-y divide-slate-100 max-md:block",
  row: "align-top max-md:block max-md:space-y-3 max-md:p-4",
  cell: "px-4 py-3 max-md:block max-md:p-0",
  /** The column's name above a cell's content on phones, where the header row is hidden. */
  label: "mb-0.5 block text-xs font-semibold tracking-wide text-slate-500 uppercase md:hidden",
} as const;
