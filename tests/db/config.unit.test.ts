import path from "node:path";

import { describe, expect, test } from "vitest";

import { databaseTargetFromEnv, describeTarget } from "@/lib/server/db/config";

describe("databaseTargetFromEnv", () => {
  test("without DATABASE_URL uses embedded PGlite in ./.data/pglite", () => {
    expect(databaseTargetFromEnv({})).toEqual({ kind: "pglite", dataDir: path.resolve(".data/pglite") });
  });

  test("an empty or blank DATABASE_URL counts as unset", () => {
    expect(databaseTargetFromEnv({ DATABASE_URL: "  " })).toEqual({
      kind: "pglite",
      dataDir: path.resolve(".data/pglite"),
    });
  });

  test("RESONANS_DATA_DIR moves the embedded database, resolved to an absolute path", () => {
    expect(databaseTargetFromEnv({ RESONANS_DATA_DIR: "var/db" })).toEqual({
      kind: "pglite",
      dataDir: path.resolve("var/db"),
    });
  });

  test("pglite:memory gives an in-memory database", () => {
    expect(databaseTargetFromEnv({ DATABASE_URL: "pglite:memory" })).toEqual({
      kind: "pglite",
      dataDir: null,
    });
  });

  test("pglite:<dir> gives PGlite in that directory and wins over RESONANS_DATA_DIR", () => {
    const env = { DATABASE_URL: "pglite:./tmp/x", RESONANS_DATA_DIR: "elsewhere" };
    expect(databaseTargetFromEnv(env)).toEqual({ kind: "pglite", dataDir: path.resolve("tmp/x") });
  });

  test.each(["postgresql://u:p@db.example:5432/resonans", "postgres://localhost/resonans"])(
    "%s selects PostgreSQL with the URL unchanged",
    (url) => {
      expect(databaseTargetFromEnv({ DATABASE_URL: url })).toEqual({ kind: "postgres", url });
    },
  );

  test("surrounding whitespace is trimmed", () => {
    expect(databaseTargetFromEnv({ DATABASE_URL: " postgresql://localhost/r \n" })).toEqual({
      kind: "postgres",
      url: "postgresql://localhost/r",
    });
  });

  test("refuses other schemes without echoing credentials", () => {
    const read = () => databaseTargetFromEnv({ DATABASE_URL: "mysql://admin:s3cret@db/x" });
    expect(read).toThrow(/must start with postgresql:\/\/.*"mysql:…"/);
    expect(read).not.toThrow(/s3cret/);
  });
});

describe("describeTarget", () => {
  test("names the PostgreSQL host but never the password", () => {
    const text = describeTarget({ kind: "postgres", url: "postgresql://u:s3cret@db.example:5432/r" });
    expect(text).toBe("PostgreSQL at db.example:5432");
  });

  test("names the PGlite directory, or says it is in memory", () => {
    expect(describeTarget({ kind: "pglite", dataDir: "/srv/data" })).toBe("embedded PGlite in /srv/data");
    expect(describeTarget({ kind: "pglite", dataDir: null })).toBe("embedded PGlite in memory");
  });
});
