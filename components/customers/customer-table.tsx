"use client";

import { useTranslations } from "next-intl";

import { useFormatters } from "@/components/charts/common/use-formatters";
import { useDashboardQuery } from "@/components/metrics/dashboard-query";
import { Link } from "@/components/ui/link";
import type { CustomerListRow } from "@/lib/customers/customer-views";
import { formatDate } from "@/lib/format";

import { useCustomerHref } from "./use-customer-href";

/** One page of customers; each id opens the customer's page with the dashboard filters kept. */
export function CustomerTable({ rows }: { rows: CustomerListRow[] }) {
  const t = useTranslations("customers");
  const format = useFormatters();
  const { timeZone } = useDashboardQuery();
  const customerHref = useCustomerHref();
  const date = (iso: string) => formatDate(new Date(iso), format.locale, timeZone);
  const th = "border-b border-slate-200 px-3 py-2 text-left font-medium text-slate-600";
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-sm" data-testid="customer-table">
        <caption className="sr-only">{t("title")}</caption>
        <thead>
          <tr>
            <th scope="col" className={th}>
              {t("customerId")}
            </th>
            <th scope="col" className={th}>
              {t("country")}
            </th>
            <th scope="col" className={th}>
              {t("tier")}
            </th>
            <th scope="col" className={th}>
              {t("firstSeen")}
            </th>
            <th scope="col" className={th}>
              {t("lastSeen")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("contactsInWindow")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.customerId} className="border-b border-slate-100 last:border-0 hover:bg-slate-50">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <Link
                  href={customerHref(row.customerId)}
                  className="text-brand underline-offset-2 hover:underline"
                >
                  {row.customerId}
                </Link>
              </th>
              <td className="px-3 py-2">{row.country ?? "—"}</td>
              <td className="px-3 py-2">{row.loyaltyTier ?? "—"}</td>
              <td className="px-3 py-2">{date(row.firstSeenAt)}</td>
              <td className="px-3 py-2">{date(row.lastSeenAt)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{format.number(row.contacts)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
