import { can, type Permission, type Role } from "@/lib/auth/permissions";

export interface NavItem {
  segment: string;
  label: string;
  permission: Permission;
  /** Where the link goes when the section opens on a sub-page (the section's first page). */
  landing?: string;
}

/** The sidebar, in order. Items a role cannot open are not shown. */
export const NAV_ITEMS: NavItem[] = [
  { segment: "overview", label: "Overview", permission: "viewDashboards" },
  { segment: "frequency", label: "Frequency", permission: "viewDashboards" },
  { segment: "relevance", label: "Relevance", permission: "viewDashboards" },
  { segment: "journeys", label: "Journeys", permission: "viewDashboards" },
  { segment: "segments", label: "Segments", permission: "manageSegments" },
  { segment: "customers", label: "Customers", permission: "viewCustomers" },
  { segment: "loyalty", label: "Loyalty", permission: "viewDashboards" },
  { segment: "data", label: "Data", permission: "importData" },
  { segment: "settings", label: "Settings", permission: "administer", landing: "settings/api-keys" },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => can(role, item.permission));
}
