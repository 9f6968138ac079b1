import { NextResponse } from "next/server";

import { buildOpenApiDocument, type OpenApiDocument } from "@/lib/openapi/build-openapi";
import { withPublic } from "@/lib/server/auth/guard";

let document: OpenApiDocument | undefined;

// GET /api/v1/openapi.json — the OpenAPI 3.1 description of the API; public, built once per process
export const GET = withPublic(async () => {
  document ??= buildOpenApiDocument();
  return NextResponse.json(document, { headers: { "Cache-Control": "public, max-age=300" } });
});
