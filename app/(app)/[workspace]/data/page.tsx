import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { ImportHelp } from "@/components/data/import-help";
import { ImportHistorySection } from "@/components/data/import-history-section";
import { ImportUploadPanel } from "@/components/data/import-upload-panel";
import { buttonStyles } from "@/components/ui/button-styles";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { authorizePage } from "@/lib/server/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("data"))("title") };
}

type Props = { params: Promise<{ workspace: string }> };

// Admins and analysts import event files (CSV, NDJSON) and follow each import; admins may delete an import's events.
export default async function DataPage({ params }: Props) {
  const { workspace, role } = await authorizePage((await params).workspace, "importData");
  const [t, tc] = await Promise.all([getTranslations("data"), getTranslations("consent")]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { workspace: workspace.name })}
        actions={
          can(role, "viewCustomers") ? (
            <Link href={`/${workspace.slug}/data/consent`} className={buttonStyles.secondary}>
              {tc("title")}
            </Link>
          ) : null
        }
      />
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <ImportUploadPanel slug={workspace.slug} />
        <ImportHelp slug={workspace.slug} />
      </div>
      <ImportHistorySection workspace={workspace} canDelete={can(role, "administer")} />
    </>
  );
}
