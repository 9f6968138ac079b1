import { createLoader } from "nuqs/server";

import { dashboardParsers } from "./dashboard-params";

/** Parses dashboard search params on the server with the same parsers the client uses. */
export const loadDashboardParams = createLoader(dashboardParsers);
