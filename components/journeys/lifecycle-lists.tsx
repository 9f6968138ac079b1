"use client";

import { useTranslations } from "next-intl";

import { useFormatters } from "@/components/charts/common/use-formatters";
import { CustomerListPanel } from "@/components/metrics/customer-list-panel";
import { useDashboardQuery } from "@/components/metrics/dashboard-query";
import { formatCalendarDate, formatDateTime } from "@/lib/format";
import type { CustomerList, NotLetGoCustomer, NotWelcomedCustomer } from "@/lib/metrics/journeys";

/** Dates of a customer list in the interface's locale and the workspace's time zone. */
function useDates() {
  const { locale, timeZone } = useDashboardQuery();
  return {
    instant: (iso: string) => formatDateTime(new Date(iso), locale, timeZone),
    day: (date: string | null) => (date === null ? "—" : formatCalendarDate(date, locale)),
  };
}

/** The new customers without a lifecycle message in their first days, page by page. */
export function NotWelcomedList({ count }: { count: number }) {
  const t = useTranslations("journeys");
  const dates = useDates();
  return (
    <CustomerListPanel<CustomerList<NotWelcomedCustomer>, NotWelcomedCustomer>
      name="lifecycle"
      extra={{ check: "not-welcomed" }}
      label={t("showNotWelcomed", { count })}
      rowsOf={(list) => list}
      columns={[
        { key: "customerId", header: t("customerId"), value: (row) => row.customerId },
        {
          key: "joinedAt",
          header: t("joinedAt"),
          value: (row) => row.joinedAt,
          format: (row) => dates.instant(row.joinedAt),
        },
        {
          key: "firstSeenAt",
          header: t("firstSeenAt"),
          value: (row) => row.firstSeenAt,
          format: (row) => dates.instant(row.firstSeenAt),
        },
        {
          key: "signupDate",
          header: t("signupDate"),
          value: (row) => row.signupDate,
          format: (row) => dates.day(row.signupDate),
        },
      ]}
    />
  );
}

/** The opted-out customers still sent promotional messages, page by page. */
export function NotLetGoList({ count }: { count: number }) {
  const t = useTranslations("journeys");
  const format = useFormatters();
  const dates = useDates();
  return (
    <CustomerListPanel<CustomerList<NotLetGoCustomer>, NotLetGoCustomer>
      name="lifecycle"
      extra={{ check: "not-let-go" }}
      label={t("showNotLetGo", { count })}
      rowsOf={(list) => list}
      columns={[
        { key: "customerId", header: t("customerId"), value: (row) => row.customerId },
        {
          key: "optedOutAt",
          header: t("optedOutAt"),
          value: (row) => row.optedOutAt,
          format: (row) => dates.instant(row.optedOutAt),
        },
        {
          key: "contacts",
          header: t("promotionalContacts"),
          value: (row) => row.contacts,
          format: (row) => format.number(row.contacts),
          numeric: true,
        },
        {
          key: "firstContactAt",
          header: t("firstContactAt"),
          value: (row) => row.firstContactAt,
          format: (row) => dates.instant(row.firstContactAt),
        },
        {
          key: "lastContactAt",
          header: t("lastContactAt"),
          value: (row) => row.lastContactAt,
          format: (row) => dates.instant(row.lastContactAt),
        },
      ]}
    />
  );
}
