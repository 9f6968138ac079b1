import { CHART_COLORS } from "@/components/charts/common/palette";
import { PATH_END, PATH_LABEL_SEPARATOR, PATH_OTHER } from "@/lib/metrics/journey-limits";

import { PATH_START } from "./path-sankey-data";

/** Kinds of path steps, told apart by colour and always also by the node's label. */
export const PATH_FAMILIES = ["messages", "shop", "consent", "profile", "none"] as const;
export type PathFamily = (typeof PATH_FAMILIES)[number];

export const PATH_FAMILY_COLORS: Record<PathFamily, string> = {
  messages: CHART_COLORS[0],
  shop: CHART_COLORS[2],
  consent: CHART_COLORS[5],
  profile: CHART_COLORS[3],
  none: "#94a3b8",
};

const SHOP = ["page_viewed", "product_viewed", "cart_added", "purchased", "refunded"];
const CONSENT = ["unsubscribed", "complained", "consent_granted", "consent_withdrawn", "preferences_updated"];

/** The kind of a path label (`email · message_sent`, `purchased`, `(end)`, …). */
export function pathFamily(label: string): PathFamily {
  if (label === PATH_START || label === PATH_END || label === PATH_OTHER) return "none";
  const type = label.split(PATH_LABEL_SEPARATOR).at(-1) ?? label;
  if (type.startsWith("message_")) return "messages";
  if (SHOP.includes(type)) return "shop";
  if (CONSENT.includes(type)) return "consent";
  return "profile";
}
