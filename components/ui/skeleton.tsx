/** A grey placeholder block shown while data loads; `busy` marks it as loading for assistive technology. */
export function Skeleton({ className = "", busy = false }: { className?: string; busy?: boolean }) {
  return (
    <div
      aria-hidden={busy ? undefined : true}
      aria-busy={busy ? true : undefined}
      className={`animate-pulse rounded-md bg-slate-200 ${className}`}
    />
  );
}
