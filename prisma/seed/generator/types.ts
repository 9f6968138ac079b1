import type { Channel, EventType, MessageKind } from "@/lib/generated/prisma/client";

import type { Topic } from "./topics";

export type Persona = "enthusiast" | "regular" | "occasional" | "dormant";
export type Tier = "none" | "silver" | "gold" | "vip";
export const TIERS: readonly Tier[] = ["none", "silver", "gold", "vip"];

/** Channels a message can be sent on in the demo. */
export type MessageChannel = Extract<Channel, "email" | "sms" | "push" | "in_app" | "direct_mail" | "phone">;

/** One generated event, before it becomes a row (ts in UTC ms). */
export interface DemoEvent {
  t: number;
  type: EventType;
  channel: Channel | null;
  messageId: string | null;
  campaignId: string | null;
  kind: MessageKind | null;
  topic: string | null;
  topicInherited: boolean;
  /** Postgres array literal, e.g. "{running,sale}". */
  topics: string;
  maxPerWeek: number | null;
  value: string | null;
  currency: string | null;
  /** JSON text. */
  traits: string | null;
  /** JSON text. */
  properties: string | null;
}

/** What a message is: shared by every recipient of a messageId. */
export interface MessageSpec {
  messageId: string;
  campaignId: string;
  channel: MessageChannel;
  kind: MessageKind;
  topic: Topic | null;
  /** JSON text of the send's properties (subject or title). */
  properties: string | null;
}
