import fs from "node:fs";
import path from "node:path";

import fc from "fast-check";
import { expect, test } from "vitest";

import type { CsvDelimiter, DecimalSeparator } from "@/lib/schemas/import";

import { createWorkspace } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-database";
import { importFile, rowErrors, setupTempDir } from "../import/import-files";

import { anyText, fuzzParameters, INVALID_TIMESTAMPS, validTimestamp } from "./hostile-values";

/*
 * The file import under hostile files: generated CSV (any delimiter, either decimal mark,
 * quotes, embedded line breaks) and NDJSON mixing valid rows with broken ones. The stored
 * events are exactly the valid rows, and every broken row is in the row errors with the
 * line it starts on.
 */

const db = setupTestDatabase();
const prisma = () => db.current.prisma;
const tmp = setupTempDir("resonans-hostile-import-");

let files = 0;
function writeFile(name: string, content: string): string {
  files += 1;
  const file = path.join(tmp.path, `${files}-${name}`);
  fs.writeFileSync(file, content);
  return file;
}

/** What one row should become: stored with this id and note, or rejected. */
type Expected = { valid: true; id: string; customerId: string; note: string | null } | { valid: false };

const text = anyText(40).filter((value) => !value.includes("@"));

/* ---------- CSV ---------- */

const COLUMNS = [
  "id",
  "type",
  "customerId",
  "timestamp",
  "channel",
  "value",
  "currency",
  "topics",
  "properties.note",
];

interface CsvRow {
  cells: string[];
  expected: Expected;
}

const csvValidRow = (decimal: DecimalSeparator) =>
  fc
    .record({
      idText: text,
      customer: text,
      timestamp: validTimestamp,
      note: fc.option(text, { nil: null }),
      purchase: fc.option(fc.integer({ min: 0, max: 99_999_999 }), { nil: null }),
    })
    .map(({ idText, customer, timestamp, note, purchase }) => {
      const customerId = `c${customer}z`;
      const amount = purchase === null ? "" : (purchase / 100).toFixed(2);
      const cells = [
        idText,
        purchase === null ? "page_viewed" : "purchased",
        customerId,
        timestamp,
        purchase === null ? "" : "web",
        decimal === "comma" ? amount.replace(".", ",") : amount,
        purchase === null ? "" : "EUR",
        purchase === null ? "" : "running|trail-running",
        // "n:" keeps the note text: a bare number or true/false would be read as one
        note === null ? "" : `n:${note}`,
      ];
      return { cells, note: note === null ? null : `n:${note}`.trim(), customerId };
    });

type BreakCells = (cells: string[], decimal: DecimalSeparator) => string[];
const csvBrokenCells = fc.constantFrom<BreakCells>(
  (cells) => cells.map((cell, index) => (index === 3 ? "2026-03-01T09:30:00" : cell)),
  (cells) => cells.map((cell, index) => (index === 3 ? String(INVALID_TIMESTAMPS[0]) : cell)),
  (cells) => cells.map((cell, index) => (index === 2 ? "anna@example.com" : cell)),
  (cells) => cells.map((cell, index) => (index === 2 ? "c\u0000z" : cell)),
  (cells) => cells.map((cell, index) => (index === 2 ? `c${"x".repeat(200)}` : cell)),
  (cells) => cells.map((cell, index) => (index === 1 ? "signed_up" : cell)),
  (cells) => cells.slice(0, 3), // too few columns
  (cells) => [...cells, "extra"], // too many
  (cells, decimal) => [
    cells[0],
    "purchased",
    cells[2],
    cells[3],
    "web",
    decimal === "comma" ? "12.50" : "12,50", // the other decimal mark
    "EUR",
    "running",
    "",
  ],
);

function csvCell(cell: string, delimiter: string): string {
  return /["\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

const csvFile = fc
  .record({
    delimiter: fc.constantFrom<CsvDelimiter>(",", ";", "\t", "|"),
    decimal: fc.constantFrom<DecimalSeparator>("point", "comma"),
    lineEnd: fc.constantFrom("\n", "\r\n"),
    bom: fc.boolean(),
    unclosedLast: fc.boolean(),
  })
  .chain((format) =>
    fc
      .array(
        fc.oneof(
          { weight: 3, arbitrary: csvValidRow(format.decimal).map((row) => ({ ...row, broken: null })) },
          {
            weight: 2,
            arbitrary: fc
              .tuple(csvValidRow(format.decimal), csvBrokenCells)
              .map(([row, breakCells]) => ({ ...row, broken: breakCells })),
          },
        ),
        { maxLength: 20 },
      )
      .map((generated) => ({ ...format, generated })),
  );

test("CSV files: the valid rows stored exactly, every broken row reported on its line", async () => {
  await fc.assert(
    fc.asyncProperty(csvFile, async ({ delimiter, decimal, lineEnd, bom, unclosedLast, generated }) => {
      const rows: CsvRow[] = generated.map(({ cells, note, customerId, broken }, index) => {
        const id = `${index}:${cells[0]}`.trim(); // cells are read trimmed
        const withId = [id, ...cells.slice(1)];
        if (broken) return { cells: broken(withId, decimal), expected: { valid: false } };
        return { cells: withId, expected: { valid: true, id, customerId, note } };
      });
      let content = (bom ? "\uFEFF" : "") + COLUMNS.join(delimiter) + lineEnd;
      const lines: { line: number; expected: Expected }[] = [];
      for (const row of rows) {
        lines.push({ line: content.split("\n").length, expected: row.expected });
        content += row.cells.map((cell) => csvCell(cell, delimiter)).join(delimiter) + lineEnd;
      }
      if (unclosedLast) {
        lines.push({ line: content.split("\n").length, expected: { valid: false } });
        content += `u1${delimiter}page_viewed${delimiter}"c1${delimiter}2026-03-01T09:30:00Z${lineEnd}`;
      }
      await expectImported(writeFile("hostile.csv", content), { format: "csv", delimiter, decimal }, lines);
    }),
    fuzzParameters("import CSV", 15),
  );
}, 240_000);

/* ---------- NDJSON ---------- */

const ndjsonLine: fc.Arbitrary<{ text: string; expected: Expected | null }> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .record({
        idText: text,
        customer: text,
        timestamp: validTimestamp,
        note: fc.option(text, { nil: null }),
      })
      .map(({ idText, customer, timestamp, note }) => ({
        event: {
          id: idText,
          type: "page_viewed",
          customerId: `c${customer}z`,
          timestamp,
          ...(note === null ? {} : { properties: { note } }),
        },
        note,
      }))
      .map(({ event, note }) => ({
        text: JSON.stringify(event),
        expected: { valid: true as const, id: event.id, customerId: event.customerId, note },
      })),
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(
        '{"type":"page_viewed","customerId":"c1"}',
        '{"type":"page_viewed","customerId":"c\\u0000","timestamp":"2026-03-01T09:30:00Z"}',
        '{"type":"page_viewed","customerId":"c\\ud800","timestamp":"2026-03-01T09:30:00Z"}',
        '{"type":"page_viewed","customerId":"c1","timestamp":"2026-03-01T09:30:00Z","properties":{"k\\u0000":1}}',
        '{"type":"page_viewed","customerId":"c1","timestamp":"9999-12-31T00:00:00Z"}',
        '{"type":"page_viewed","customerId":"c1","timestamp":1772357400}',
        '{"type": "page_viewed"]',
        "{'type': 'page_viewed'}",
        "[1, 2]",
        "null",
        '"just a string"',
        `{"type":"page_viewed","customerId":"c1","timestamp":"2026-03-01T09:30:00Z","properties":{"d":${"[".repeat(50_000)}${"]".repeat(50_000)}}}`,
        `{"type":"page_viewed","customerId":"${"x".repeat(300)}","timestamp":"2026-03-01T09:30:00Z"}`,
      )
      .map((line) => ({ text: line, expected: { valid: false as const } })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom("", "   ", "\t").map((blank) => ({ text: blank, expected: null })),
  },
);

test("NDJSON files: the valid lines stored exactly, every broken line reported with its number", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(ndjsonLine, { maxLength: 25 }),
      fc.constantFrom("\n", "\r\n"),
      fc.boolean(),
      async (generated, lineEnd, bom) => {
        const lines: { line: number; expected: Expected }[] = [];
        const texts = generated.map(({ text, expected }, index) => {
          if (!expected) return text; // a blank line: skipped
          if (!expected.valid) {
            lines.push({ line: index + 1, expected });
            return text;
          }
          const id = `${index}:${expected.id}`;
          lines.push({ line: index + 1, expected: { ...expected, id } });
          return text.replace(JSON.stringify(expected.id), () => JSON.stringify(id)); // no $-patterns
        });
        const content = (bom ? "\uFEFF" : "") + texts.join(lineEnd) + lineEnd;
        await expectImported(writeFile("hostile.ndjson", content), { format: "ndjson" }, lines);
      },
    ),
    fuzzParameters("import NDJSON", 15),
  );
}, 240_000);

async function expectImported(
  file: string,
  options: Parameters<typeof importFile>[3],
  lines: { line: number; expected: Expected }[],
) {
  const workspaceId = await createWorkspace(prisma(), "Hostile import");
  const { outcome, batch } = await importFile(db.current, workspaceId, file, options);
  expect(outcome).toBe("completed");
  const valid = lines.flatMap(({ expected }) => (expected.valid ? [expected] : []));
  const broken = lines.filter(({ expected }) => !expected.valid).map(({ line }) => line);
  expect(batch).toMatchObject({ accepted: valid.length, duplicates: 0, rejected: broken.length });

  const errors = await rowErrors(prisma(), batch);
  expect(errors.map(({ line }) => line)).toEqual(broken);
  for (const { errors: reasons } of errors) {
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason).toMatch(/^[\w."\\-]+: ./);
  }

  const stored = await prisma().event.findMany({ where: { workspaceId } });
  const byKey = new Map(stored.map((event) => [event.eventKey, event]));
  expect([...byKey.keys()].sort()).toEqual(valid.map(({ id }) => id).sort());
  for (const { id, customerId, note } of valid) {
    expect(byKey.get(id)?.customerId).toBe(customerId);
    expect(byKey.get(id)?.properties).toEqual(note === null ? null : { note });
  }
}
