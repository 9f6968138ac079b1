import { getLocale, getTranslations } from "next-intl/server";

import { localeTag } from "@/lib/format";
import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS } from "@/lib/import/import-fields";
import { MAX_IMPORT_BYTES } from "@/lib/schemas/import";

const code = "rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.8em] text-slate-800";
const asCode = (chunks: React.ReactNode) => <code className={code}>{chunks}</code>;

/** The required fields as a list in the interface language, each one as code: "type, customerId and timestamp". */
function RequiredFields({ locale }: { locale: string }) {
  const parts = new Intl.ListFormat(localeTag(locale), { type: "conjunction" }).formatToParts(
    REQUIRED_IMPORT_FIELDS,
  );
  return parts.map((part, index) =>
    part.type === "element" ? (
      <code key={index} className={code}>
        {part.value}
      </code>
    ) : (
      part.value
    ),
  );
}

/** What a file should hold, in short, with the command-line alternative. */
export async function ImportHelp({ slug }: { slug: string }) {
  const [t, locale] = await Promise.all([getTranslations("data.help"), getLocale()]);
  return (
    <aside
      aria-labelledby="import-help-title"
      className="rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-700 shadow-sm sm:p-5"
    >
      <h2 id="import-help-title" className="text-base font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="mt-2">
        {t.rich("intro", {
          fields: () => <RequiredFields locale={locale} />,
          link: (chunks) => (
            <a href="/api/v1/openapi.json" className="font-medium text-brand underline underline-offset-2">
              {chunks}
            </a>
          ),
          file: (chunks) => <span className="font-mono text-xs">{chunks}</span>,
        })}
      </p>
      <h3 className="mt-4 font-semibold text-slate-900">{t("csvTitle")}</h3>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        <li>{t.rich("header", { count: IMPORT_FIELDS.length, code: asCode })}</li>
        <li>{t.rich("topics", { code: asCode })}</li>
        <li>{t.rich("nested", { traits: "traits.<key>", properties: "properties.<key>", code: asCode })}</li>
        <li>{t.rich("timestamps", { code: asCode })}</li>
        <li>{t("numbers")}</li>
      </ul>
      <h3 className="mt-4 font-semibold text-slate-900">{t("repeatTitle")}</h3>
      <p className="mt-1">{t("repeat", { limit: MAX_IMPORT_BYTES / 1024 / 1024 })}</p>
      <h3 className="mt-4 font-semibold text-slate-900">{t("terminalTitle")}</h3>
      <pre className="mt-1 rounded-lg bg-slate-900 px-3 py-2 font-mono text-xs break-all whitespace-pre-wrap text-slate-100">
        npm run import -- --workspace {slug} &lt;file&gt;
      </pre>
    </aside>
  );
}
