import { useTranslations } from "next-intl";

import { formatBytes } from "./import-format";
import { buttonStyles, fieldStyles } from "./styles";
import type { ChosenFile, ImportFormat } from "./use-import-preview";

/** The chosen file: its name and size, the format it is read as, and a way to remove it. */
export function ChosenFileSummary({
  chosen,
  locale,
  disabled,
  onFormat,
  onRemove,
}: {
  chosen: ChosenFile;
  locale: string;
  disabled: boolean;
  onFormat: (format: ImportFormat) => void;
  onRemove: () => void;
}) {
  const t = useTranslations("data.format");
  return (
    <div className="flex flex-wrap items-end justify-between gap-3 border-b border-slate-100 pb-4">
      <div className="min-w-0">
        <p className="text-sm font-semibold break-all text-slate-900" data-testid="chosen-file">
          {chosen.file.name}
        </p>
        <p className="text-xs text-slate-500">{formatBytes(chosen.file.size, locale)}</p>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="import-format" className={fieldStyles.label}>
            {t("label")}
          </label>
          <select
            id="import-format"
            value={chosen.format}
            disabled={disabled}
            aria-describedby="import-format-hint"
            onChange={(event) => onFormat(event.target.value as ImportFormat)}
            className={`${fieldStyles.select} max-w-full sm:w-auto`}
          >
            <option value="csv">{t("csv")}</option>
            <option value="ndjson">{t("ndjson")}</option>
          </select>
        </div>
        <button type="button" onClick={onRemove} disabled={disabled} className={buttonStyles.secondary}>
          {t("remove")}
        </button>
      </div>
      <p id="import-format-hint" className={`${fieldStyles.hint} w-full`}>
        {chosen.format !== chosen.suggested
          ? t("changed")
          : chosen.suggested === "ndjson"
            ? t("fromNameNdjson")
            : t("fromNameCsv")}
      </p>
    </div>
  );
}
