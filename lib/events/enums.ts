/** The event contract's enumerations (EVENTS.md), shared by validation, UI and the demo generator. */
export const EVENT_TYPES = [
  "message_sent",
  "message_delivered",
  "message_bounced",
  "message_opened",
  "message_clicked",
  "unsubscribed",
  "complained",
  "consent_granted",
  "consent_withdrawn",
  "preferences_updated",
  "page_viewed",
  "product_viewed",
  "cart_added",
  "purchased",
  "refunded",
  "customer_updated",
] as const;
export type EventTypeName = (typeof EVENT_TYPES)[number];

export const CHANNELS = [
  "email",
  "sms",
  "push",
  "in_app",
  "web",
  "app",
  "store",
  "phone",
  "direct_mail",
] as const;
export type ChannelName = (typeof CHANNELS)[number];

export const MESSAGE_KINDS = ["promotional", "lifecycle", "transactional"] as const;
export type MessageKindName = (typeof MESSAGE_KINDS)[number];
