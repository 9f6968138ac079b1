/** Roles and what each may do. The single source of the permission matrix (docs/security.md). */
export const ROLES = ["admin", "manager", "analyst", "executive"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** Aggregate dashboards: overview, frequency, relevance, journeys, loyalty. */
  viewDashboards: ["admin", "manager", "analyst", "executive"],
  /** Segments: build, save, compare. */
  manageSegments: ["admin", "manager", "analyst"],
  /** Exports of aggregate data. */
  exportAggregates: ["admin", "manager", "analyst", "executive"],
  /** Customer-level pages, lists and timelines. */
  viewCustomers: ["admin", "analyst"],
  /** File imports and import history. */
  importData: ["admin", "analyst"],
  /** Sending events to the ingestion API (API keys with the ingest scope). */
  ingestEvents: ["admin", "analyst"],
  /** Workspace settings, users and roles, API keys, data-subject requests. */
  administer: ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export const canViewDashboards = (role: Role) => can(role, "viewDashboards");
export const canViewCustomers = (role: Role) => can(role, "viewCustomers");
export const canImportData = (role: Role) => can(role, "importData");
export const canAdminister = (role: Role) => can(role, "administer");

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
