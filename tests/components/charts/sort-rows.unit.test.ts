import { describe, expect, test } from "vitest";

import { nextSort, sortRows } from "@/components/charts/common/sort-rows";
import { tableSpec } from "@/components/charts/common/table-spec";

describe("sortRows", () => {
  const table = tableSpec(
    [
      { name: "b", mean: 20 },
      { name: "a", mean: null },
      { name: "C", mean: 5 },
      { name: "d", mean: 20 },
    ],
    [
      { key: "name", header: "Name", value: (row) => row.name },
      { key: "mean", header: "Mean", value: (row) => row.mean, numeric: true },
    ],
  );
  const names = (rows: { name: string }[]) => rows.map((row) => row.name).join("");

  test("sorts numbers by size either way, keeps ties in order and puts empty values last both ways", () => {
    expect(names(sortRows(table, { key: "mean", direction: "ascending" }, "en"))).toBe("Cbda");
    expect(names(sortRows(table, { key: "mean", direction: "descending" }, "en"))).toBe("bdCa");
  });

  test("sorts text in the locale's order, ignoring case", () => {
    expect(names(sortRows(table, { key: "name", direction: "ascending" }, "en"))).toBe("abCd");
  });

  test("a click turns the sorted column round; a new column starts largest first if numeric, else A first", () => {
    const current = { key: "mean", direction: "descending" } as const;
    expect(nextSort(current, "mean", true)).toEqual({ key: "mean", direction: "ascending" });
    expect(nextSort(current, "contacts", true)).toEqual({ key: "contacts", direction: "descending" });
    expect(nextSort(current, "name", false)).toEqual({ key: "name", direction: "ascending" });
  });
});
