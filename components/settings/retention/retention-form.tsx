"use client";

import { useLocale, useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useRef, useState } from "react";

import { buttonStyles } from "@/components/ui/button-styles";
import { formatCalendarDate } from "@/lib/format";
import { RETENTION_MONTHS_MAX, RETENTION_MONTHS_MIN, retentionCutoffDate } from "@/lib/retention/cutoff";
import { RETENTION_MODES, type RetentionModeName, retentionPolicyInput } from "@/lib/schemas/retention";
import { saveRetentionPolicyAction } from "@/lib/server/actions/retention";

interface FormState {
  monthsError: boolean;
  formError: string | null;
  notice: "saved" | "unchanged" | null;
  /** Bumped on every submission, so a repeated error moves focus again. */
  attempt: number;
}

const LIMITS = { min: RETENTION_MONTHS_MIN, max: RETENTION_MONTHS_MAX };

/**
 * The workspace's retention policy: keep forever or for a number of months, and whether older
 * events are deleted or anonymised. Shows the cutoff the months typed would give today; the
 * same zod schema as the server checks the input first.
 */
export function RetentionForm({
  slug,
  timeZone,
  months,
  mode,
}: {
  slug: string;
  timeZone: string;
  /** The saved policy: null keeps events forever. */
  months: number | null;
  mode: RetentionModeName;
}) {
  const t = useTranslations("retention.form");
  const locale = useLocale();
  const [keep, setKeep] = useState<"forever" | "months">(months === null ? "forever" : "months");
  const [monthsText, setMonthsText] = useState(String(months ?? 12));
  const [modeChoice, setModeChoice] = useState<RetentionModeName>(mode);
  const monthsRef = useRef<HTMLInputElement>(null);

  const [state, formAction, pending] = useActionState(
    async (previous: FormState, form: FormData): Promise<FormState> => {
      const attempt = previous.attempt + 1;
      const text = String(form.get("months") ?? "").trim();
      const input = {
        months: form.get("keep") === "forever" ? null : text === "" ? Number.NaN : Number(text),
        mode: String(form.get("mode")),
      };
      const parsed = retentionPolicyInput.safeParse(input);
      if (!parsed.success) {
        const monthsError = parsed.error.issues.some((issue) => issue.path[0] === "months");
        return {
          monthsError,
          formError: monthsError ? null : parsed.error.issues[0].message,
          notice: null,
          attempt,
        };
      }
      const result = await saveRetentionPolicyAction(slug, parsed.data);
      if (!result.ok) return { monthsError: false, formError: result.error.message, notice: null, attempt };
      return {
        monthsError: false,
        formError: null,
        notice: result.data.changed ? "saved" : "unchanged",
        attempt,
      };
    },
    { monthsError: false, formError: null, notice: null, attempt: 0 },
  );

  // After a refused submission, move focus to the months field.
  useEffect(() => {
    if (state.monthsError) monthsRef.current?.focus();
  }, [state]);

  const typed = Number(monthsText);
  const valid = Number.isInteger(typed) && typed >= RETENTION_MONTHS_MIN && typed <= RETENTION_MONTHS_MAX;
  const cutoff = keep === "months" && valid ? retentionCutoffDate(new Date(), typed, timeZone) : null;

  return (
    <section
      aria-labelledby="retention-form-title"
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h3 id="retention-form-title" className="text-base font-semibold text-slate-900">
        {t("title")}
      </h3>
      {/* Submitted by hand, not through `action`: React would reset the form after the action and
          leave the DOM's radios out of step with the state that controls them. */}
      <form
        noValidate
        className="mt-4 space-y-6"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          startTransition(() => formAction(form));
        }}
      >
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t("keep")}</legend>
          <div className="mt-2 space-y-3">
            <label className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="keep"
                value="forever"
                checked={keep === "forever"}
                onChange={() => setKeep("forever")}
                className="mt-0.5 h-4 w-4 accent-brand"
              />
              <span>
                <span className="font-medium text-slate-900">{t("forever")}</span>
                <span className="text-slate-600"> — {t("foreverHint")}</span>
              </span>
            </label>
            <label className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="keep"
                value="months"
                checked={keep === "months"}
                onChange={() => setKeep("months")}
                className="mt-0.5 h-4 w-4 accent-brand"
              />
              <span className="font-medium text-slate-900">{t("forMonths")}</span>
            </label>
            <div className="ml-6 max-w-xs">
              <label htmlFor="retention-months" className="block text-sm font-medium text-slate-700">
                {t("months")}
              </label>
              <input
                ref={monthsRef}
                id="retention-months"
                name="months"
                type="number"
                inputMode="numeric"
                min={RETENTION_MONTHS_MIN}
                max={RETENTION_MONTHS_MAX}
                step={1}
                disabled={keep === "forever"}
                value={monthsText}
                onChange={(event) => setMonthsText(event.target.value)}
                aria-invalid={state.monthsError ? true : undefined}
                aria-describedby="retention-months-hint"
                className={`mt-1 block w-32 rounded-lg border px-3 py-2 text-sm shadow-sm disabled:bg-slate-100 disabled:text-slate-500 ${
                  state.monthsError ? "border-red-600" : "border-slate-300"
                }`}
              />
              <p
                id="retention-months-hint"
                className={`mt-1 text-xs ${state.monthsError ? "text-red-700" : "text-slate-600"}`}
              >
                {state.monthsError ? t("monthsError", LIMITS) : t("monthsHint", LIMITS)}
              </p>
            </div>
          </div>
        </fieldset>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t("mode")}</legend>
          <div className="mt-2 space-y-3">
            {RETENTION_MODES.map((option) => (
              <label key={option} className="flex items-start gap-2 text-sm">
                <input
                  type="radio"
                  name="mode"
                  value={option}
                  checked={option === modeChoice}
                  onChange={() => setModeChoice(option)}
                  className="mt-0.5 h-4 w-4 accent-brand"
                />
                <span>
                  <span className="font-medium text-slate-900">{t(option)}</span>
                  <span className="text-slate-600"> — {t(`${option}Detail`)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {cutoff ? (
          <p className="text-sm text-slate-700" data-testid="retention-cutoff-preview">
            {t("cutoffPreview", { date: formatCalendarDate(cutoff, locale) })}
          </p>
        ) : null}
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" disabled={pending} className={buttonStyles.primary}>
            {pending ? t("pending") : t("submit")}
          </button>
          <p role="status" className="text-sm text-slate-700">
            {state.notice ? t(state.notice) : null}
          </p>
        </div>
        {state.formError ? (
          <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
            {state.formError}
          </p>
        ) : null}
      </form>
    </section>
  );
}
