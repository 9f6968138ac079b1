"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef } from "react";

import { buttonStyles } from "@/components/ui/button-styles";
import { MAX_FUNNEL_STEPS, MIN_FUNNEL_STEPS } from "@/lib/metrics/journey-limits";
import type { FunnelStep } from "@/lib/metrics/journeys";
import { MAX_CONVERSION_WINDOW_DAYS } from "@/lib/url-state/journeys-params";

import { FunnelStepRow, type StepAction } from "./funnel-step-row";

/** The step a new funnel step starts as. */
const NEW_STEP: FunnelStep = { type: "purchased" };

/** Where focus goes once the steps have changed: a button (else the event) of a step's row. */
type FocusTarget = { index: number; action: StepAction | "event" } | null;

/** The funnel's ordered steps (add, change, move, remove — all by keyboard too) and its conversion window. */
export function FunnelBuilder({
  steps,
  conversionDays,
  topics,
  onStepsChange,
  onConversionDaysChange,
}: {
  steps: FunnelStep[];
  conversionDays: number;
  topics: string[];
  onStepsChange: (steps: FunnelStep[]) => void;
  onConversionDaysChange: (days: number) => void;
}) {
  const t = useTranslations("journeys");
  const list = useRef<HTMLOListElement>(null);
  const focusAfter = useRef<FocusTarget>(null);
  const id = useId();

  // A moved or removed step's buttons are re-rendered elsewhere: keep the keyboard user's place.
  useEffect(() => {
    const target = focusAfter.current;
    focusAfter.current = null;
    if (target) {
      const row = list.current?.querySelector(`[data-step-index="${target.index}"]`);
      const button = row?.querySelector<HTMLButtonElement>(`[data-action="${target.action}"]:not(:disabled)`);
      (button ?? row?.querySelector<HTMLElement>("select"))?.focus();
    }
  }, [steps]);

  const act = (index: number, action: StepAction) => {
    const next = [...steps];
    if (action === "remove") {
      next.splice(index, 1);
      focusAfter.current = { index: Math.min(index, next.length - 1), action: "remove" };
    } else {
      const other = action === "up" ? index - 1 : index + 1;
      [next[index], next[other]] = [next[other], next[index]];
      focusAfter.current = { index: other, action };
    }
    onStepsChange(next);
  };

  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_auto] xl:items-start">
      <fieldset className="min-w-0">
        <legend className="text-sm font-medium text-slate-800">{t("stepsLegend")}</legend>
        <ol ref={list} className="mt-2 space-y-2">
          {steps.map((step, index) => (
            <FunnelStepRow
              key={index}
              index={index}
              count={steps.length}
              step={step}
              topics={topics}
              canRemove={steps.length > MIN_FUNNEL_STEPS}
              onChange={(changed) => onStepsChange(steps.map((old, i) => (i === index ? changed : old)))}
              onAction={(action) => act(index, action)}
            />
          ))}
        </ol>
        <button
          type="button"
          disabled={steps.length >= MAX_FUNNEL_STEPS}
          onClick={() => {
            focusAfter.current = { index: steps.length, action: "event" };
            onStepsChange([...steps, NEW_STEP]);
          }}
          className={`${buttonStyles.secondary} mt-3`}
        >
          {t("addStep")}
        </button>
        <p className="mt-1 text-xs text-slate-600">
          {t("stepsHint", { min: MIN_FUNNEL_STEPS, max: MAX_FUNNEL_STEPS })}
        </p>
      </fieldset>
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor={`${id}-days`} className="font-medium text-slate-800">
          {t("conversionWindow")}
        </label>
        <span className="flex items-center gap-2">
          <input
            id={`${id}-days`}
            key={conversionDays}
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_CONVERSION_WINDOW_DAYS}
            defaultValue={conversionDays}
            aria-describedby={`${id}-hint`}
            onBlur={(event) => commitDays(event.currentTarget, conversionDays, onConversionDaysChange)}
            onKeyDown={(event) => {
              if (event.key === "Enter")
                commitDays(event.currentTarget, conversionDays, onConversionDaysChange);
            }}
            className="w-24 rounded-lg border border-slate-300 px-2 py-1"
          />
          <span aria-hidden className="text-slate-600">
            {t("daysUnit")}
          </span>
        </span>
        <span id={`${id}-hint`} className="max-w-56 text-xs text-slate-600">
          {t("conversionWindowHint", { max: MAX_CONVERSION_WINDOW_DAYS })}
        </span>
      </div>
    </div>
  );
}

/** Applies a whole number of days from 1 to 365; anything else puts the current value back. */
function commitDays(input: HTMLInputElement, current: number, apply: (days: number) => void) {
  const days = Number(input.value);
  if (Number.isInteger(days) && days >= 1 && days <= MAX_CONVERSION_WINDOW_DAYS) {
    if (days !== current) apply(days);
  } else {
    input.value = String(current);
  }
}
