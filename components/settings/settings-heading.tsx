/** The heading of one Settings page, under the Settings tabs: its name and what it is for. */
export function SettingsHeading({ title, intro }: { title: string; intro: React.ReactNode }) {
  return (
    <div>
      <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
      <p className="mt-1 max-w-prose text-sm text-slate-600">{intro}</p>
    </div>
  );
}
