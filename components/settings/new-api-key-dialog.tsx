"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRef, useState } from "react";

import { Dialog } from "@/components/ui/dialog";

import { describeScopes } from "./api-key-scopes";

export interface NewApiKey {
  key: string;
  name: string;
  scopes: string[];
}

/** Shows a just-created key, the only time it can be seen, with a copy button. */
export function NewApiKeyDialog({ created, onClose }: { created: NewApiKey | null; onClose: () => void }) {
  const t = useTranslations("settings");
  const locale = useLocale();
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const input = useRef<HTMLInputElement>(null);

  async function copy(key: string) {
    try {
      await navigator.clipboard.writeText(key);
      setCopied("yes");
    } catch {
      input.current?.select();
      setCopied("failed");
    }
  }

  function close() {
    setCopied(null);
    onClose();
  }

  return (
    <Dialog open={created !== null} onClose={close} title={t("newKey.title")}>
      {created ? (
        <>
          <p>
            {t.rich("newKey.canDo", {
              name: created.name,
              scopes: describeScopes(created.scopes, t, locale),
              header: "Authorization: Bearer <key>",
              strong: (chunks) => <span className="font-medium">{chunks}</span>,
              code: (chunks) => <code className="rounded bg-slate-100 px-1 whitespace-nowrap">{chunks}</code>,
            })}
          </p>
          <p
            role="note"
            className="mt-4 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900"
          >
            <span className="font-semibold">{t("newKey.onlyOnce")}</span> {t("newKey.onlyOnceWhy")}
          </p>
          <label htmlFor="new-api-key" className="mt-4 block font-medium text-slate-800">
            {t("newKey.label")}
          </label>
          <div className="mt-1 flex gap-2">
            <input
              id="new-api-key"
              ref={input}
              readOnly
              value={created.key}
              onFocus={(event) => event.currentTarget.select()}
              spellCheck={false}
              className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm text-slate-900"
            />
            <button
              type="button"
              onClick={() => void copy(created.key)}
              className="shrink-0 rounded-lg bg-brand px-3 py-2 text-sm font-semibold text-white hover:bg-brand/90"
            >
              {t("newKey.copy")}
            </button>
          </div>
          <p aria-live="polite" className="mt-2 min-h-5 text-xs text-slate-600">
            {copied === "yes" ? t("newKey.copied") : null}
            {copied === "failed" ? t("newKey.copyBlocked") : null}
          </p>
          <div className="mt-4 flex justify-end">
            <button
              type="button"
              onClick={close}
              className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50"
            >
              {t("newKey.stored")}
            </button>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
