"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";

import { buttonStyles } from "@/components/ui/button-styles";
import type { ErasureOutcome } from "@/lib/server/privacy/erase-customer";

import { EraseCustomerDialog } from "./erase-customer-dialog";
import { ErasureOutcomeMessage } from "./erasure-outcome-message";
import { useCustomerDownload } from "./use-customer-download";

/** The limit of a customer id in the event schema (lib/schemas/event-fields.ts). */
const CUSTOMER_ID_MAX = 128;

/**
 * One customer's request: the id, then a JSON download of everything held about them (access)
 * or an erasure (a dialog asking how, and for the id again). The outcome stays on the page.
 */
export function CustomerRequestForm({ slug }: { slug: string }) {
  const t = useTranslations("privacy.request");
  const fieldId = useId();
  const [customerId, setCustomerId] = useState("");
  const [missing, setMissing] = useState(false);
  const [erasing, setErasing] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ customerId: string; outcome: ErasureOutcome } | null>(null);
  const download = useCustomerDownload(slug);
  const id = customerId.trim();

  function ask(then: (id: string) => void) {
    if (!id) {
      setMissing(true);
      document.getElementById(fieldId)?.focus();
      return;
    }
    setMissing(false);
    setOutcome(null);
    then(id);
  }

  return (
    <section
      aria-labelledby={`${fieldId}-title`}
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h3 id={`${fieldId}-title`} className="text-base font-semibold text-slate-900">
        {t("title")}
      </h3>
      <div className="mt-4 grid gap-4 lg:grid-cols-[minmax(0,24rem)_auto] lg:items-start">
        <div>
          <label htmlFor={fieldId} className="block text-sm font-medium text-slate-700">
            {t("customerId")}
          </label>
          <input
            id={fieldId}
            type="text"
            value={customerId}
            maxLength={CUSTOMER_ID_MAX}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setCustomerId(event.target.value)}
            aria-invalid={missing ? true : undefined}
            aria-describedby={`${fieldId}-${missing ? "error" : "hint"}`}
            className={`mt-1 block w-full rounded-lg border px-3 py-2 font-mono text-sm shadow-sm ${
              missing ? "border-red-600" : "border-slate-300"
            }`}
          />
          {missing ? (
            <p id={`${fieldId}-error`} className="mt-1 text-sm text-red-700">
              {t("required")}
            </p>
          ) : (
            <p id={`${fieldId}-hint`} className="mt-1 text-xs text-slate-500">
              {t("customerIdHint", { max: CUSTOMER_ID_MAX })}
            </p>
          )}
        </div>
        <div className="flex flex-wrap gap-3 lg:mt-6">
          <button
            type="button"
            disabled={download.pending}
            onClick={() => ask(download.start)}
            className={buttonStyles.secondary}
          >
            {download.pending ? t("downloading") : t("download")}
          </button>
          <button
            type="button"
            aria-haspopup="dialog"
            onClick={() => ask(setErasing)}
            className={buttonStyles.danger}
          >
            {t("erase")}
          </button>
        </div>
      </div>
      {download.error ? (
        <p role="alert" className="mt-4 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {t("downloadFailed", { message: download.error })}
        </p>
      ) : null}
      <div role="status">{outcome ? <ErasureOutcomeMessage {...outcome} /> : null}</div>
      <EraseCustomerDialog
        slug={slug}
        customerId={erasing}
        onClose={() => setErasing(null)}
        onErased={(result) => {
          if (erasing) setOutcome({ customerId: erasing, outcome: result });
          setErasing(null);
        }}
      />
    </section>
  );
}
