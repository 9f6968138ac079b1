"use client";

import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useQueryStates } from "nuqs";

import { useSavedSegments } from "@/components/segments/use-saved-segments";
import { dashboardParsers } from "@/lib/url-state/dashboard-params";

/**
 * Segment filter: the saved segments the user may use (shared ones, and their own), kept in the
 * URL (?segment=<id>) and honoured by every tile. Hidden while there is none to choose.
 */
export function SegmentPicker() {
  const t = useTranslations("segments");
  const workspace = usePathname().split("/")[1];
  const [{ segment }, setParams] = useQueryStates(dashboardParsers, { shallow: false, history: "push" });
  const { data: segments = [], isPending } = useSavedSegments(workspace);
  const usable = segments.filter((saved) => saved.definition !== null);
  if (usable.length === 0 && segment === null) return null;
  const known = segment === null || usable.some((saved) => saved.id === segment);
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-slate-600">{t("picker.label")}</span>
      <select
        value={segment ?? ""}
        disabled={isPending}
        onChange={(event) =>
          void setParams({ segment: event.target.value ? Number(event.target.value) : null })
        }
        className="max-w-48 rounded-lg border border-slate-300 bg-white px-2 py-1.5"
      >
        <option value="">{t("picker.allCustomers")}</option>
        {known ? null : (
          <option value={segment}>{isPending ? "…" : t("picker.unavailable", { id: segment })}</option>
        )}
        {usable.map((saved) => (
          <option key={saved.id} value={saved.id}>
            {saved.shared ? saved.name : t("picker.private", { name: saved.name })}
          </option>
        ))}
      </select>
    </label>
  );
}
