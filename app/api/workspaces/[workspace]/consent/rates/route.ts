import { NextResponse } from "next/server";

import { withAuth } from "@/lib/server/auth/guard";
import { consentRatesResponse } from "@/lib/server/consent/consent-rates-endpoint";

// GET /api/workspaces/:workspace/consent/rates?from=&to= — consent rates per channel, week by
// week, for the consent ledger page (roles that may see customers, with a session)
export const GET = withAuth(
  async (request, access) =>
    NextResponse.json(await consentRatesResponse(access, new URL(request.url).searchParams)),
  { permission: "viewCustomers", allowApiKey: false },
);
