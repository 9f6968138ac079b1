import "server-only";

import { Suspense } from "react";

import type { Workspace } from "@/lib/generated/prisma/client";
import { getPrisma } from "@/lib/server/db";
import { toImportView } from "@/lib/server/import/import-view";
import { listImports } from "@/lib/server/import/manage-imports";

import { ImportHistory } from "./import-history";
import { ImportHistorySkeleton } from "./import-history-skeleton";

/** The import history: its heading at once, its first page read on the server, then kept live in the browser. */
export function ImportHistorySection({ workspace, canDelete }: { workspace: Workspace; canDelete: boolean }) {
  return (
    <section aria-labelledby="import-history-title" className="mt-10">
      <div className="mb-3">
        <h2 id="import-history-title" className="text-lg font-semibold text-slate-900">
          Import history
        </h2>
        <p className="mt-0.5 text-sm text-slate-600">
          The last 50 imports, newest first. Progress updates every second while an import runs.
        </p>
      </div>
      <Suspense fallback={<ImportHistorySkeleton />}>
        <LoadedImportHistory workspace={workspace} canDelete={canDelete} />
      </Suspense>
    </section>
  );
}

async function LoadedImportHistory({ workspace, canDelete }: { workspace: Workspace; canDelete: boolean }) {
  const batches = await listImports(await getPrisma(), workspace.id);
  return (
    <ImportHistory
      initialImports={batches.map(toImportView)}
      slug={workspace.slug}
      locale={workspace.defaultLocale}
      timeZone={workspace.timeZone}
      canDelete={canDelete}
    />
  );
}
