"use client";

import { useTranslations } from "next-intl";

import { PATH_FAMILIES, PATH_FAMILY_COLORS } from "./path-colors";

/** What the node colours of the path diagram group; each node also names its event. */
export function PathLegend() {
  const t = useTranslations("journeys");
  return (
    <ul aria-label={t("legend")} className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
      {PATH_FAMILIES.map((family) => (
        <li key={family} className="flex items-center gap-1.5">
          <span
            aria-hidden
            className="h-3 w-3 rounded-sm"
            style={{ background: PATH_FAMILY_COLORS[family] }}
          />
          {t(`families.${family}`)}
        </li>
      ))}
    </ul>
  );
}
