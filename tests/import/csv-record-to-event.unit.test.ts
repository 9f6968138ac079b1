import { describe, expect, test } from "vitest";

import { csvRecordToEvent, parseNumber } from "@/lib/import/csv-record-to-event";
import { autoMapColumns, type ImportTarget } from "@/lib/import/import-fields";

const HEADER = ["type", "customer_id", "timestamp", "topics", "value", "currency", "maxPerWeek"];
const MAPPING = autoMapColumns(HEADER);

/** One record under MAPPING: type, customerId, timestamp, topics, value, currency, maxPerWeek. */
const row = (cells: Partial<Record<"topics" | "value" | "currency" | "maxPerWeek", string>>) => [
  "purchased",
  "c1",
  "2026-03-02T10:00:00Z",
  cells.topics ?? "",
  cells.value ?? "",
  cells.currency ?? "",
  cells.maxPerWeek ?? "",
];

describe("fields", () => {
  test("cells fill their mapped fields, trimmed; empty cells and unmapped columns are left out", () => {
    const mapping: (ImportTarget | null)[] = [
      "type",
      "customerId",
      null,
      "timestamp",
      "channel",
      "messageId",
    ];
    const { event, errors } = csvRecordToEvent(
      [" message_sent ", "c1", "ignored", "2026-03-02T10:00:00Z", "email", "   "],
      mapping,
      "point",
    );
    expect(errors).toEqual([]);
    expect(event).toEqual({
      type: "message_sent",
      customerId: "c1",
      timestamp: "2026-03-02T10:00:00Z",
      channel: "email",
    });
  });

  test("topics are split on |, blanks dropped", () => {
    expect(
      csvRecordToEvent(row({ topics: "running|trail-running| cycling " }), MAPPING, "comma").event.topics,
    ).toEqual(["running", "trail-running", "cycling"]);
    expect(csvRecordToEvent(row({ topics: "a||b|" }), MAPPING, "point").event.topics).toEqual(["a", "b"]);
  });

  test("a record with fewer or more columns than the header is an error, the cells present still map", () => {
    expect(csvRecordToEvent(["purchased", "c1"], MAPPING, "point")).toEqual({
      event: { type: "purchased", customerId: "c1" },
      errors: ["row: has 2 columns, the header has 7"],
    });
    expect(csvRecordToEvent([...row({}), "extra"], MAPPING, "point").errors).toEqual([
      "row: has 8 columns, the header has 7",
    ]);
  });
});

describe("numbers in the file's locale", () => {
  test("decimal comma: 1249,50 is 1249.5, 2,5 a weekly cap of 2.5, whole and negative numbers too", () => {
    expect(csvRecordToEvent(row({ value: "1249,50", maxPerWeek: "2,5" }), MAPPING, "comma")).toEqual({
      event: expect.objectContaining({ value: 1249.5, maxPerWeek: 2.5 }),
      errors: [],
    });
    expect(csvRecordToEvent(row({ value: "-12", maxPerWeek: "3" }), MAPPING, "comma").event).toMatchObject({
      value: -12,
      maxPerWeek: 3,
    });
  });

  test("decimal point: 1249.50 is 1249.5", () => {
    expect(csvRecordToEvent(row({ value: "1249.50", maxPerWeek: "0.5" }), MAPPING, "point")).toEqual({
      event: expect.objectContaining({ value: 1249.5, maxPerWeek: 0.5 }),
      errors: [],
    });
  });

  test.each([
    ["comma", "value", "12.50", 'value: "12.50" is not a number with decimal comma'],
    ["comma", "value", "1.234,50", 'value: "1.234,50" is not a number with decimal comma'],
    ["comma", "value", "1 234,50", 'value: "1 234,50" is not a number with decimal comma'],
    ["comma", "maxPerWeek", "2.5", 'maxPerWeek: "2.5" is not a number with decimal comma'],
    ["point", "value", "1249,50", 'value: "1249,50" is not a number with decimal point'],
    ["point", "value", "1,234.50", 'value: "1,234.50" is not a number with decimal point'],
    ["point", "maxPerWeek", "two", 'maxPerWeek: "two" is not a number with decimal point'],
    ["point", "value", "1e3", 'value: "1e3" is not a number with decimal point'],
  ] as const)("with decimal %s, %s %j is refused: %s", (decimal, field, cell, message) => {
    const { event, errors } = csvRecordToEvent(row({ [field]: cell }), MAPPING, decimal);
    expect(errors).toEqual([message]);
    expect(event).not.toHaveProperty(field);
  });

  test("two unreadable numbers give two reasons", () => {
    expect(csvRecordToEvent(row({ value: "12.50", maxPerWeek: "1.5" }), MAPPING, "comma").errors).toEqual([
      'value: "12.50" is not a number with decimal comma',
      'maxPerWeek: "1.5" is not a number with decimal comma',
    ]);
  });

  test("parseNumber takes no thousands separators and no exponent", () => {
    expect(parseNumber("1249,5", "comma")).toBe(1249.5);
    expect(parseNumber("1249.5", "point")).toBe(1249.5);
    expect(parseNumber("007", "point")).toBe(7);
    expect(parseNumber("1.249,5", "comma")).toBeNull();
    expect(parseNumber("1,249.5", "point")).toBeNull();
    expect(parseNumber("1e3", "point")).toBeNull();
    expect(parseNumber("", "point")).toBeNull();
    expect(parseNumber(",5", "comma")).toBeNull();
  });
});

describe("traits and properties", () => {
  const header = [
    "type",
    "customerId",
    "timestamp",
    "traits.birthYear",
    "traits.loyaltyTier",
    "traits.zip",
    "traits.country",
    "traits.shoeSize",
    "traits.newsletter",
    "properties.subject",
    "properties.count",
  ];
  const mapping = autoMapColumns(header);
  const record = (cells: string[]) => ["customer_updated", "c1", "2026-03-02T10:00:00Z", ...cells];

  test("birthYear and plain custom numbers become numbers; known text traits and leading-zero codes stay text", () => {
    const { event, errors } = csvRecordToEvent(
      record(["1984", "1", "0150", "NO", "42,5", "true", "Spring sale", "3"]),
      mapping,
      "comma",
    );
    expect(errors).toEqual([]);
    expect(event).toEqual({
      type: "customer_updated",
      customerId: "c1",
      timestamp: "2026-03-02T10:00:00Z",
      traits: {
        birthYear: 1984,
        loyaltyTier: "1",
        zip: "0150",
        country: "NO",
        shoeSize: 42.5,
        newsletter: true,
      },
      properties: { subject: "Spring sale", count: 3 },
    });
  });

  test("a number in the other locale, an exponent or a thousands separator stays text; false is a boolean", () => {
    const { event } = csvRecordToEvent(
      record(["1984", "gold", "0", "DK", "42.5", "false", "1e3", "1.000"]),
      mapping,
      "comma",
    );
    expect(event.traits).toEqual({
      birthYear: 1984,
      loyaltyTier: "gold",
      zip: 0,
      country: "DK",
      shoeSize: "42.5",
      newsletter: false,
    });
    expect(event.properties).toEqual({ subject: "1e3", count: "1.000" });
  });

  test("with decimal point, 42.5 is a number and 42,5 text; birthYear that is not a number stays text for the schema to refuse", () => {
    const { event, errors } = csvRecordToEvent(
      record(["nineteen", "", "", "", "42.5", "", "", "42,5"]),
      mapping,
      "point",
    );
    expect(errors).toEqual([]);
    expect(event.traits).toEqual({ birthYear: "nineteen", shoeSize: 42.5 });
    expect(event.properties).toEqual({ count: "42,5" });
  });

  test("a record whose nested cells are all empty has no traits object", () => {
    expect(csvRecordToEvent(record(["", "", "", "", "", "", "", ""]), mapping, "point").event).toEqual({
      type: "customer_updated",
      customerId: "c1",
      timestamp: "2026-03-02T10:00:00Z",
    });
  });
});
