import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";

import { isLocale, LOCALE_COOKIE, negotiateLocale } from "./locales";
import { loadMessages } from "./messages";

// The language of each request: the one the user picked (a cookie), else the browser's.
export default getRequestConfig(async () => {
  const picked = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(picked) ? picked : negotiateLocale((await headers()).get("accept-language"));
  return { locale, messages: await loadMessages(locale) };
});
