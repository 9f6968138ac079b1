import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS } from "@/lib/import/import-fields";

const code = "rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.8em] text-slate-800";

/** What a file should hold, in short, with the command-line alternative. */
export function ImportHelp({ slug }: { slug: string }) {
  return (
    <aside
      aria-labelledby="import-help-title"
      className="rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-700 shadow-sm sm:p-5"
    >
      <h2 id="import-help-title" className="text-base font-semibold text-slate-900">
        What a file should hold
      </h2>
      <p className="mt-2">
        One event per row (CSV) or per line (NDJSON), with the same fields as the API. Every event needs{" "}
        {REQUIRED_IMPORT_FIELDS.map((field, index) => (
          <span key={field}>
            {index > 0 ? (index === REQUIRED_IMPORT_FIELDS.length - 1 ? " and " : ", ") : null}
            <code className={code}>{field}</code>
          </span>
        ))}
        ; the others depend on its type. The field reference is the{" "}
        <a href="/api/v1/openapi.json" className="font-medium text-brand underline underline-offset-2">
          OpenAPI description
        </a>{" "}
        (and <span className="font-mono text-xs">docs/api.md</span>).
      </p>
      <h3 className="mt-4 font-semibold text-slate-900">CSV columns</h3>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        <li>
          A header row names the fields; columns are matched by name ({IMPORT_FIELDS.length} fields, e.g.{" "}
          <code className={code}>customer_id</code> → <code className={code}>customerId</code>). Change any
          match in the preview.
        </li>
        <li>
          <code className={code}>topics</code> as <code className={code}>a|b|c</code>, e.g.{" "}
          <code className={code}>running|trail-running</code>.
        </li>
        <li>
          <code className={code}>traits.&lt;key&gt;</code> (on <code className={code}>customer_updated</code>)
          and <code className={code}>properties.&lt;key&gt;</code> fill those objects.
        </li>
        <li>
          Timestamps in ISO 8601 with <code className={code}>Z</code> or an offset:{" "}
          <code className={code}>2026-03-01T09:30:00Z</code>.
        </li>
        <li>Numbers without thousands separators, with the decimal comma or point you choose.</li>
      </ul>
      <h3 className="mt-4 font-semibold text-slate-900">Safe to repeat</h3>
      <p className="mt-1">
        An event already stored is counted as a duplicate and changes nothing, so a file can be imported again
        after a fix. Up to 500 MB per file.
      </p>
      <h3 className="mt-4 font-semibold text-slate-900">From a terminal</h3>
      <pre className="mt-1 rounded-lg bg-slate-900 px-3 py-2 font-mono text-xs break-all whitespace-pre-wrap text-slate-100">
        npm run import -- --workspace {slug} &lt;file&gt;
      </pre>
    </aside>
  );
}
