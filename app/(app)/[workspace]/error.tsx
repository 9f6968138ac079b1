"use client";

import { useTranslations } from "next-intl";

export default function WorkspaceError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors.pageError");
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-6">
      <h2 className="font-semibold text-red-900">{t("title")}</h2>
      <p className="mt-1 text-sm text-red-800">{t("body")}</p>
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded-lg bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800"
      >
        {t("retry")}
      </button>
    </div>
  );
}
