import { describe, expect, test } from "vitest";

import { assertLocalDatabaseUrl } from "../helpers/local-database-guard";

describe("assertLocalDatabaseUrl (test harness guard)", () => {
  test.each([
    "postgresql://postgres@127.0.0.1:5544/postgres",
    "postgres://postgres@localhost/x",
    "postgresql://postgres@[::1]:5432/x",
  ])("accepts the local server %s", (url) => {
    expect(() => assertLocalDatabaseUrl(url)).not.toThrow();
  });

  test.each([
    "postgresql://postgres@db.example.com/prod",
    "postgresql://postgres@10.0.0.5:5432/x",
    "postgresql://postgres@localhost/x?host=db.example.com",
    "mysql://root@127.0.0.1/x",
    "not a url",
  ])("refuses %s", (url) => {
    expect(() => assertLocalDatabaseUrl(url)).toThrow(/Refusing to run tests/);
  });
});
