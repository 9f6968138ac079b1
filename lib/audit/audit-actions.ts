/**
 * The audit log's action names (docs/security.md, "Audit log"), by group: an action's group is
 * the part of its name before the dot. The log's filter offers each group and each action;
 * entries with names not listed here (older or newer code) are shown and filtered all the same.
 */
export const AUDIT_ACTION_GROUPS = {
  auth: ["auth.signin", "auth.signin_failed", "auth.signin_locked"],
  apikey: ["apikey.create", "apikey.revoke"],
  import: ["import.cancelled", "import.events_deleted"],
  export: ["export.csv", "export.import_errors", "export.audit_log"],
  dsr: ["dsr.access", "dsr.erase", "dsr.suppression_lift"],
  membership: ["membership.add", "membership.role_change", "membership.remove"],
  settings: ["settings.change", "settings.retention"],
  retention: ["retention.run"],
  workspace: ["workspace.create"],
} as const;

export type AuditActionGroup = keyof typeof AUDIT_ACTION_GROUPS;
export type AuditAction = (typeof AUDIT_ACTION_GROUPS)[AuditActionGroup][number];

export const AUDIT_GROUPS = Object.keys(AUDIT_ACTION_GROUPS) as AuditActionGroup[];
export const AUDIT_ACTIONS = Object.values(AUDIT_ACTION_GROUPS).flat() as AuditAction[];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/** An action filter: one action (`apikey.create`) or every action of a group (`apikey.*`). */
export const AUDIT_ACTION_FILTER = /^[a-z][a-z_]{0,39}\.([a-z][a-z_]{0,39}|\*)$/;
