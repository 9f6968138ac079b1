import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

/** The Overview of a workspace that holds no events yet. */
export function NoDataYet() {
  return (
    <>
      <PageHeader title="Overview" />
      <EmptyState title="No customer data yet">
        <p>
          Resonans shows numbers once this workspace holds events: send them to the batch API (
          <code>POST /api/v1/events</code> with a workspace API key) or import a CSV or NDJSON file.
        </p>
      </EmptyState>
    </>
  );
}
