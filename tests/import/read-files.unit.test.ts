import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { autoMapColumns } from "@/lib/import/import-fields";
import { UnparsedEvent } from "@/lib/schemas/event";
import type { CsvDelimiter, DecimalSeparator } from "@/lib/schemas/import";
import type { ImportRow, ReadFrom } from "@/lib/server/import/import-row";
import { dataStart, readCsv, readCsvHeader } from "@/lib/server/import/read-csv";
import { MAX_LINE_BYTES, readNdjson } from "@/lib/server/import/read-ndjson";

let dir: string;
let fileCount = 0;
beforeAll(async () => {
  dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "resonans-read-"));
});
afterAll(async () => {
  await fs.promises.rm(dir, { recursive: true, force: true });
});

function writeFile(content: string | Buffer, extension: string): string {
  fileCount += 1;
  const file = path.join(dir, `file-${fileCount}.${extension}`);
  fs.writeFileSync(file, content);
  return file;
}

async function collect(rows: AsyncIterable<ImportRow>): Promise<ImportRow[]> {
  const all: ImportRow[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

/** Rows as line → content, for readable expectations. */
const summary = (rows: ImportRow[]) =>
  rows.map((row) => ({
    line: row.line,
    raw: row.raw instanceof UnparsedEvent ? "unparsed" : row.raw,
    errors: row.errors ?? [],
  }));

const BOM = "\uFEFF";

describe("NDJSON", () => {
  const read = async (file: string, from?: ReadFrom) =>
    collect(readNdjson(file, from ?? { bytes: await dataStart(file), lines: 0 }));

  test("one row per line, numbered from 1; blank lines are skipped but counted", async () => {
    const file = writeFile('{"a":1}\n\n{"a":2}\n   \n\t\n{"a":3}\n', "ndjson");
    const rows = await read(file);
    expect(summary(rows)).toEqual([
      { line: 1, raw: { a: 1 }, errors: [] },
      { line: 3, raw: { a: 2 }, errors: [] },
      { line: 6, raw: { a: 3 }, errors: [] },
    ]);
    expect(rows.at(-1)?.end).toEqual({ bytes: fs.statSync(file).size, lines: 6 });
  });

  test("a line that is not JSON becomes an UnparsedEvent with its line number, and reading goes on", async () => {
    const file = writeFile('{"a":1}\nnot json\n{"a":\n[1,2]\n{"a":2}\n', "ndjson");
    const rows = await read(file);
    expect(summary(rows)).toEqual([
      { line: 1, raw: { a: 1 }, errors: [] },
      { line: 2, raw: "unparsed", errors: [] },
      { line: 3, raw: "unparsed", errors: [] },
      { line: 4, raw: [1, 2], errors: [] }, // valid JSON; the schema refuses it later
      { line: 5, raw: { a: 2 }, errors: [] },
    ]);
    expect((rows[1].raw as UnparsedEvent).reason).toMatch(/JSON/);
  });

  test("CRLF line endings, a BOM and a last line without a line break", async () => {
    const file = writeFile(`${BOM}{"a":1}\r\n\r\n{"a":"x\\r\\ny"}\r\nnope\r\n{"a":3}`, "ndjson");
    const rows = await read(file);
    expect(summary(rows)).toEqual([
      { line: 1, raw: { a: 1 }, errors: [] },
      { line: 3, raw: { a: "x\r\ny" }, errors: [] },
      { line: 4, raw: "unparsed", errors: [] },
      { line: 5, raw: { a: 3 }, errors: [] },
    ]);
    expect(rows.at(-1)?.end).toEqual({ bytes: fs.statSync(file).size, lines: 5 });
  });

  test("multi-byte characters split across read buffers stay intact", async () => {
    const name = "Ærø Ødegård 🏃".repeat(40_000); // ~1 MB in one line, across stream chunks
    const file = writeFile(`{"n":1}\n${JSON.stringify({ name })}\n{"n":2}\n`, "ndjson");
    const rows = await read(file);
    expect(rows.map((row) => row.line)).toEqual([1, 2, 3]);
    expect((rows[1].raw as { name: string }).name).toBe(name);
  });

  test("a line over the limit is rejected unread, with its number; the next lines are read", async () => {
    const long = `{"x":"${"y".repeat(MAX_LINE_BYTES)}"}`;
    const file = writeFile(`{"a":1}\n${long}\n{"a":2}\n`, "ndjson");
    expect(summary(await read(file))).toEqual([
      { line: 1, raw: { a: 1 }, errors: [] },
      { line: 2, raw: null, errors: ["line: longer than 1024 KiB"] },
      { line: 3, raw: { a: 2 }, errors: [] },
    ]);
  });

  test("reading from any row's checkpoint gives exactly the rows after it, with the same numbers", async () => {
    const file = writeFile(
      `${BOM}{"a":1}\r\n\r\n{"a":2}\nbroken\n\n\n{"a":3}\r\n{"a":4}\n   \n{"a":5}`,
      "ndjson",
    );
    const all = await read(file);
    expect(all.map((row) => row.line)).toEqual([1, 3, 4, 7, 8, 10]);
    for (const [index, row] of all.entries()) {
      const tail = await read(file, row.end);
      expect(summary(tail), `from the checkpoint after line ${row.line}`).toEqual(
        summary(all.slice(index + 1)),
      );
      expect(tail.map((r) => r.end)).toEqual(all.slice(index + 1).map((r) => r.end));
    }
  });
});

describe("CSV", () => {
  const options = (header: string[], delimiter: CsvDelimiter = ",", decimal: DecimalSeparator = "point") => ({
    delimiter,
    decimal,
    mapping: autoMapColumns(header),
  });

  async function readAll(file: string, delimiter: CsvDelimiter = ",", decimal: DecimalSeparator = "point") {
    const { header, end } = await readCsvHeader(file, delimiter);
    const rows = await collect(readCsv(file, end, options(header, delimiter, decimal)));
    return { header, end, rows, options: options(header, delimiter, decimal) };
  }

  test("the header row is read past a BOM and trimmed; data starts on line 2", async () => {
    const file = writeFile(
      `${BOM}type; Customer ID ;timestamp\nmessage_sent;c1;2026-03-02T10:00:00Z\n`,
      "csv",
    );
    expect(await dataStart(file)).toBe(3);
    const { header, end, rows } = await readAll(file, ";");
    expect(header).toEqual(["type", "Customer ID", "timestamp"]);
    expect(end).toEqual({ bytes: Buffer.byteLength(`${BOM}type; Customer ID ;timestamp\n`), lines: 1 });
    expect(summary(rows)).toEqual([
      {
        line: 2,
        raw: { type: "message_sent", customerId: "c1", timestamp: "2026-03-02T10:00:00Z" },
        errors: [],
      },
    ]);
  });

  test("an empty file has no header row", async () => {
    const file = writeFile("", "csv");
    await expect(readCsvHeader(file, ",")).rejects.toThrow("The file is empty: there is no header row.");
    const onlyBom = writeFile(BOM, "csv");
    await expect(readCsvHeader(onlyBom, ",")).rejects.toThrow("The file is empty");
  });

  test("a header without data rows gives no rows", async () => {
    const file = writeFile("type,customerId,timestamp\n", "csv");
    expect((await readAll(file)).rows).toEqual([]);
  });

  test("a quoted field with line breaks is one row numbered by its first line; later rows keep their numbers", async () => {
    const file = writeFile(
      [
        "type,customerId,timestamp,properties.note", // 1
        "page_viewed,c1,2026-03-02T10:00:00Z,plain", // 2
        'page_viewed,c2,2026-03-02T11:00:00Z,"first', // 3
        "second", // 4
        'third"', // 5
        "", // 6 (blank)
        'page_viewed,c3,2026-03-02T12:00:00Z,"say ""hi"""', // 7
        "page_viewed,c4,2026-03-02T13:00:00Z,", // 8
      ].join("\n"),
      "csv",
    );
    const { rows } = await readAll(file);
    expect(rows.map((row) => [row.line, row.raw])).toEqual([
      [
        2,
        {
          type: "page_viewed",
          customerId: "c1",
          timestamp: "2026-03-02T10:00:00Z",
          properties: { note: "plain" },
        },
      ],
      [
        3,
        {
          type: "page_viewed",
          customerId: "c2",
          timestamp: "2026-03-02T11:00:00Z",
          properties: { note: "first\nsecond\nthird" },
        },
      ],
      [
        7,
        {
          type: "page_viewed",
          customerId: "c3",
          timestamp: "2026-03-02T12:00:00Z",
          properties: { note: 'say "hi"' },
        },
      ],
      [8, { type: "page_viewed", customerId: "c4", timestamp: "2026-03-02T13:00:00Z" }],
    ]);
    expect(rows.map((row) => row.end.lines)).toEqual([2, 5, 7, 8]);
  });

  test("CRLF line endings, also inside a quoted field", async () => {
    const file = writeFile(
      'type,customerId,timestamp,properties.note\r\npage_viewed,c1,2026-03-02T10:00:00Z,"a\r\nb"\r\n\r\npage_viewed,c2,2026-03-02T11:00:00Z,x\r\n',
      "csv",
    );
    const { rows } = await readAll(file);
    expect(
      rows.map((row) => [row.line, (row.raw as { properties: { note: string } }).properties.note]),
    ).toEqual([
      [2, "a\r\nb"],
      [5, "x"],
    ]);
    expect(rows.at(-1)?.end).toEqual({ bytes: fs.statSync(file).size, lines: 5 });
  });

  test("line breaks of either kind inside quoted fields, in a file of either kind, count as one line each", async () => {
    const rows = [
      'page_viewed,c1,2026-03-02T10:00:00Z,"a\nb"', // Excel: CRLF rows, LF inside cells
      'page_viewed,c2,2026-03-02T11:00:00Z,"c\r\nd\r\ne"',
      "page_viewed,c3,2026-03-02T12:00:00Z,f",
    ];
    for (const newline of ["\r\n", "\n"]) {
      const file = writeFile(
        ["type,customerId,timestamp,properties.note", ...rows].join(newline) + newline,
        "csv",
      );
      const { rows: read } = await readAll(file);
      expect(
        read.map((row) => [row.line, row.end.lines]),
        JSON.stringify(newline),
      ).toEqual([
        [2, 3],
        [4, 6],
        [7, 7],
      ]);
    }
  });

  test.runIf(fs.existsSync("/proc/self/fd"))("reading the header row leaves no file open", async () => {
    const file = writeFile(
      `type,customerId,timestamp\n${"page_viewed,c1,2026-03-02T10:00:00Z\n".repeat(20_000)}`,
      "csv",
    );
    const open = () => fs.readdirSync("/proc/self/fd").length;
    const before = open();
    for (let i = 0; i < 20; i++) await readCsvHeader(file, ",");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(open()).toBeLessThanOrEqual(before + 2);
  });

  test("a row with the wrong number of columns keeps its line number and says so", async () => {
    const file = writeFile(
      "type,customerId,timestamp\npage_viewed,c1\npage_viewed,c2,2026-03-02T10:00:00Z\n",
      "csv",
    );
    const { rows } = await readAll(file);
    expect(summary(rows)).toEqual([
      {
        line: 2,
        raw: { type: "page_viewed", customerId: "c1" },
        errors: ["row: has 2 columns, the header has 3"],
      },
      {
        line: 3,
        raw: { type: "page_viewed", customerId: "c2", timestamp: "2026-03-02T10:00:00Z" },
        errors: [],
      },
    ]);
  });

  test("cells are read in the file's number locale", async () => {
    const file = writeFile(
      "type;customerId;timestamp;value;currency;topics\npurchased;c1;2026-03-02T10:00:00Z;1249,50;NOK;running|trail-running\npurchased;c1;2026-03-02T10:00:00Z;12.50;NOK;running\n",
      "csv",
    );
    const { rows } = await readAll(file, ";", "comma");
    expect(summary(rows)).toEqual([
      {
        line: 2,
        raw: {
          type: "purchased",
          customerId: "c1",
          timestamp: "2026-03-02T10:00:00Z",
          value: 1249.5,
          currency: "NOK",
          topics: ["running", "trail-running"],
        },
        errors: [],
      },
      {
        line: 3,
        raw: {
          type: "purchased",
          customerId: "c1",
          timestamp: "2026-03-02T10:00:00Z",
          currency: "NOK",
          topics: ["running"],
        },
        errors: ['value: "12.50" is not a number with decimal comma'],
      },
    ]);
  });

  test("reading from any row's checkpoint gives exactly the rows after it, with the same numbers", async () => {
    const file = writeFile(
      [
        `${BOM}type,customerId,timestamp,properties.note`,
        "page_viewed,c1,2026-03-02T10:00:00Z,a",
        'page_viewed,c2,2026-03-02T10:00:00Z,"multi',
        'line"',
        "",
        "page_viewed,c3",
        'page_viewed,c4,2026-03-02T10:00:00Z,"é,ü"',
        "",
        "",
        "page_viewed,c5,2026-03-02T10:00:00Z,last",
      ].join("\r\n"),
      "csv",
    );
    const { rows: all, options: readOptions } = await readAll(file);
    expect(all.map((row) => row.line)).toEqual([2, 3, 6, 7, 10]);
    for (const [index, row] of all.entries()) {
      const tail = await collect(readCsv(file, row.end, readOptions));
      expect(summary(tail), `from the checkpoint after line ${row.line}`).toEqual(
        summary(all.slice(index + 1)),
      );
      expect(tail.map((r) => r.end)).toEqual(all.slice(index + 1).map((r) => r.end));
    }
  });

  test("an unclosed quote costs one row, numbered by its first line; reading restarts on the next line", async () => {
    const file = writeFile(
      [
        "type,customerId,timestamp", // 1
        "page_viewed,c1,2026-03-02T10:00:00Z", // 2
        "", // 3
        'page_viewed,"c2,2026-03-02T10:00:00Z', // 4: the quote never closes
        "page_viewed,c3,2026-03-02T10:00:00Z", // 5
        "",
      ].join("\n"),
      "csv",
    );
    const { rows } = await readAll(file);
    expect(summary(rows)).toEqual([
      {
        line: 2,
        raw: { type: "page_viewed", customerId: "c1", timestamp: "2026-03-02T10:00:00Z" },
        errors: [],
      },
      { line: 4, raw: null, errors: ["row: a quoted field is not closed by the end of the file"] },
      {
        line: 5,
        raw: { type: "page_viewed", customerId: "c3", timestamp: "2026-03-02T10:00:00Z" },
        errors: [],
      },
    ]);
    // Its checkpoint is past its first line: a resumed read neither repeats nor skips a row.
    expect(rows[1].end.lines).toBe(4);
    expect(rows[2].end.lines).toBe(5);
  });

  test("a row the parser refuses mid-file is reported in file order, after the rows before it", async () => {
    const lines = ["type,customerId,timestamp"];
    for (let i = 0; i < 50; i++) lines.push(`page_viewed,c${i},2026-03-02T10:00:00Z`);
    lines.push('page_viewed,"c50"x,2026-03-02T10:00:00Z'); // line 52: text after a closing quote
    const file = writeFile(`${lines.join("\n")}\n`, "csv");
    const { rows } = await readAll(file);
    expect(rows.slice(0, 50).map((row) => row.line)).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
    expect(rows.slice(50).map((row) => row.line)).toEqual([52]);
    expect(rows[50].errors?.[0]).toMatch(/^row: Invalid Closing Quote: got "x" instead of delimiter/);
    expect(rows[50].errors?.[0]).not.toMatch(/at line/);
    expect(rows[50].end.lines).toBe(52);
  });
});
