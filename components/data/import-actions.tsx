"use client";

import { useTranslations } from "next-intl";

import { formatNumber } from "@/lib/format";
import { isActiveImport, type ImportView } from "@/lib/import/import-view";
import { cancelImportAction, resumeImportAction } from "@/lib/server/actions/imports";

import { DeleteImportEventsButton } from "./delete-import-events-button";
import { errorReportUrl } from "./import-api";
import { buttonStyles } from "./styles";
import { useImportAction } from "./use-import-action";

/** What can be done with one import: cancel, resume, download its error report, delete its events. */
export function ImportActions({
  slug,
  view,
  canDelete,
  locale,
}: {
  slug: string;
  view: ImportView;
  /** Admins only: deleting events changes what every role sees. */
  canDelete: boolean;
  locale: string;
}) {
  const t = useTranslations("data.actions");
  const cancel = useImportAction(slug, cancelImportAction);
  const resume = useImportAction(slug, resumeImportAction);
  const active = isActiveImport(view);
  const resumable =
    (view.status === "cancelled" || view.status === "failed") && view.eventsDeletedAt === null;
  const deletable = canDelete && view.eventsDeletedAt === null && (active || view.accepted > 0);
  const error = cancel.error ?? resume.error;
  const forFile = <span className="sr-only"> {view.fileName}</span>;

  return (
    <div className="flex flex-wrap gap-2 md:justify-end">
      {active ? (
        <button
          type="button"
          onClick={() => cancel.run(view.id)}
          disabled={cancel.pending}
          className={buttonStyles.secondary}
        >
          {cancel.pending ? t("cancelling") : t("cancel")}
          {forFile}
        </button>
      ) : null}
      {resumable ? (
        <button
          type="button"
          onClick={() => resume.run(view.id)}
          disabled={resume.pending}
          className={buttonStyles.secondary}
        >
          {resume.pending ? t("resuming") : t("resume")}
          {forFile}
        </button>
      ) : null}
      {view.rejected > 0 ? (
        <a href={errorReportUrl(slug, view.id)} download className={buttonStyles.secondary}>
          {t("downloadReport")}
          <span className="sr-only">
            {" "}
            {t("reportOf", {
              name: view.fileName,
              count: view.rejected,
              formatted: formatNumber(view.rejected, locale),
            })}
          </span>
        </a>
      ) : null}
      {deletable ? (
        <DeleteImportEventsButton slug={slug} view={view} active={active} locale={locale} />
      ) : null}
      {error ? (
        <p role="alert" className="w-full text-xs text-red-800 md:text-right">
          {error}
        </p>
      ) : null}
    </div>
  );
}
