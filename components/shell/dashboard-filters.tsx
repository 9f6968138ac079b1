"use client";

import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

import { ChannelPicker } from "./channel-picker";
import { ComparePicker } from "./compare-picker";
import { DateRangePicker } from "./date-range-picker";
import { SegmentPicker } from "./segment-picker";

/** Sections whose pages are not dashboards: the global filters would change nothing there. */
const WITHOUT_FILTERS = ["data", "settings"];

/** The global filters (date range, channel, comparison), kept in the URL; hidden where they mean nothing. */
export function DashboardFilters({ anchorDate }: { anchorDate: string }) {
  const t = useTranslations("filters");
  const section = usePathname().split("/")[2];
  if (WITHOUT_FILTERS.includes(section)) return null;
  return (
    <div role="group" aria-label={t("label")} className="mt-2 flex flex-wrap items-center gap-x-5 gap-y-2">
      <DateRangePicker anchorDate={anchorDate} />
      <ChannelPicker />
      <SegmentPicker />
      <ComparePicker />
    </div>
  );
}
