import { expect } from "vitest";

import { type Role, ROLES } from "@/lib/auth/permissions";

import { readSource } from "./source-discovery";

/** One row of the permission matrix in docs/security.md ("## Roles and permissions"). */
export interface MatrixRow {
  capability: string;
  roles: Record<Role, boolean>;
  apiKeys: { read: boolean; ingest: boolean };
  /** A permission name, "public" or "signed in". */
  permission: string;
}

const YES = "✓";
const NO = "—";

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, "")
    .split("|")
    .map((cell) => cell.trim());
}

function tick(value: string, where: string): boolean {
  expect([YES, NO], `${where}: a cell is ${YES} or ${NO}`).toContain(value);
  return value === YES;
}

/** Parses the matrix table: the first table of the section with a column per role. */
export function readPermissionMatrix(file = "docs/security.md"): MatrixRow[] {
  const source = readSource(file);
  const section = source.split(/^## /m).find((part) => part.startsWith("Roles and permissions"));
  expect(section, `${file} has a "## Roles and permissions" section`).toBeDefined();
  const lines = section!.split("\n");
  const headerAt = lines.findIndex(
    (line) => line.startsWith("|") && ROLES.every((role) => cells(line).includes(role)),
  );
  expect(headerAt, "the section holds a table with a column per role").toBeGreaterThanOrEqual(0);
  const header = cells(lines[headerAt]);
  const column = (name: string) => {
    const index = header.indexOf(name);
    expect(index, `the matrix has a column "${name}"`).toBeGreaterThanOrEqual(0);
    return index;
  };
  const rows: MatrixRow[] = [];
  for (const line of lines.slice(headerAt + 2)) {
    if (!line.startsWith("|")) break;
    const row = cells(line);
    const capability = row[0];
    rows.push({
      capability,
      roles: Object.fromEntries(
        ROLES.map((role) => [role, tick(row[column(role)], `${capability}, ${role}`)]),
      ) as Record<Role, boolean>,
      apiKeys: {
        read: tick(row[column("API key `read`")], `${capability}, read key`),
        ingest: tick(row[column("API key `ingest`")], `${capability}, ingest key`),
      },
      permission: row[column("Permission")].replace(/`/g, ""),
    });
  }
  return rows;
}
