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
export const PLANNED_SECTIONS: Record<string, PlannedSection> = {
  relevance: {
    title: "Relevance",
    permission: "viewDashboards",
    purpose: "Whether each message matched what its recipient has shown interest in.",
    planned: [
      "Send share versus want share per topic",
      "Campaigns ranked by relevance",
      "The distribution of relevance scores",
    ],
  },
  journeys: {
    title: "Journeys",
    permission: "viewDashboards",
    purpose: "The paths customers take across messages, visits and purchases.",
    planned: ["A funnel builder", "Paths into and out of any event", "Welcome and let-go checks"],
  },
  segments: {
    title: "Segments",
    permission: "manageSegments",
    purpose: "Build, save and compare groups of customers.",
    planned: [
      "A segment builder with a live count",
      "Saved private and shared segments",
      "Side-by-side comparison",
    ],
  },
  customers: {
    title: "Customers",
    permission: "viewCustomers",
    purpose: "Individual customers and their timelines.",
    planned: ["A searchable customer list", "Each customer's timeline, consent and preferences"],
  },
  loyalty: {
    title: "Loyalty",
    permission: "viewDashboards",
    purpose: "Loyalty health, at a glance.",
    planned: [
      "The loyalty health index and its five components",
      "Repeat purchase, at-risk share and cohorts",
    ],
  },
};
