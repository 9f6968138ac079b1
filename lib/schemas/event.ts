import { z } from "zod";

import { EVENT_TYPES, type ChannelName, type EventTypeName, type MessageKindName } from "@/lib/events/enums";

import * as field from "./event-fields";
import { timestamp } from "./event-timestamp";
import { traits, type Traits } from "./event-traits";
import { hasOnlyStorableText, isStorableText, UNSTORABLE_TEXT_MESSAGE } from "./json-shape";

/**
 * The one schema of an event (EVENTS.md), shared by the ingestion API, the file import and
 * the docs (docs/api.md). `validateEvent` turns any JSON value into a normalised event or
 * into every reason it was rejected, each worded `"<field>: <reason>"`.
 */

export const EVENT_LIMITS = {
  maxEventsPerRequest: 1_000,
  maxRequestBytes: 1024 * 1024,
  maxPropertiesBytes: field.MAX_PROPERTIES_BYTES,
} as const;

type OptionalField =
  | "channel"
  | "messageId"
  | "campaignId"
  | "messageKind"
  | "topic"
  | "topics"
  | "maxPerWeek"
  | "value"
  | "currency"
  | "traits";

const MESSAGE_TYPES = [
  "message_sent",
  "message_delivered",
  "message_bounced",
  "message_opened",
  "message_clicked",
] as const satisfies readonly EventTypeName[];
const CONSENT_TYPES = ["unsubscribed", "complained", "consent_granted", "consent_withdrawn"] as const;
const BEHAVIOUR_TYPES = ["page_viewed", "product_viewed", "cart_added"] as const;
const COMMERCE_TYPES = ["purchased", "refunded"] as const;

/** Message events without a topic take the topic of their send (EVENTS.md). */
export const TOPIC_INHERITING_TYPES = [
  "message_delivered",
  "message_bounced",
  "message_opened",
  "message_clicked",
] as const satisfies readonly EventTypeName[];

/** Events that change consent: the latest applicable one per channel is in force. */
export const CONSENT_EVENT_TYPES = CONSENT_TYPES;

/**
 * Which type may carry which field, and which type must. A field given on a type it does not
 * apply to is rejected (`"maxPerWeek: not allowed for page_viewed"`), never silently dropped.
 * `id`, `type`, `customerId`, `timestamp` and `properties` apply to every type.
 */
export const FIELD_RULES: Record<
  OptionalField,
  { allowed: readonly EventTypeName[]; required: readonly EventTypeName[] }
> = {
  channel: {
    allowed: [...MESSAGE_TYPES, ...CONSENT_TYPES, ...BEHAVIOUR_TYPES, ...COMMERCE_TYPES],
    required: MESSAGE_TYPES,
  },
  messageId: { allowed: [...MESSAGE_TYPES, "unsubscribed", "complained"], required: MESSAGE_TYPES },
  campaignId: { allowed: [...MESSAGE_TYPES, "unsubscribed", "complained"], required: [] },
  messageKind: { allowed: ["message_sent"], required: [] },
  topic: {
    allowed: [...MESSAGE_TYPES, ...BEHAVIOUR_TYPES, "purchased"],
    required: ["product_viewed", "cart_added"],
  },
  // purchased needs topics or topic; preferences_updated needs topics or maxPerWeek (below).
  topics: { allowed: ["purchased", "preferences_updated"], required: [] },
  maxPerWeek: { allowed: ["preferences_updated"], required: [] },
  value: { allowed: COMMERCE_TYPES, required: ["purchased"] },
  currency: { allowed: COMMERCE_TYPES, required: [] },
  traits: { allowed: ["customer_updated"], required: ["customer_updated"] },
};

const shape = {
  id: field.key().optional(),
  type: field.eventType,
  customerId: field.customerId,
  timestamp,
  channel: field.channel.optional(),
  messageId: field.key().optional(),
  campaignId: field.key().optional(),
  messageKind: field.messageKind.optional(),
  topic: field.topic.optional(),
  topics: field.topics.optional(),
  maxPerWeek: field.maxPerWeek.optional(),
  value: field.value.optional(),
  currency: field.currency.optional(),
  traits: traits.optional(),
  properties: field.properties.optional(),
};

/** An event as sent: the JSON shape of EVENTS.md (null means the same as leaving a field out). */
export const eventInput = z.strictObject(shape, { error: () => "must be a JSON object" });
export type EventInput = z.input<typeof eventInput>;

const isPresent = (value: unknown) => value !== undefined && value !== null;
const isEventType = (value: unknown): value is EventTypeName =>
  (EVENT_TYPES as readonly unknown[]).includes(value);

/**
 * FIELD_RULES by type, in their order, looked up once per event: each field the type may not
 * carry or must; fields it merely may carry are left out.
 */
interface FieldRule {
  name: OptionalField;
  rule: "forbidden" | "required";
}
const RULES_BY_TYPE = new Map<EventTypeName, FieldRule[]>(
  EVENT_TYPES.map((type) => [
    type,
    (Object.entries(FIELD_RULES) as [OptionalField, (typeof FIELD_RULES)[OptionalField]][]).flatMap(
      ([name, rule]): FieldRule[] => {
        if (!rule.allowed.includes(type)) return [{ name, rule: "forbidden" }];
        return rule.required.includes(type) ? [{ name, rule: "required" }] : [];
      },
    ),
  ]),
);

/** The rules between fields; they run even when a field failed, so every reason is reported. */
function checkFieldsForType(input: unknown, ctx: z.RefinementCtx): void {
  if (typeof input !== "object" || input === null) return;
  const event = input as Record<string, unknown>;
  const type = event.type;
  if (!isEventType(type)) return;
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  for (const { name, rule } of RULES_BY_TYPE.get(type) as FieldRule[]) {
    const present = isPresent(event[name]);
    if (present && rule === "forbidden") issue(name, `not allowed for ${type}`);
    if (!present && rule === "required") issue(name, `required for ${type}`);
  }
  if (type === "purchased") {
    if (!isPresent(event.topic) && !isPresent(event.topics))
      issue("topics", "required for purchased (or topic for one)");
    if (isPresent(event.topic) && isPresent(event.topics))
      issue("topic", "give topic or topics on purchased, not both");
    if (Array.isArray(event.topics) && event.topics.length === 0)
      issue("topics", "at least one topic for purchased");
  }
  if (type === "preferences_updated" && !isPresent(event.topics) && !isPresent(event.maxPerWeek)) {
    issue("topics", "required for preferences_updated unless maxPerWeek is given");
  }
  if (FIELD_RULES.currency.allowed.includes(type)) {
    if (isPresent(event.value) && !isPresent(event.currency)) issue("currency", "required with value");
    if (!isPresent(event.value) && isPresent(event.currency)) issue("currency", "only allowed with value");
  }
}

/** Text PostgreSQL cannot store (NUL, unpaired surrogates) is refused in every field, at any depth. */
function checkStorableText(input: unknown, ctx: z.RefinementCtx): void {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return;
  for (const [name, value] of Object.entries(input)) {
    if (Object.hasOwn(shape, name) && !hasOnlyStorableText(value)) {
      ctx.addIssue({ code: "custom", path: [name], message: UNSTORABLE_TEXT_MESSAGE });
    }
  }
}

/** Leaves out known fields sent as null: null means the same as a missing field. */
function dropNulls(input: unknown): unknown {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return input;
  if (!Object.values(input).includes(null)) return input;
  // fromEntries defines own properties, so a "__proto__" key stays a field (and an unknown one).
  return Object.fromEntries(
    Object.entries(input).filter(([name, value]) => value !== null || !Object.hasOwn(shape, name)),
  );
}

/** An accepted event, normalised: timestamps in UTC, defaults applied, absent fields null. */
export interface ValidEvent {
  id: string | null;
  type: EventTypeName;
  customerId: string;
  timestamp: Date;
  channel: ChannelName | null;
  messageId: string | null;
  campaignId: string | null;
  /** Set on message_sent only (default promotional). */
  messageKind: MessageKindName | null;
  /** A purchased event's single topic is moved into `topics`. */
  topic: string | null;
  topics: string[];
  maxPerWeek: number | null;
  value: number | null;
  currency: string | null;
  traits: Traits | null;
  properties: Record<string, unknown> | null;
}

export const eventSchema = z
  .preprocess(dropNulls, eventInput)
  .superRefine(
    (event, ctx) => {
      checkFieldsForType(event, ctx);
      checkStorableText(event, ctx);
    },
    { when: () => true },
  )
  .transform((event): ValidEvent => {
    const purchase = event.type === "purchased" && event.topic !== undefined;
    return {
      id: event.id ?? null,
      type: event.type,
      customerId: event.customerId,
      timestamp: event.timestamp,
      channel: event.channel ?? null,
      messageId: event.messageId ?? null,
      campaignId: event.campaignId ?? null,
      messageKind: event.type === "message_sent" ? (event.messageKind ?? "promotional") : null,
      topic: purchase ? null : (event.topic ?? null),
      topics: purchase ? [event.topic as string] : (event.topics ?? []),
      maxPerWeek: event.maxPerWeek ?? null,
      value: event.value ?? null,
      currency: event.currency ?? null,
      traits: (event.traits as Traits | undefined) ?? null,
      properties: event.properties ?? null,
    };
  });

/** A line of an NDJSON body or file that is not JSON: rejected with its index like any event. */
export class UnparsedEvent {
  constructor(readonly reason: string) {}
}

export type EventValidation = { ok: true; event: ValidEvent } | { ok: false; errors: string[] };

/** Validates one event; on failure returns every reason, `"<field>: <reason>"`. */
export function validateEvent(raw: unknown): EventValidation {
  if (raw instanceof UnparsedEvent) return { ok: false, errors: [`event: not valid JSON (${raw.reason})`] };
  const result = eventSchema.safeParse(raw);
  if (result.success) return { ok: true, event: result.data };
  return { ok: false, errors: formatIssues(result.error.issues) };
}

/** Zod issues as `"<field>: <reason>"` lines; an unknown field gives `"<field>: unknown field"`. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  const lines: string[] = [];
  // Names come from the input: ones that cannot be stored are quoted as JSON, escapes and all.
  const printable = (name: string) => (isStorableText(name) ? name : JSON.stringify(name));
  for (const issue of issues) {
    const path = issue.path.map((part) => printable(String(part))).join(".");
    if (issue.code === "unrecognized_keys") {
      for (const name of issue.keys) lines.push(`${path ? `${path}.` : ""}${printable(name)}: unknown field`);
    } else {
      lines.push(`${path || "event"}: ${issue.message}`);
    }
  }
  return [...new Set(lines)];
}
