/** A headline number in a tile, with what it counts underneath. Alarm style says so in words too. */
export function BigFigure({
  value,
  caption,
  alarm = false,
  testId,
  rawValue,
}: {
  value: string;
  caption?: React.ReactNode;
  alarm?: boolean;
  testId?: string;
  /** The unformatted number, for tests (data-value). */
  rawValue?: number | null;
}) {
  return (
    <div data-testid={testId} data-value={rawValue ?? ""}>
      <p className={`text-4xl font-semibold tabular-nums ${alarm ? "text-red-800" : "text-slate-900"}`}>
        {alarm ? (
          <span aria-hidden className="mr-1 text-2xl">
            ▲
          </span>
        ) : null}
        {value}
      </p>
      {caption ? <p className="mt-1 text-sm text-slate-600">{caption}</p> : null}
    </div>
  );
}
