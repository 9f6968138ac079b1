import "server-only";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type ChartExportInput, chartExportInput } from "@/lib/schemas/audit";
import { recordAudit } from "@/lib/server/audit";
import type { Access } from "@/lib/server/auth/guard";

/**
 * Records `export.csv`: a chart's CSV made in the browser from the data on screen. The file
 * never passes through the server, so the browser reports the tile, its row count and its
 * filters when it offers the download.
 */
export async function recordChartExport(
  prisma: PrismaClient,
  access: Pick<Access, "workspace" | "user" | "apiKeyId">,
  input: ChartExportInput,
): Promise<void> {
  const { tile, rows, filters } = chartExportInput.parse(input);
  await recordAudit(
    {
      action: "export.csv",
      workspaceId: access.workspace.id,
      userId: access.user?.id ?? null,
      targetType: "tile",
      targetId: tile,
      details: { rows, filters, ...(access.apiKeyId ? { apiKeyId: access.apiKeyId } : {}) },
    },
    prisma,
  );
}
