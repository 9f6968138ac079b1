/** A tile that could not be shown: what failed, optionally why, and a button that tries again. */
export function TileError({
  title,
  detail,
  retryLabel,
  onRetry,
}: {
  title: string;
  detail?: string;
  retryLabel: string;
  onRetry: () => void;
}) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
      <p className="font-semibold">{title}</p>
      {detail ? <p className="mt-1">{detail}</p> : null}
      <button
        type="button"
        onClick={onRetry}
        className="mt-3 rounded-lg border border-red-300 bg-white px-3 py-1 text-xs font-medium hover:bg-red-100"
      >
        {retryLabel}
      </button>
    </div>
  );
}
