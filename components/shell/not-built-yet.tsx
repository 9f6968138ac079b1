import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

/** An honest placeholder for a page whose numbers are not built yet. */
export function NotBuiltYet({
  title,
  purpose,
  planned,
}: {
  title: string;
  purpose: string;
  planned: string[];
}) {
  return (
    <>
      <PageHeader title={title} description={purpose} />
      <EmptyState title="Not available yet">
        <p>This page is part of Resonans but its charts are not built in this version. It will show:</p>
        <ul className="mx-auto mt-3 inline-block list-disc text-left">
          {planned.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </EmptyState>
    </>
  );
}
