import "server-only";

import type { PrismaClient } from "@/lib/generated/prisma/client";

const PAGE = 5_000;

const quote = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * The error report of an import as CSV lines: `line,errors` with every rejected row's line
 * number in the file and all its reasons joined by "; ". Read page by page, so a report of a
 * million rows streams without being held in memory.
 */
export async function* errorReportLines(
  prisma: PrismaClient,
  workspaceId: number,
  batchId: number,
): AsyncGenerator<string> {
  yield "line,errors\n";
  for (let after = 0; ;) {
    const rows = await prisma.importRowError.findMany({
      where: { workspaceId, batchId, line: { gt: after } },
      orderBy: { line: "asc" },
      take: PAGE,
    });
    if (rows.length === 0) return;
    yield rows.map((row) => `${row.line},${quote(row.errors.join("; "))}\n`).join("");
    after = rows[rows.length - 1].line;
  }
}
