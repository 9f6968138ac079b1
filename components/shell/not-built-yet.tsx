import { getTranslations } from "next-intl/server";

import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

/** An honest placeholder for a page whose numbers are not built yet. */
export async function NotBuiltYet({
  title,
  purpose,
  planned,
}: {
  title: string;
  purpose: string;
  planned: string[];
}) {
  const t = await getTranslations("planned");
  return (
    <>
      <PageHeader title={title} description={purpose} />
      <EmptyState title={t("notAvailable")}>
        <p>{t("willShow")}</p>
        <ul className="mx-auto mt-3 inline-block list-disc text-left">
          {planned.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </EmptyState>
    </>
  );
}
