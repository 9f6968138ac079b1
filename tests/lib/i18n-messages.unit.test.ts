import fs from "node:fs";
import path from "node:path";

import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, test } from "vitest";

import { LOCALES, negotiateLocale } from "@/lib/i18n/locales";

const dir = path.resolve(import.meta.dirname, "../../lib/i18n/messages");
type Tree = { [key: string]: string | Tree };

/** A language's messages: one JSON file per namespace in messages/<locale>/. */
function load(locale: string): Tree {
  const files = fs.readdirSync(path.join(dir, locale)).filter((file) => file.endsWith(".json"));
  return Object.fromEntries(
    files.map((file) => [
      file.replace(/\.json$/, ""),
      JSON.parse(fs.readFileSync(path.join(dir, locale, file), "utf8")) as Tree,
    ]),
  );
}

/** Every message as [dotted key, text]. */
function flatten(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value]] : flatten(value, `${prefix}${key}.`),
  );
}

/** The ICU arguments a message uses ({name}, {count, plural, …}, nested ones too), sorted. */
function argumentsOf(text: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if ("value" in element && typeof element.value === "string" && element.type !== TYPE.literal) {
        names.add(element.value);
      }
      if ("options" in element) for (const option of Object.values(element.options)) walk(option.value);
      if ("children" in element) walk(element.children);
    }
  };
  walk(parse(text));
  return [...names].sort();
}

const english = new Map(flatten(load("en")));

describe.each(LOCALES.filter((locale) => locale !== "en"))("messages in %s", (locale) => {
  const messages = new Map(flatten(load(locale)));

  test("hold every English key and no other", () => {
    const missing = [...english.keys()].filter((key) => !messages.has(key));
    const extra = [...messages.keys()].filter((key) => !english.has(key));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  test("use the same arguments as English in every message, and none is empty", () => {
    for (const [key, text] of messages) {
      expect(text.trim(), key).not.toBe("");
      const reference = english.get(key);
      if (reference !== undefined) expect(argumentsOf(text), key).toEqual(argumentsOf(reference));
    }
  });
});

test("each language's index registers every namespace file", () => {
  for (const locale of LOCALES) {
    const index = fs.readFileSync(path.join(dir, locale, "index.ts"), "utf8");
    for (const namespace of Object.keys(load(locale))) {
      expect(index, `${locale}/index.ts`).toContain(`import ${namespace} from "./${namespace}.json";`);
    }
  }
});

test("no English message is empty", () => {
  for (const [key, text] of english) expect(text.trim(), key).not.toBe("");
});

test("no component asks for a key the English messages lack", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const sources = ["app", "components"].flatMap((top) =>
    fs
      .readdirSync(path.join(root, top), { recursive: true, encoding: "utf8" })
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => fs.readFileSync(path.join(root, top, file), "utf8")),
  );
  // useTranslations("ns") / getTranslations("ns") then t("key"): checked for literal keys.
  const unknown: string[] = [];
  for (const source of sources) {
    const namespaces = [...source.matchAll(/(?:useTranslations|getTranslations)\(\s*"([\w.]+)"\s*\)/g)].map(
      (m) => m[1],
    );
    if (namespaces.length !== 1) continue;
    for (const [, key] of source.matchAll(/\bt(?:\.rich)?\(\s*"([\w.]+)"/g)) {
      if (!english.has(`${namespaces[0]}.${key}`)) unknown.push(`${namespaces[0]}.${key}`);
    }
  }
  expect(unknown).toEqual([]);
});

test("the browser's languages pick the interface language, Norwegian variants as Bokmål", () => {
  expect(negotiateLocale("da-DK,da;q=0.9,en;q=0.8")).toBe("da");
  expect(negotiateLocale("de-DE, sv;q=0.5, en;q=0.7")).toBe("en");
  expect(negotiateLocale("no")).toBe("nb");
  expect(negotiateLocale("nn-NO;q=0.9, fr")).toBe("nb");
  expect(negotiateLocale("fr, de")).toBe("en");
  expect(negotiateLocale(null)).toBe("en");
  expect(negotiateLocale("sv;q=0, da;q=0.1")).toBe("da");
});
