"use client";

import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";

import { buttonStyles } from "@/components/ui/button-styles";
import { Link } from "@/components/ui/link";
import type { SavedSegment } from "@/lib/schemas/segment";

/** Opens the Overview filtered by the segment (?segment=<id>), keeping the period and channel. */
export function UseAsFilterLink({ workspace, segment }: { workspace: string; segment: SavedSegment }) {
  const t = useTranslations("segments");
  const search = new URLSearchParams(useSearchParams().toString());
  search.set("segment", String(segment.id));
  return (
    <Link href={`/${workspace}/overview?${search}`} className={`${buttonStyles.secondary} py-1 text-xs`}>
      {t("list.useAsFilter")}
      <span className="sr-only"> — {segment.name}</span>
    </Link>
  );
}
