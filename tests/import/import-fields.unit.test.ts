import { describe, expect, test } from "vitest";

import { defaultDecimal, detectDelimiter, formatFromFileName } from "@/lib/import/detect-csv-dialect";
import {
  autoMapColumns,
  isImportTarget,
  matchHeader,
  nestedTarget,
  REQUIRED_IMPORT_FIELDS,
} from "@/lib/import/import-fields";

describe("matchHeader", () => {
  test.each([
    ["customerId", "customerId"],
    ["customer_id", "customerId"],
    ["Customer ID", "customerId"],
    ["CUSTOMER-ID", "customerId"],
    ["  customer_id  ", "customerId"],
    ["event_type", "type"],
    ["Type", "type"],
    ["event", "type"],
    ["user_id", "customerId"],
    ["occurred_at", "timestamp"],
    ["ts", "timestamp"],
    ["message_id", "messageId"],
    ["max_per_week", "maxPerWeek"],
    ["amount", "value"],
    ["Event ID", "id"],
  ])("%j is the field %s", (header, field) => {
    expect(matchHeader(header)).toBe(field);
  });

  test.each([
    ["traits.country", "traits.country"],
    ["trait_country", "traits.country"],
    ["traits_birthYear", "traits.birthYear"],
    ["Trait.loyaltyTier", "traits.loyaltyTier"],
    ["properties.subject", "properties.subject"],
    ["property.subject", "properties.subject"],
    ["Properties_order_id", "properties.order_id"],
  ])("%j is the nested target %s (the key keeps its spelling)", (header, target) => {
    expect(matchHeader(header)).toBe(target);
  });

  test.each(["shoe size", "email", "", "traits.", "traits.first name", "properties. subject"])(
    "%j matches nothing",
    (header) => {
      expect(matchHeader(header)).toBeNull();
    },
  );
});

describe("autoMapColumns", () => {
  test("maps each header, unknown ones to null, and a target that comes twice only the first time", () => {
    expect(
      autoMapColumns([
        "customer_id",
        "Customer ID",
        "event_type",
        "timestamp",
        "notes",
        "traits.country",
        "trait_country",
      ]),
    ).toEqual(["customerId", null, "type", "timestamp", null, "traits.country", null]);
  });

  test("an empty header row maps to nothing", () => {
    expect(autoMapColumns([])).toEqual([]);
  });
});

describe("targets", () => {
  test("isImportTarget takes the event fields and traits.* / properties.*, nothing else", () => {
    expect(isImportTarget("customerId")).toBe(true);
    expect(isImportTarget("traits.country")).toBe(true);
    expect(isImportTarget("properties.subject")).toBe(true);
    expect(isImportTarget("traits")).toBe(false);
    expect(isImportTarget("customer_id")).toBe(false);
    expect(isImportTarget("other.key")).toBe(false);
    expect(isImportTarget(`traits.${"k".repeat(65)}`)).toBe(false);
  });

  test("nestedTarget splits traits.* and properties.*, and is null for a field", () => {
    expect(nestedTarget("traits.country")).toEqual({ object: "traits", key: "country" });
    expect(nestedTarget("properties.order_id")).toEqual({ object: "properties", key: "order_id" });
    expect(nestedTarget("value")).toBeNull();
  });

  test("a file must map type, customerId and timestamp", () => {
    expect(REQUIRED_IMPORT_FIELDS).toEqual(["type", "customerId", "timestamp"]);
  });
});

describe("CSV dialect", () => {
  test.each([
    ["id,type,customerId", ","],
    ["id;type;customerId", ";"],
    ["id\ttype\tcustomerId", "\t"],
    ["id|type|customerId", "|"],
    ["one column", ","],
    ["a,b;c", ","], // a tie goes to the comma
    ["a;b;c,d", ";"],
  ])("the delimiter of %j is %j", (line, delimiter) => {
    expect(detectDelimiter(line)).toBe(delimiter);
  });

  test("semicolon files default to decimal comma, the others to decimal point", () => {
    expect(defaultDecimal(";")).toBe("comma");
    expect(defaultDecimal(",")).toBe("point");
    expect(defaultDecimal("\t")).toBe("point");
    expect(defaultDecimal("|")).toBe("point");
  });

  test.each([
    ["events.ndjson", "ndjson"],
    ["EVENTS.JSONL", "ndjson"],
    ["events.csv", "csv"],
    ["events.txt", "csv"],
    ["events.ndjson.csv", "csv"],
    ["ndjson", "csv"],
  ])("%s is read as %s", (name, format) => {
    expect(formatFromFileName(name)).toBe(format);
  });
});
