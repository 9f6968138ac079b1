"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { buttonStyles } from "@/components/ui/button-styles";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useConfirmedAction } from "@/components/ui/use-confirmed-action";
import type { RetentionModeName } from "@/lib/schemas/retention";
import { runRetentionNowAction } from "@/lib/server/actions/retention";

/**
 * Applies the saved policy at once, after the admin confirms; then says how many events the
 * run processed. Without a policy the button is disabled and says why.
 */
export function RunRetentionButton({
  slug,
  mode,
  cutoffLabel,
}: {
  slug: string;
  mode: RetentionModeName;
  /** The cutoff date of the saved policy, formatted; null without a policy. */
  cutoffLabel: string | null;
}) {
  const t = useTranslations("retention.run");
  const confirm = useConfirmedAction();
  const [done, setDone] = useState<number | null>(null);

  return (
    <div className="space-y-2">
      <button
        type="button"
        aria-haspopup="dialog"
        aria-describedby="run-retention-hint"
        disabled={cutoffLabel === null}
        onClick={() => {
          setDone(null);
          confirm.show();
        }}
        className={buttonStyles.danger}
      >
        {t("button")}
      </button>
      <p id="run-retention-hint" className="text-xs text-slate-600">
        {cutoffLabel === null ? t("noPolicyHint") : t("hint")}
      </p>
      <p role="status" className="text-sm text-slate-800">
        {done === null ? null : t("done", { events: done })}
      </p>
      {cutoffLabel !== null ? (
        <ConfirmDialog
          open={confirm.open}
          onClose={confirm.close}
          title={t("title")}
          error={confirm.error}
          confirmLabel={t("confirm")}
          pendingLabel={t("pending")}
          pending={confirm.pending}
          onConfirm={() =>
            confirm.run(
              () => runRetentionNowAction(slug, {}),
              (data) => setDone(data?.events ?? 0),
            )
          }
        >
          <p>
            {mode === "delete"
              ? t("bodyDelete", { date: cutoffLabel })
              : t("bodyAnonymise", { date: cutoffLabel })}
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
