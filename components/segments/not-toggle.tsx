"use client";

import { useTranslations } from "next-intl";

/** Negates a condition or a group: a toggle button, pressed when the condition is excluded. */
export function NotToggle({
  pressed,
  label,
  onToggle,
}: {
  pressed: boolean;
  /** What it negates, e.g. "Exclude the customers of condition 2". */
  label: string;
  onToggle: () => void;
}) {
  const t = useTranslations("segments");
  return (
    <button
      type="button"
      aria-pressed={pressed}
      aria-label={label}
      title={label}
      onClick={onToggle}
      className={`rounded-md border px-2 py-1 text-xs font-bold tracking-wide ${
        pressed
          ? "border-red-800 bg-red-800 text-white hover:bg-red-900"
          : "border-slate-300 bg-white text-slate-600 hover:bg-slate-100"
      }`}
    >
      {t("builder.not")}
    </button>
  );
}
