import { NoDataYet } from "@/components/overview/no-data-yet";
import { PageHeader } from "@/components/ui/page-header";
import type { DashboardPage } from "@/lib/server/dashboard/load-dashboard-page";

import { DashboardQueryProvider } from "./dashboard-query";
import { PeriodDescription } from "./period-description";

/**
 * The frame of a dashboard page: the title with the period (and the comparison period when
 * `showComparison`), the page's tiles under the resolved query — or, for a workspace without
 * events, an empty state under the same title.
 */
export function DashboardFrame({
  page,
  title,
  description,
  showComparison = false,
  children,
}: {
  page: DashboardPage;
  title: string;
  /** Replaces the period line. */
  description?: React.ReactNode;
  showComparison?: boolean;
  children: React.ReactNode;
}) {
  if (!page.hasData) return <NoDataYet title={title} />;
  return (
    <>
      <PageHeader
        title={title}
        description={
          description ?? (
            <PeriodDescription
              window={page.window}
              comparison={showComparison ? (page.comparison ?? undefined) : undefined}
              timeZone={page.query.timeZone}
            />
          )
        }
      />
      <DashboardQueryProvider value={page.query}>{children}</DashboardQueryProvider>
    </>
  );
}
