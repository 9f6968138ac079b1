import "server-only";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ErasureMode } from "@/lib/schemas/privacy";
import { recordAudit } from "@/lib/server/audit";
import { lockWorkspace } from "@/lib/server/db/workspace-lock";
import { announceEventsAdded } from "@/lib/server/ingest/events-added";
import { recordDataChange } from "@/lib/server/metrics/cache/data-version";

import { anonymiseCustomerData } from "./anonymise-customer-data";
import { customerHash } from "./customer-hash";
import { deleteCustomerData } from "./delete-customer-data";
import type { ErasureCounts } from "./erasure-counts";

export type ErasureOutcome =
  | { status: "erased"; mode: ErasureMode; erasedAt: Date; counts: Omit<ErasureCounts, "range"> }
  /** On the suppression list already (and not lifted): nothing was done again. */
  | { status: "already_erased"; mode: ErasureMode; erasedAt: Date }
  /** The workspace holds no event and no row of this customer: nothing to erase. */
  | { status: "no_such_customer" };

// An erasure may touch many events; on the embedded database that can take a while.
const TRANSACTION = { maxWait: 60_000, timeout: 10 * 60_000 } as const;

/**
 * Serves an erasure request for one customer of the workspace, in one transaction with its
 * audit entry (`dsr.erase`, mode and counts, the customer named by hash only) and the
 * customer's entry on the suppression list. Idempotent: a customer already erased (and not
 * lifted) or unknown changes nothing and writes no audit entry.
 */
export async function eraseCustomer(
  prisma: PrismaClient,
  workspaceId: number,
  customerId: string,
  mode: ErasureMode,
  userId: string | null,
): Promise<ErasureOutcome> {
  const hash = customerHash(workspaceId, customerId);
  const { outcome, range } = await prisma.$transaction(async (tx) => {
    // Retention's lock: erasures and retention batches of a workspace take turns, so a
    // repeated request waits for the first and then finds the customer erased.
    await lockWorkspace(tx, "eventRemoval", workspaceId);
    const listed = await tx.suppressedCustomer.findUnique({
      where: { workspaceId_customerHash: { workspaceId, customerHash: hash } },
    });
    if (listed && listed.liftedAt === null) {
      const outcome: ErasureOutcome = {
        status: "already_erased",
        mode: listed.mode as ErasureMode,
        erasedAt: listed.createdAt,
      };
      return { outcome, range: null };
    }
    const held =
      (await tx.customer.count({ where: { workspaceId, id: customerId } })) +
      (await tx.event.count({ where: { workspaceId, customerId } }));
    if (held === 0) return { outcome: { status: "no_such_customer" } as ErasureOutcome, range: null };

    const { range, ...counts } =
      mode === "delete"
        ? await deleteCustomerData(tx, workspaceId, customerId)
        : await anonymiseCustomerData(tx, workspaceId, customerId);
    const erasedAt = new Date();
    const entry = { mode, createdById: userId, createdAt: erasedAt, liftedAt: null, liftedById: null };
    await tx.suppressedCustomer.upsert({
      where: { workspaceId_customerHash: { workspaceId, customerHash: hash } },
      create: { workspaceId, customerHash: hash, ...entry },
      update: entry,
    });
    await recordAudit(
      {
        action: "dsr.erase",
        workspaceId,
        userId,
        targetType: "customer",
        targetId: hash,
        details: { mode, ...counts },
      },
      tx,
    );
    const outcome: ErasureOutcome = { status: "erased", mode, erasedAt, counts };
    return { outcome, range };
  }, TRANSACTION);
  // Deleted events change metrics over their time span as added ones do: the same announcement
  // tells whatever keeps results of that span (anonymised events change no aggregate).
  await recordDataChange(prisma, workspaceId, range?.from ?? null);
  if (mode === "delete" && range) announceEventsAdded({ workspaceId, ...range, customerIds: [customerId] });
  return outcome;
}
