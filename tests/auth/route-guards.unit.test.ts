import { expect, test } from "vitest";

import { readSource, routeFiles } from "../helpers/source-discovery";

/** Auth.js serves sign-in and sign-out itself: the only route handlers outside the guard. */
const OUTSIDE_THE_GUARD = ["app/api/auth/[...nextauth]/route.ts"];

test("every route handler is wrapped in withAuth or declared public with withPublic", () => {
  const files = routeFiles();
  expect(files.length).toBeGreaterThan(OUTSIDE_THE_GUARD.length);
  for (const file of files) {
    if (OUTSIDE_THE_GUARD.includes(file)) continue;
    const source = readSource(file);
    const handlers = [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b([^;]*)/g)];
    expect(handlers.length, `${file} exports no handler this test understands`).toBeGreaterThan(0);
    for (const [, method, definition] of handlers) {
      expect(definition, `${method} in ${file}`).toMatch(/^\s*=\s*(withAuth|withPublic)\(/);
    }
    expect(source, `${file} exports a handler as a function`).not.toMatch(
      /export (async )?function (GET|POST|PUT|PATCH|DELETE)/,
    );
  }
});

test("the public routes are the ones meant to be public", () => {
  const publicRoutes = routeFiles().filter((file) => readSource(file).includes("withPublic("));
  expect(publicRoutes).toEqual(["app/api/v1/openapi.json/route.ts"]);
});
