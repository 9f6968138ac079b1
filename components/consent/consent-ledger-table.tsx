import "server-only";

import { getLocale, getTranslations } from "next-intl/server";

import { Link } from "@/components/ui/link";
import type { LedgerEntry } from "@/lib/consent/consent-views";
import { formatDateTime } from "@/lib/format";

const CELL = "px-4 py-2.5";

/** One page of consent events: time, customer (a link to their page), channel, type, campaign or message. */
export async function ConsentLedgerTable({
  rows,
  slug,
  timeZone,
}: {
  rows: LedgerEntry[];
  slug: string;
  timeZone: string;
}) {
  const [t, tc, te, locale] = await Promise.all([
    getTranslations("consent"),
    getTranslations("channels"),
    getTranslations("journeys.eventTypes"),
    getLocale(),
  ]);
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm" data-testid="consent-ledger">
        <caption className="sr-only">{t("ledger.caption")}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            {(["time", "customer", "channel", "type", "campaign"] as const).map((column) => (
              <th key={column} scope="col" className="px-4 py-3">
                {t(`ledger.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 text-slate-800">
          {rows.map((row) => (
            <tr key={row.id}>
              <td className={`${CELL} whitespace-nowrap`}>
                <time dateTime={row.at.toISOString()}>{formatDateTime(row.at, locale, timeZone)}</time>
              </td>
              <td className={CELL}>
                <Link
                  href={`/${slug}/customers/${encodeURIComponent(row.customerId)}`}
                  className="font-mono text-xs text-brand underline underline-offset-2 hover:no-underline"
                >
                  {row.customerId}
                </Link>
              </td>
              <td className={CELL}>{row.channel ? tc(row.channel) : t("ledger.allChannels")}</td>
              <td className={CELL}>{te(row.type)}</td>
              <td className={`${CELL} font-mono text-xs`}>
                {[row.campaignId, row.messageId].filter(Boolean).join(" · ") || "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
