import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { ConsentCard } from "@/components/customers/consent-card";
import { ContactPressureCard } from "@/components/customers/contact-pressure-card";
import { PreferencesCard } from "@/components/customers/preferences-card";
import { Timeline } from "@/components/customers/timeline";
import { TraitsCard } from "@/components/customers/traits-card";
import { DashboardQueryProvider } from "@/components/metrics/dashboard-query";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { formatDate } from "@/lib/format";
import { getCustomerProfile } from "@/lib/server/customers/get-customer-profile";
import { loadDashboardPage } from "@/lib/server/dashboard/load-dashboard-page";
import { getPrisma } from "@/lib/server/db";

const EVENTS_PER_PAGE = 100;

/** The customer id of the URL segment; a malformed escape is taken as written. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

type Props = {
  params: Promise<{ workspace: string; customerId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeSegment((await params).customerId) };
}

// One customer: traits, consent per channel, preferences, contact pressure, and every event.
export default async function CustomerPage({ params, searchParams }: Props) {
  const { workspace: slug, customerId: rawId } = await params;
  const search = await searchParams;
  const customerId = decodeSegment(rawId);
  const page = await loadDashboardPage(slug, search, "viewCustomers");
  const { access, window, query } = page;
  const offsetParam = Number(Array.isArray(search.offset) ? search.offset[0] : search.offset);
  const offset = Number.isInteger(offsetParam) && offsetParam > 0 ? offsetParam : 0;
  const profile = await getCustomerProfile(await getPrisma(), {
    workspaceId: access.workspace.id,
    customerId,
    from: window.from,
    to: window.to,
    timeZone: query.timeZone,
    frequencyCap: access.workspace.frequencyCap,
    limit: EVENTS_PER_PAGE,
    offset,
  });
  if (!profile) notFound();
  const t = await getTranslations("customers");
  const date = (iso: string) => formatDate(new Date(iso), query.locale, query.timeZone);
  const listQuery = new URLSearchParams(
    Object.entries(search).flatMap(([key, value]) =>
      key === "offset" || value === undefined ? [] : [[key, Array.isArray(value) ? value[0] : value]],
    ),
  ).toString();
  return (
    <DashboardQueryProvider value={query}>
      <p className="mb-2 text-sm">
        <Link
          href={`/${slug}/customers${listQuery ? `?${listQuery}` : ""}`}
          className="text-brand underline-offset-2 hover:underline"
        >
          ← {t("backToList")}
        </Link>
      </p>
      <PageHeader
        title={customerId}
        description={t("profileDescription", {
          first: date(profile.firstSeenAt),
          last: date(profile.lastSeenAt),
        })}
      />
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-3">
        <div className="space-y-4 xl:col-span-1">
          <ContactPressureCard profile={profile} />
          <ConsentCard profile={profile} />
          <PreferencesCard profile={profile} />
          <TraitsCard traits={profile.traits} />
        </div>
        <div className="xl:col-span-2">
          <Timeline timeline={profile.timeline} offset={offset} perPage={EVENTS_PER_PAGE} />
        </div>
      </div>
    </DashboardQueryProvider>
  );
}
