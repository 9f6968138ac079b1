import { dsrCustomerId } from "@/lib/schemas/privacy";
import { withAuth } from "@/lib/server/auth/guard";
import { getPrisma } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { openCustomerAccess } from "@/lib/server/privacy/customer-access";

// GET /api/workspaces/:workspace/privacy/customers/:customerId/export — an access request:
// everything held about one customer as a JSON download, streamed (recorded as dsr.access)
export const GET = withAuth(
  async (_request, access, context) => {
    const parsed = dsrCustomerId.safeParse((await context.params).customerId);
    if (!parsed.success) throw new AppError("invalid_input", `customerId: ${parsed.error.issues[0].message}`);
    const document = await openCustomerAccess(
      await getPrisma(),
      access.workspace,
      parsed.data,
      access.user?.id ?? null,
    );
    const pieces = document.text();
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await pieces.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await pieces.return(undefined);
      },
    });
    return new Response(body, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        // The file is named by date, not by the customer id, which may hold any character.
        "Content-Disposition": `attachment; filename="customer-data-${new Date().toISOString().slice(0, 10)}.json"`,
        "Cache-Control": "no-store",
      },
    });
  },
  { permission: "administer", allowApiKey: false },
);
