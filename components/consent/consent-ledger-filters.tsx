"use client";

import { useTranslations } from "next-intl";
import { useQueryStates } from "nuqs";

import { buttonStyles } from "@/components/ui/button-styles";
import { LEDGER_TYPES, type LedgerType } from "@/lib/consent/consent-views";
import { CHANNELS, type ChannelName } from "@/lib/events/enums";
import { consentLedgerParsers } from "@/lib/url-state/consent-ledger-params";

const FIELD = "rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** Customer, channel and type filters of the ledger, kept in the URL; applying goes back to page 1. */
export function ConsentLedgerFilters() {
  const t = useTranslations("consent.ledger");
  const tc = useTranslations("channels");
  const te = useTranslations("journeys.eventTypes");
  const [params, setParams] = useQueryStates(consentLedgerParsers, { shallow: false, history: "push" });
  return (
    <form
      // A new form when the URL changes (back button, "clear"), so the fields show the URL's filters.
      key={[params.customer, params.channel, params.type].join("|")}
      role="search"
      aria-label={t("filtersLabel")}
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const value = (name: string) => String(form.get(name) ?? "").trim() || null;
        void setParams({
          customer: value("customer"),
          channel: value("channel") as ChannelName | null,
          type: value("type") as LedgerType | null,
          page: null,
        });
      }}
    >
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        {t("customer")}
        <input
          name="customer"
          type="search"
          maxLength={128}
          defaultValue={params.customer ?? ""}
          placeholder={t("customerPlaceholder")}
          className={`${FIELD} w-56`}
        />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        {t("channel")}
        <select name="channel" defaultValue={params.channel ?? ""} className={FIELD}>
          <option value="">{t("anyChannel")}</option>
          {CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {tc(channel)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        {t("type")}
        <select name="type" defaultValue={params.type ?? ""} className={FIELD}>
          <option value="">{t("anyType")}</option>
          {LEDGER_TYPES.map((type) => (
            <option key={type} value={type}>
              {te(type)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className={buttonStyles.secondary}>
        {t("apply")}
      </button>
      <button
        type="button"
        className={buttonStyles.secondary}
        onClick={() => void setParams({ customer: null, channel: null, type: null, page: null })}
      >
        {t("clear")}
      </button>
    </form>
  );
}
