"use client";

import { useTranslations } from "next-intl";

import { useFormatters } from "@/components/charts/common/use-formatters";

import type { ConditionInput, InputIssue } from "./draft-to-leaf";

/** A problem with a condition's input, said in the interface language. */
export function useIssueMessage() {
  const t = useTranslations("segments");
  const format = useFormatters();
  return (issue: InputIssue, input: ConditionInput): string => {
    switch (issue.code) {
      case "required":
        return t("errors.required");
      case "invalid_type":
        if (issue.expected === "int") return t("errors.wholeNumber");
        return issue.expected === "number" ? t("errors.number") : t("errors.required");
      case "too_small": {
        if (issue.origin === "array") return t("errors.pickOne");
        if (issue.origin === "string") return t("errors.required");
        const min = format.number(Number(issue.minimum), 2);
        return issue.inclusive ? t("errors.atLeast", { min }) : t("errors.above", { min });
      }
      case "too_big": {
        const max = format.number(Number(issue.maximum));
        if (issue.origin === "array") return t("errors.tooMany", { max });
        if (issue.origin === "string") return t("errors.tooLong", { max });
        return t("errors.atMost", { max: format.number(Number(issue.maximum), 2) });
      }
      case "invalid_format":
        return input === "key" ? t("errors.traitKey") : t("errors.topic");
      default:
        return t("errors.invalid");
    }
  };
}
