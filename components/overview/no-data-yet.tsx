import { useTranslations } from "next-intl";

import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

/** A dashboard page of a workspace that holds no events yet, under the page's own title (default Overview). */
export function NoDataYet({ title }: { title?: string }) {
  const t = useTranslations("overview");
  return (
    <>
      <PageHeader title={title ?? t("title")} />
      <EmptyState title={t("noDataTitle")}>
        <p>{t("noDataBody")}</p>
      </EmptyState>
    </>
  );
}
