import { useTranslations } from "next-intl";

import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

/** The Overview of a workspace that holds no events yet. */
export function NoDataYet() {
  const t = useTranslations("overview");
  return (
    <>
      <PageHeader title={t("title")} />
      <EmptyState title={t("noDataTitle")}>
        <p>{t("noDataBody")}</p>
      </EmptyState>
    </>
  );
}
