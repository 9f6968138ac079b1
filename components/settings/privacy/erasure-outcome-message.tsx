"use client";

import { useFormatter, useTranslations } from "next-intl";

import type { ErasureOutcome } from "@/lib/server/privacy/erase-customer";

/** What an erasure did (with its counts), or why it did nothing. */
export function ErasureOutcomeMessage({
  customerId,
  outcome,
}: {
  customerId: string;
  outcome: ErasureOutcome;
}) {
  const t = useTranslations("privacy.outcome");
  const format = useFormatter();
  const tone =
    outcome.status === "erased"
      ? "border-emerald-200 bg-emerald-50 text-emerald-900"
      : "border-slate-200 bg-slate-50 text-slate-800";
  let text: string;
  if (outcome.status === "erased") {
    text = t("erased", {
      mode: outcome.mode,
      customerId,
      events: outcome.counts.events,
      contacts: outcome.counts.contactFacts,
      consents: outcome.counts.consents,
    });
  } else if (outcome.status === "already_erased") {
    text = t("already", {
      customerId,
      mode: outcome.mode,
      date: format.dateTime(new Date(outcome.erasedAt), { dateStyle: "medium" }),
    });
  } else {
    text = t("noSuchCustomer", { customerId });
  }
  return <p className={`mt-4 rounded-lg border px-3 py-2 text-sm ${tone}`}>{text}</p>;
}
