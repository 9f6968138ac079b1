import { useTranslations } from "next-intl";

import type { ImportView } from "@/lib/import/import-view";

type Status = ImportView["status"];

/** Each status with its own shape and an Okabe–Ito tint beside its word: never colour alone. */
const STATUS: Record<Status, { className: string; icon: React.ReactNode }> = {
  queued: {
    className: "border-slate-300 bg-slate-50 text-slate-700",
    icon: (
      <circle
        cx="8"
        cy="8"
        r="5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.75"
        strokeDasharray="2.5 2"
      />
    ),
  },
  running: {
    className: "border-chart-1/40 bg-chart-1/10 text-[#00507d]",
    icon: (
      <path
        d="M8 3a5 5 0 1 1-5 5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.75"
        strokeLinecap="round"
      />
    ),
  },
  completed: {
    className: "border-chart-3/40 bg-chart-3/10 text-[#00664a]",
    icon: (
      <path
        d="m4 8.5 2.5 2.5L12 5.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
    ),
  },
  cancelled: {
    className: "border-slate-300 bg-slate-100 text-slate-700",
    icon: <rect x="4.5" y="4.5" width="7" height="7" rx="1" fill="currentColor" />,
  },
  failed: {
    className: "border-chart-6/40 bg-chart-6/10 text-[#a0410a]",
    icon: (
      <>
        <path d="M8 4v5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        <circle cx="8" cy="12" r="1.1" fill="currentColor" />
      </>
    ),
  },
};

/** The status of an import as a badge: word, icon and tint. */
export function ImportStatusBadge({ status }: { status: Status }) {
  const t = useTranslations("data.status");
  const { className, icon } = STATUS[status];
  return (
    <span
      data-testid="import-status"
      className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${className}`}
    >
      <svg
        aria-hidden
        viewBox="0 0 16 16"
        className={`h-3.5 w-3.5 ${status === "running" ? "motion-safe:animate-spin" : ""}`}
      >
        {icon}
      </svg>
      {t(status)}
    </span>
  );
}
