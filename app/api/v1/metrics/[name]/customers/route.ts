import { withAuth } from "@/lib/server/auth/guard";
import { metricEndpoint } from "@/lib/server/metrics/api/metric-handler";
import { CUSTOMER_LISTS } from "@/lib/server/metrics/api/metric-registry";

// GET /api/v1/metrics/<name>/customers — who a metric counts, one page (a session whose role may see customers)
export const GET = withAuth(metricEndpoint(CUSTOMER_LISTS, "customer list"), { permission: "viewCustomers" });
