/** Who made an audit entry: a user, an API key, or nobody signed in (the CLI, jobs). */
export type AuditActor =
  | { kind: "user"; id: string; name: string | null; email: string }
  | { kind: "apiKey"; id: string; name: string | null }
  | { kind: "system" };

/** One entry of the audit log as the page and the export show it. */
export interface AuditLogRow {
  id: string;
  at: Date;
  action: string;
  actor: AuditActor;
  targetType: string | null;
  targetId: string | null;
  details: unknown;
  ip: string | null;
}
