/** A titled card of the customer page. */
export function ProfileCard({
  title,
  description,
  children,
  testId,
}: {
  title: string;
  description?: string;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <section data-testid={testId} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      {description ? <p className="mt-1 text-xs text-slate-600">{description}</p> : null}
      <div className="mt-3 text-sm">{children}</div>
    </section>
  );
}
