import { getTranslations } from "next-intl/server";

import type { Role } from "@/lib/auth/permissions";
import { signOutAction } from "@/lib/server/actions/session-actions";

import { LanguagePicker } from "./language-picker";
import { roleLabel } from "./role-label";

/** The signed-in user, their role, language and sign-out. A native disclosure: keyboard-accessible as is. */
export async function UserMenu({ user, role }: { user: { email: string; name: string | null }; role: Role }) {
  const t = await getTranslations("userMenu");
  return (
    <details className="relative">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-lg px-2 py-1.5 text-sm hover:bg-slate-100">
        <span
          aria-hidden
          className="flex h-7 w-7 items-center justify-center rounded-full bg-brand text-xs font-semibold text-white"
        >
          {(user.name ?? user.email).slice(0, 1).toUpperCase()}
        </span>
        <span className="hidden sm:inline">{user.name ?? user.email}</span>
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-64 rounded-xl border border-slate-200 bg-white p-3 shadow-lg">
        <p className="truncate text-sm font-medium">{user.email}</p>
        <p className="text-xs text-slate-600">{t("role", { role: roleLabel(t, role) })}</p>
        <div className="mt-3 border-t border-slate-100 pt-3">
          <LanguagePicker />
        </div>
        <form action={signOutAction} className="mt-3">
          <button
            type="submit"
            className="w-full rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
          >
            {t("signOut")}
          </button>
        </form>
      </div>
    </details>
  );
}
