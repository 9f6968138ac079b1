"use server";

import { revalidatePath } from "next/cache";

import { eraseCustomerInput, liftSuppressionInput } from "@/lib/schemas/privacy";
import { workspaceAction } from "@/lib/server/auth/guard";
import { getPrisma } from "@/lib/server/db";
import { eraseCustomer } from "@/lib/server/privacy/erase-customer";
import { liftSuppression } from "@/lib/server/privacy/lift-suppression";

const privacyPath = (slug: string) => `/${slug}/settings/privacy`;

// Erases one customer by deletion or anonymisation (admins only); repeating it changes nothing.
export const eraseCustomerAction = workspaceAction(
  "administer",
  eraseCustomerInput,
  async ({ customerId, mode }, access) => {
    const outcome = await eraseCustomer(
      await getPrisma(),
      access.workspace.id,
      customerId,
      mode,
      access.user?.id ?? null,
    );
    // The suppression list changed only if the customer was erased now.
    if (outcome.status === "erased") revalidatePath(privacyPath(access.workspace.slug));
    return outcome;
  },
);

// Lifts a customer's suppression, so their events are accepted again (admins only).
export const liftSuppressionAction = workspaceAction(
  "administer",
  liftSuppressionInput,
  async ({ customerHash }, access) => {
    const outcome = await liftSuppression(
      await getPrisma(),
      access.workspace.id,
      customerHash,
      access.user?.id ?? null,
    );
    if (outcome.status === "lifted") revalidatePath(privacyPath(access.workspace.slug));
    return outcome;
  },
);
