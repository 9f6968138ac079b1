import "server-only";

import type { ApiErrorCode } from "@/lib/schemas/api-error";

/** The codes are listed once, in lib/schemas/api-error.ts, which the API description uses too. */
export type AppErrorCode = ApiErrorCode;

const STATUS: Record<AppErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 400,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
};

/** The one error type the server raises on purpose; its message is safe to show. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly status: number;

  constructor(code: AppErrorCode, message: string, status = STATUS[code]) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

/** The one error body: `{ error: { code, message } }`. Unknown errors never leak details. */
export function errorBody(error: unknown): {
  status: number;
  body: { error: { code: string; message: string } };
} {
  if (error instanceof AppError) {
    return { status: error.status, body: { error: { code: error.code, message: error.message } } };
  }
  console.error(error);
  return { status: 500, body: { error: { code: "internal", message: "Something went wrong on our side." } } };
}
