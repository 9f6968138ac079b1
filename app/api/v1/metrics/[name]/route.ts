import { withAuth } from "@/lib/server/auth/guard";
import { metricEndpoint } from "@/lib/server/metrics/api/metric-handler";
import { METRICS } from "@/lib/server/metrics/api/metric-registry";

// GET /api/v1/metrics/<name> — one metric for a window, segment and channel (API key with read scope, or a session)
export const GET = withAuth(metricEndpoint(METRICS, "metric", { cache: true }), { permission: "viewDashboards" });
