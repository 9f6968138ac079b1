import type { Permission } from "@/lib/auth/permissions";

export interface PlannedSection {
  title: string;
  permission: Permission;
  purpose: string;
  planned: string[];
}

/**
 * Sections of the sidebar whose pages are not built yet, with what they will show.
 * A section leaves this table when it gets its own route folder.
 */
export const PLANNED_SECTIONS: Record<string, PlannedSection> = {};
