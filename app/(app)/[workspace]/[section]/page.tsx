import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { NotBuiltYet } from "@/components/shell/not-built-yet";
import { PLANNED_SECTIONS } from "@/components/shell/planned-sections";
import { authorizePage } from "@/lib/server/auth/guard";

type Props = { params: Promise<{ workspace: string; section: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const title = PLANNED_SECTIONS[(await params).section]?.title;
  return { title: title ?? (await getTranslations("common"))("notFound") };
}

// A sidebar section whose own page is not built yet: checks access, then says what it will hold.
export default async function PlannedSectionPage({ params }: Props) {
  const { workspace, section } = await params;
  const planned = Object.hasOwn(PLANNED_SECTIONS, section) ? PLANNED_SECTIONS[section] : undefined;
  if (!planned) notFound();
  await authorizePage(workspace, planned.permission);
  return <NotBuiltYet title={planned.title} purpose={planned.purpose} planned={planned.planned} />;
}
