import type { Role } from "@/lib/auth/permissions";

type UserMenuT = (key: "roleAdmin" | "roleManager" | "roleAnalyst" | "roleExecutive") => string;

const KEYS = {
  admin: "roleAdmin",
  manager: "roleManager",
  analyst: "roleAnalyst",
  executive: "roleExecutive",
} as const satisfies Record<Role, string>;

/** A role in the interface language. */
export function roleLabel(t: UserMenuT, role: Role): string {
  return t(KEYS[role]);
}
