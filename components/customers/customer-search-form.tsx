"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId } from "react";

import { buttonStyles } from "@/components/ui/button-styles";

import { useListHref } from "./use-list-href";

/** Search by the start of a customer id; keeps every other filter and goes back to page 1. */
export function CustomerSearchForm({ query }: { query: string }) {
  const t = useTranslations("customers");
  const router = useRouter();
  const href = useListHref();
  const inputId = useId();
  return (
    <form
      role="search"
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const value = String(new FormData(event.currentTarget).get("q") ?? "").trim();
        router.push(href({ q: value || null, page: null }));
      }}
    >
      <div className="flex flex-col gap-1">
        <label htmlFor={inputId} className="text-sm font-medium text-slate-700">
          {t("search")}
        </label>
        <input
          id={inputId}
          name="q"
          type="search"
          defaultValue={query}
          maxLength={128}
          placeholder={t("searchPlaceholder")}
          className="w-72 rounded-lg border border-slate-300 px-3 py-1.5 text-sm"
        />
      </div>
      <button type="submit" className={buttonStyles.secondary}>
        {t("searchButton")}
      </button>
    </form>
  );
}
