import fs from "node:fs";
import path from "node:path";

/** The checkout's root: every path below is relative to it, with forward slashes. */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");

/** Where application code lives (lib/generated is Prisma's output, not ours). */
const SOURCE_DIRS = ["app", "components", "lib"];
const SKIPPED_DIRS = new Set(["lib/generated", "node_modules"]);

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

/** Every file under `dir` (relative to the root) whose name passes `keep`. */
export function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  const absolute = path.join(PROJECT_ROOT, dir);
  if (!fs.existsSync(absolute)) return [];
  return fs
    .readdirSync(absolute, { withFileTypes: true })
    .flatMap((entry) => {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) return SKIPPED_DIRS.has(relative) ? [] : filesUnder(relative, keep);
      return keep(entry.name) ? [relative] : [];
    })
    .sort();
}

export function readSource(file: string): string {
  return fs.readFileSync(path.join(PROJECT_ROOT, file), "utf8");
}

/** Route handler files of the App Router (`app/**\/route.ts`). */
export function routeFiles(): string[] {
  return filesUnder("app", (name) => /^route\.(ts|tsx|js)$/.test(name));
}

export interface RouteHandler {
  file: string;
  method: (typeof HTTP_METHODS)[number];
  /** `GET app/api/v1/metrics/[name]/route.ts`: the key tables use. */
  key: string;
}

/** Each HTTP method a route file exports, in any of the forms the App Router accepts. */
export function routeHandlers(): RouteHandler[] {
  return routeFiles().flatMap((file) => {
    const source = readSource(file);
    const names = new Set<string>();
    for (const [, name] of source.matchAll(/export\s+(?:const|let|(?:async\s+)?function)\s+(\w+)/g)) {
      names.add(name);
    }
    for (const [, list] of source.matchAll(/export\s+const\s+\{([^}]*)\}/g)) {
      for (const name of list.split(",")) names.add(name.split(":").pop()!.trim());
    }
    return HTTP_METHODS.filter((method) => names.has(method)).map((method) => ({
      file,
      method,
      key: `${method} ${file}`,
    }));
  });
}

/** The source without leading comments and blank lines: where a directive must stand. */
function afterLeadingComments(source: string): string {
  return source.replace(/^(?:\s+|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "");
}

/** Files whose first statement is the "use server" directive: every export is a server action. */
export function serverActionFiles(): string[] {
  return SOURCE_DIRS.flatMap((dir) => filesUnder(dir, (name) => /\.(ts|tsx)$/.test(name))).filter((file) =>
    /^["']use server["']/.test(afterLeadingComments(readSource(file))),
  );
}

export interface ServerAction {
  file: string;
  name: string;
  /** `lib/server/actions/segments.ts#createSegmentAction`: the key tables use. */
  key: string;
}

/** Every exported value of every "use server" file (types are erased and not actions). */
export function serverActions(): ServerAction[] {
  return serverActionFiles().flatMap((file) => {
    const source = readSource(file);
    const names = [
      ...source.matchAll(/export\s+(?:const|let|(?:async\s+)?function)\s+(\w+)/g),
      ...[...source.matchAll(/export\s*\{([^}]*)\}/g)].flatMap(([, list]) =>
        list
          .split(",")
          .filter((item) => item.trim() && !item.trim().startsWith("type "))
          .map((item) => [
            item,
            item
              .split(/\s+as\s+/)
              .pop()!
              .trim(),
          ]),
      ),
    ].map(([, name]) => name);
    return names.map((name) => ({ file, name, key: `${file}#${name}` }));
  });
}

/** Every page of the App Router (`app/**\/page.tsx`). */
export function pageFiles(): string[] {
  return filesUnder("app", (name) => /^page\.(tsx|ts|jsx|js)$/.test(name));
}
