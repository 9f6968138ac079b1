import { useTranslations } from "next-intl";

import { formatBytesOf } from "./import-format";
import { buttonStyles } from "./styles";

/** The upload of a file: percent, size sent of size, and a way to stop it. */
export function UploadProgress({
  fileName,
  sent,
  total,
  locale,
  onCancel,
}: {
  fileName: string;
  sent: number;
  total: number;
  locale: string;
  onCancel: () => void;
}) {
  const t = useTranslations("data.sending");
  const percent = total > 0 ? Math.min(100, Math.floor((sent / total) * 100)) : 0;
  const checking = total > 0 && sent >= total;
  const sizes = t("sizes", formatBytesOf(sent, total, locale));
  return (
    <div className="rounded-lg border border-slate-200 bg-slate-50 p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span id="upload-progress-label" className="font-medium text-slate-900">
          {t.rich(checking ? "checking" : "uploading", {
            name: fileName,
            file: (chunks) => <span className="break-all">{chunks}</span>,
          })}
        </span>
        <span className="font-semibold text-slate-900 tabular-nums">{percent}%</span>
      </div>
      <div
        role="progressbar"
        aria-labelledby="upload-progress-label"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%, ${sizes}`}
        data-testid="upload-progress"
        className="mt-2 h-2.5 overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className="h-full rounded-full bg-brand transition-[width] duration-200"
          style={{ width: `${percent}%` }}
        />
      </div>
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-slate-600 tabular-nums">{checking ? t("checkingNote") : sizes}</p>
        <button type="button" onClick={onCancel} disabled={checking} className={buttonStyles.secondary}>
          {t("cancel")}
        </button>
      </div>
    </div>
  );
}
