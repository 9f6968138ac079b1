import { can, type Permission, type Role } from "@/lib/auth/permissions";

export interface NavItem {
  segment: string;
  /** The key of its label in the `nav` messages. */
  label:
    | "overview"
    | "frequency"
    | "relevance"
    | "journeys"
    | "segments"
    | "customers"
    | "loyalty"
    | "data"
    | "settings";
  permission: Permission;
  /** Where the link goes when the section opens on a sub-page (the section's first page). */
  landing?: string;
}

/** The sidebar, in order. Items a role cannot open are not shown. */
export const NAV_ITEMS: NavItem[] = [
  { segment: "overview", label: "overview", permission: "viewDashboards" },
  { segment: "frequency", label: "frequency", permission: "viewDashboards" },
  { segment: "relevance", label: "relevance", permission: "viewDashboards" },
  { segment: "journeys", label: "journeys", permission: "viewDashboards" },
  { segment: "segments", label: "segments", permission: "manageSegments" },
  { segment: "customers", label: "customers", permission: "viewCustomers" },
  { segment: "loyalty", label: "loyalty", permission: "viewDashboards" },
  { segment: "data", label: "data", permission: "importData" },
  { segment: "settings", label: "settings", permission: "administer", landing: "settings/api-keys" },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => can(role, item.permission));
}
