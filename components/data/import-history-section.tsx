import "server-only";

import { getLocale, getTranslations } from "next-intl/server";
import { Suspense } from "react";

import type { Workspace } from "@/lib/generated/prisma/client";
import { getPrisma } from "@/lib/server/db";
import { toImportView } from "@/lib/server/import/import-view";
import { listImports } from "@/lib/server/import/manage-imports";

import { ImportHistory } from "./import-history";
import { ImportHistorySkeleton } from "./import-history-skeleton";

/** The import history: its heading at once, its first page read on the server, then kept live in the browser. */
export async function ImportHistorySection({
  workspace,
  canDelete,
}: {
  workspace: Workspace;
  canDelete: boolean;
}) {
  const t = await getTranslations("data.history");
  return (
    <section aria-labelledby="import-history-title" className="mt-10">
      <div className="mb-3">
        <h2 id="import-history-title" className="text-lg font-semibold text-slate-900">
          {t("title")}
        </h2>
        <p className="mt-0.5 text-sm text-slate-600">{t("intro")}</p>
      </div>
      <Suspense fallback={<ImportHistorySkeleton />}>
        <LoadedImportHistory workspace={workspace} canDelete={canDelete} />
      </Suspense>
    </section>
  );
}

async function LoadedImportHistory({ workspace, canDelete }: { workspace: Workspace; canDelete: boolean }) {
  const [batches, locale] = await Promise.all([
    getPrisma().then((prisma) => listImports(prisma, workspace.id)),
    getLocale(),
  ]);
  return (
    <ImportHistory
      initialImports={batches.map(toImportView)}
      slug={workspace.slug}
      locale={locale}
      timeZone={workspace.timeZone}
      canDelete={canDelete}
    />
  );
}
