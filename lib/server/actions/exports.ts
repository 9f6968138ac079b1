"use server";

import { chartExportInput } from "@/lib/schemas/audit";
import { recordChartExport } from "@/lib/server/audit/record-chart-export";
import { workspaceAction } from "@/lib/server/auth/guard";
import { getPrisma } from "@/lib/server/db";

// Records a chart's CSV export (export.csv) in the audit log; called without waiting by the
// tile that offers the download.
export const recordChartExportAction = workspaceAction(
  "exportAggregates",
  chartExportInput,
  async (input, access) => {
    await recordChartExport(await getPrisma(), access, input);
    return null;
  },
);
