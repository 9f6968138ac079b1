"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { z } from "zod";

import { API_KEY_NAME_MAX, API_KEY_SCOPES, apiKeyInput } from "@/lib/schemas/admin";
import { createApiKeyAction } from "@/lib/server/actions/api-keys";

import { type NewApiKey, NewApiKeyDialog } from "./new-api-key-dialog";

interface FormState {
  values: { name: string; scopes: string[] };
  errors: { name?: string; scopes?: string };
  formError: string | null;
  /** Bumped on every submission, so a repeated error moves focus again. */
  attempt: number;
}

const EMPTY: FormState = { values: { name: "", scopes: [] }, errors: {}, formError: null, attempt: 0 };

const sentence = (message: string | undefined) =>
  message ? message.charAt(0).toUpperCase() + message.slice(1) + "." : undefined;

/**
 * Creates an API key: the same zod schema as the server checks the fields first, so errors
 * appear next to them; the new key is then shown once in a dialog.
 */
export function CreateApiKeyForm({ slug }: { slug: string }) {
  const t = useTranslations("settings");
  const [created, setCreated] = useState<NewApiKey | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const scopesRef = useRef<HTMLFieldSetElement>(null);

  const [state, formAction, pending] = useActionState(
    async (previous: FormState, form: FormData): Promise<FormState> => {
      const values = { name: String(form.get("name") ?? ""), scopes: form.getAll("scopes").map(String) };
      const attempt = previous.attempt + 1;
      const parsed = apiKeyInput.safeParse(values);
      if (!parsed.success) {
        const { fieldErrors } = z.flattenError(parsed.error);
        const errors = { name: sentence(fieldErrors.name?.[0]), scopes: sentence(fieldErrors.scopes?.[0]) };
        return { values, errors, formError: null, attempt };
      }
      const result = await createApiKeyAction(slug, parsed.data);
      if (!result.ok) return { values, errors: {}, formError: result.error.message, attempt };
      setCreated({ key: result.data.key, name: result.data.name, scopes: result.data.scopes });
      return { ...EMPTY, attempt };
    },
    EMPTY,
  );

  // After a refused submission, move focus to the first field that needs attention.
  useEffect(() => {
    if (state.errors.name) nameRef.current?.focus();
    else if (state.errors.scopes) scopesRef.current?.querySelector("input")?.focus();
  }, [state]);

  const nameError = state.errors.name;
  const scopesError = state.errors.scopes;
  return (
    <section
      aria-labelledby="create-api-key-title"
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h3 id="create-api-key-title" className="text-base font-semibold text-slate-900">
        {t("create.title")}
      </h3>
      <form
        action={formAction}
        noValidate
        className="mt-4 grid gap-5 lg:grid-cols-[minmax(0,22rem)_1fr_auto] lg:items-start"
      >
        <div>
          <label htmlFor="api-key-name" className="block text-sm font-medium text-slate-700">
            {t("create.name")}
          </label>
          <input
            ref={nameRef}
            id="api-key-name"
            name="name"
            type="text"
            required
            maxLength={API_KEY_NAME_MAX}
            autoComplete="off"
            defaultValue={state.values.name}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? "api-key-name-error" : "api-key-name-hint"}
            placeholder={t("create.namePlaceholder")}
            className={`mt-1 block w-full rounded-lg border px-3 py-2 text-sm shadow-sm ${
              nameError ? "border-red-600" : "border-slate-300"
            }`}
          />
          {nameError ? (
            <p id="api-key-name-error" className="mt-1 text-sm text-red-700">
              {nameError}
            </p>
          ) : (
            <p id="api-key-name-hint" className="mt-1 text-xs text-slate-500">
              {t("create.nameHint", { max: API_KEY_NAME_MAX })}
            </p>
          )}
        </div>
        <fieldset
          ref={scopesRef}
          aria-invalid={scopesError ? true : undefined}
          aria-describedby={scopesError ? "api-key-scopes-error" : undefined}
        >
          <legend className="text-sm font-medium text-slate-700">{t("create.scopes")}</legend>
          <div className="mt-1 space-y-2">
            {API_KEY_SCOPES.map((scope) => (
              <label key={scope} className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  name="scopes"
                  value={scope}
                  defaultChecked={state.values.scopes.includes(scope)}
                  className="mt-0.5 h-4 w-4 rounded border-slate-300 accent-brand"
                />
                <span>
                  <span className="font-mono font-medium text-slate-900">{scope}</span>
                  <span className="text-slate-600"> — {t(`scopes.${scope}.detail`)}</span>
                </span>
              </label>
            ))}
          </div>
          {scopesError ? (
            <p id="api-key-scopes-error" className="mt-1 text-sm text-red-700">
              {scopesError}
            </p>
          ) : null}
        </fieldset>
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg bg-brand px-4 py-2 text-sm font-semibold text-white hover:bg-brand/90 disabled:opacity-60 lg:mt-6"
        >
          {pending ? t("create.pending") : t("create.submit")}
        </button>
        {state.formError ? (
          <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 lg:col-span-3">
            {state.formError}
          </p>
        ) : null}
      </form>
      <NewApiKeyDialog created={created} onClose={() => setCreated(null)} />
    </section>
  );
}
