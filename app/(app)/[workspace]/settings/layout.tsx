import { getTranslations } from "next-intl/server";

import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/ui/page-header";

// The Settings frame: heading and sub-navigation. It shows no data: each page checks access.
export default async function SettingsLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ workspace: string }>;
}) {
  const { workspace } = await params;
  const t = await getTranslations("settings");
  return (
    <>
      <PageHeader title={t("title")} />
      <SettingsNav slug={workspace} />
      {children}
    </>
  );
}
