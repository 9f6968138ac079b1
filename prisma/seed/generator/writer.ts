import type { ConsentRow, CustomerRow, DerivedRows, PreferenceRow } from "./derive";
import type { CatalogueEntry } from "./message-catalogue";
import type { DemoEvent } from "./types";

/** Runs one statement with bound parameters (inside the seeding transaction). */
export type Execute = (sql: string, params: unknown[]) => Promise<unknown>;

// One bulk statement per chunk: arrays in, unnest, casts. The same SQL runs on PGlite and PostgreSQL.
const EVENT_SQL = `INSERT INTO "Event" ("workspaceId", "eventKey", "type", "customerId", "ts", "channel", "messageId",
  "campaignId", "messageKind", "topic", "topicInherited", "topics", "maxPerWeek", "value", "currency", "traits",
  "properties", "receivedAt")
SELECT $1::int, 'demo-' || ($2::bigint + u.n), u.type::"EventType", u.customer, u.ts, u.channel::"Channel", u.message,
  u.campaign, u.kind::"MessageKind", u.topic, u.inherited, u.topics::text[], u.max_per_week, u.value::numeric,
  u.currency, u.traits::jsonb, u.properties::jsonb, u.ts
FROM unnest($3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
  $11::boolean[], $12::text[], $13::float8[], $14::text[], $15::text[], $16::text[], $17::text[])
  WITH ORDINALITY AS u(type, customer, ts, channel, message, campaign, kind, topic, inherited, topics, max_per_week,
  value, currency, traits, properties, n)`;

const CUSTOMER_SQL = `INSERT INTO "Customer" ("workspaceId", "id", "traits", "traitTimes", "firstSeenAt", "lastSeenAt")
SELECT $1::int, u.id, u.traits::jsonb, u.times::jsonb, u.first, u.last
FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[]) AS u(id, traits, times, first, last)`;

const CONSENT_SQL = `INSERT INTO "CustomerConsent" ("workspaceId", "customerId", "channel", "state", "changedAt")
SELECT $1::int, u.customer, u.channel::"Channel", u.state::"ConsentState", u.changed
FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[]) AS u(customer, channel, state, changed)`;

const PREFERENCE_SQL = `INSERT INTO "CustomerPreference" ("workspaceId", "customerId", "topics", "maxPerWeek", "updatedAt")
SELECT $1::int, u.customer, u.topics::text[], u.max_per_week, u.updated
FROM unnest($2::text[], $3::text[], $4::float8[], $5::timestamptz[]) AS u(customer, topics, max_per_week, updated)`;

const MESSAGE_SQL = `INSERT INTO "Message" ("workspaceId", "messageId", "channel", "campaignId", "kind", "topic", "firstSentAt")
SELECT $1::int, u.id, u.channel::"Channel", u.campaign, u.kind::"MessageKind", u.topic, u.first
FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])
  AS u(id, channel, campaign, kind, topic, first)`;

const iso = (ms: number) => new Date(ms).toISOString();

/** Transposes rows into one array per column. */
function columns<T>(rows: readonly T[], pick: readonly ((row: T) => unknown)[]): unknown[][] {
  return pick.map((get) => rows.map(get));
}

const EVENT_COLUMNS: readonly ((e: DemoEvent) => unknown)[] = [
  (e) => e.type,
  (e) => iso(e.t),
  (e) => e.channel,
  (e) => e.messageId,
  (e) => e.campaignId,
  (e) => e.kind,
  (e) => e.topic,
  (e) => e.topicInherited,
  (e) => e.topics,
  (e) => e.maxPerWeek,
  (e) => e.value,
  (e) => e.currency,
  (e) => e.traits,
  (e) => e.properties,
];

/**
 * Streams the generated rows into the database in large chunks. One statement is in flight
 * while the next chunk is generated; memory stays at about two chunks whatever the size.
 */
export class DemoWriter {
  private events: DemoEvent[] = [];
  private eventCustomers: string[] = [];
  private customers: CustomerRow[] = [];
  private consents: ConsentRow[] = [];
  private preferences: PreferenceRow[] = [];
  private pending: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  private analyzed = false;
  eventCount = 0;

  constructor(
    private readonly execute: Execute,
    private readonly workspaceId: number,
    private readonly chunkSize = 10_000,
  ) {}

  async addCustomer(customerId: string, events: DemoEvent[], rows: DerivedRows): Promise<void> {
    for (const e of events) {
      this.events.push(e);
      this.eventCustomers.push(customerId);
    }
    this.customers.push(rows.customer);
    this.consents.push(...rows.consents);
    if (rows.preference) this.preferences.push(rows.preference);
    if (this.events.length >= this.chunkSize) await this.flushEvents();
    if (this.customers.length >= this.chunkSize / 2) await this.flushCustomers();
  }

  /** Writes what is left, then the message catalogue, and waits for the last statement. */
  async finish(messages: CatalogueEntry[]): Promise<void> {
    await this.flushEvents();
    await this.flushCustomers();
    for (let i = 0; i < messages.length; i += this.chunkSize) {
      const chunk = messages.slice(i, i + this.chunkSize);
      await this.run(MESSAGE_SQL, [
        this.workspaceId,
        ...columns(chunk, [
          (m) => m.messageId,
          (m) => m.channel,
          (m) => m.campaignId,
          (m) => m.kind,
          (m) => m.topic,
          (m) => iso(m.firstSentAt),
        ]),
      ]);
    }
    await this.pending;
    this.rethrow();
  }

  private async flushEvents(): Promise<void> {
    if (this.events.length === 0) return;
    const chunk = this.events;
    const [type, ...rest] = columns(chunk, EVENT_COLUMNS);
    const params = [this.workspaceId, this.eventCount, type, this.eventCustomers, ...rest];
    this.events = [];
    this.eventCustomers = [];
    this.eventCount += chunk.length;
    await this.run(EVENT_SQL, params);
  }

  private async flushCustomers(): Promise<void> {
    if (this.customers.length > 0) {
      const chunk = this.customers;
      this.customers = [];
      await this.run(CUSTOMER_SQL, [
        this.workspaceId,
        ...columns(chunk, [
          (c) => c.id,
          (c) => c.traits,
          (c) => c.traitTimes,
          (c) => iso(c.firstSeenAt),
          (c) => iso(c.lastSeenAt),
        ]),
      ]);
      // The foreign-key checks of consents and preferences look customers up with a plan made
      // once per connection. If the statistics still say the table is empty (as after deleting
      // an old demo), that plan scans the table for every row: quadratic. Fresh statistics make
      // it an index lookup. (Without the owner's rights this is only a warning.)
      if (!this.analyzed) await this.run(`ANALYZE "Customer"`, []);
      this.analyzed = true;
    }
    if (this.consents.length > 0) {
      const chunk = this.consents;
      this.consents = [];
      await this.run(CONSENT_SQL, [
        this.workspaceId,
        ...columns(chunk, [(c) => c.customerId, (c) => c.channel, (c) => c.state, (c) => iso(c.changedAt)]),
      ]);
    }
    if (this.preferences.length > 0) {
      const chunk = this.preferences;
      this.preferences = [];
      await this.run(PREFERENCE_SQL, [
        this.workspaceId,
        ...columns(chunk, [
          (p) => p.customerId,
          (p) => p.topics,
          (p) => p.maxPerWeek,
          (p) => iso(p.updatedAt),
        ]),
      ]);
    }
  }

  /** Waits for the statement in flight, then starts this one without waiting for it. */
  private async run(sql: string, params: unknown[]): Promise<void> {
    await this.pending;
    this.rethrow();
    this.pending = this.execute(sql, params).then(
      () => undefined,
      (error: unknown) => {
        this.failure = error;
      },
    );
  }

  private rethrow(): void {
    if (this.failure !== null) throw this.failure;
  }
}
