import { NextResponse } from "next/server";

import { withAuth } from "@/lib/server/auth/guard";
import { getPrisma } from "@/lib/server/db";
import { listSegments } from "@/lib/server/segments/saved-segments";

// GET /api/workspaces/:workspace/segments — the saved segments the member may use: shared ones
// and their own private ones, by name (the global segment filter offers them).
export const GET = withAuth(
  async (_request, access) => {
    const segments = await listSegments(await getPrisma(), {
      workspaceId: access.workspace.id,
      userId: access.user?.id ?? null,
      isAdmin: access.role === "admin",
    });
    return NextResponse.json({ segments });
  },
  { permission: "viewDashboards", allowApiKey: false },
);
