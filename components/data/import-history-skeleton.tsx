import { Skeleton } from "@/components/ui/skeleton";

/** The history while it loads. */
export function ImportHistorySkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading the import history" className="space-y-2">
      {[0, 1, 2].map((i) => (
        <Skeleton key={i} className="h-16" />
      ))}
    </div>
  );
}
