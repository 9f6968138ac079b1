import { getTranslations } from "next-intl/server";

import { Link } from "@/components/ui/link";

export default async function NotFound() {
  const t = await getTranslations("errors.notFound");
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("body")}</p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-brand underline">
        {t("home")}
      </Link>
    </main>
  );
}
