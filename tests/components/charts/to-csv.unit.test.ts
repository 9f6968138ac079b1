import { expect, test } from "vitest";

import { tableSpec } from "@/components/charts/common/table-spec";
import { csvFileName, toCsv } from "@/components/charts/common/to-csv";

test("a chart's CSV holds the raw values of its columns, quoted where needed", () => {
  const table = tableSpec(
    [
      { bucket: "(0, 1]", customers: 8273, share: 0.5 },
      { bucket: 'say "hi"', customers: 0, share: null },
    ],
    [
      { key: "bucket", header: "Contacts per week", value: (row) => row.bucket },
      { key: "customers", header: "Customers", value: (row) => row.customers, format: () => "8.273" },
      { key: "share", header: "Share; %", value: (row) => row.share },
    ],
  );
  expect(toCsv(table)).toBe(
    'Contacts per week,Customers,"Share; %"\r\n"(0, 1]",8273,0.5\r\n"say ""hi""",0,\r\n',
  );
});

test("the CSV file is named after the tile and the window's days in its time zone", () => {
  // 1–31 May 2026 in Copenhagen: [2026-04-30T22:00Z, 2026-05-31T22:00Z).
  const query = {
    from: "2026-04-30T22:00:00.000Z",
    to: "2026-05-31T22:00:00.000Z",
    timeZone: "Europe/Copenhagen",
  };
  expect(csvFileName("cohorts", query)).toBe("cohorts_2026-05-01_2026-05-31.csv");
});
