import { useTranslations } from "next-intl";

import { ProfileCard } from "./profile-card";

/** The customer's traits, latest value of each, by name. */
export function TraitsCard({ traits }: { traits: Record<string, unknown> }) {
  const t = useTranslations("customers");
  const entries = Object.entries(traits).sort(([a], [b]) => a.localeCompare(b));
  return (
    <ProfileCard title={t("traitsTitle")} testId="customer-traits">
      {entries.length === 0 ? (
        <p className="text-slate-600">{t("noTraits")}</p>
      ) : (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          {entries.map(([key, value]) => (
            <div key={key} className="contents">
              <dt className="text-slate-600">{key}</dt>
              <dd className="truncate font-medium" title={String(value)}>
                {typeof value === "object" ? JSON.stringify(value) : String(value)}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </ProfileCard>
  );
}
