import { useTranslations } from "next-intl";

import { Skeleton } from "@/components/ui/skeleton";

/** The history while it loads. */
export function ImportHistorySkeleton() {
  const t = useTranslations("data.history");
  return (
    <div aria-busy="true" aria-label={t("loading")} className="space-y-2">
      {[0, 1, 2].map((i) => (
        <Skeleton key={i} className="h-16" />
      ))}
    </div>
  );
}
