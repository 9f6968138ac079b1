import { describe, expect, test } from "vitest";

import {
  can,
  canAdminister,
  canImportData,
  canViewCustomers,
  canViewDashboards,
  isRole,
  type Permission,
  PERMISSIONS,
  type Role,
  ROLES,
} from "@/lib/auth/permissions";

// The matrix from docs/security.md, written out by hand: what each role may do.
const ALLOWED: Record<Role, Permission[]> = {
  admin: [
    "viewDashboards",
    "manageSegments",
    "exportAggregates",
    "viewCustomers",
    "importData",
    "ingestEvents",
    "administer",
  ],
  manager: ["viewDashboards", "manageSegments", "exportAggregates"],
  analyst: [
    "viewDashboards",
    "manageSegments",
    "exportAggregates",
    "viewCustomers",
    "importData",
    "ingestEvents",
  ],
  executive: ["viewDashboards", "exportAggregates"],
};
const ALL_PERMISSIONS: Permission[] = [
  "viewDashboards",
  "manageSegments",
  "exportAggregates",
  "viewCustomers",
  "importData",
  "ingestEvents",
  "administer",
];

const matrix = (Object.keys(ALLOWED) as Role[]).flatMap((role) =>
  ALL_PERMISSIONS.map((permission) => ({ role, permission, allowed: ALLOWED[role].includes(permission) })),
);

describe("permission matrix", () => {
  test("knows exactly the four roles and six permissions of the table", () => {
    expect([...ROLES].sort()).toEqual(["admin", "analyst", "executive", "manager"]);
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...ALL_PERMISSIONS].sort());
  });

  test.each(matrix)("$role may $permission: $allowed", ({ role, permission, allowed }) => {
    expect(can(role, permission)).toBe(allowed);
  });

  test.each(ROLES)("the canX shortcuts agree with can() for %s", (role) => {
    expect(canViewDashboards(role)).toBe(can(role, "viewDashboards"));
    expect(canViewCustomers(role)).toBe(can(role, "viewCustomers"));
    expect(canImportData(role)).toBe(can(role, "importData"));
    expect(canAdminister(role)).toBe(can(role, "administer"));
  });
});

describe("isRole", () => {
  test.each(["admin", "manager", "analyst", "executive"])("accepts %s", (value) => {
    expect(isRole(value)).toBe(true);
  });

  test.each(["", "Admin", "owner", "viewer", " admin", "toString"])("rejects %j", (value) => {
    expect(isRole(value)).toBe(false);
  });
});
