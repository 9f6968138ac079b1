import { expect } from "vitest";

import { AppError, type AppErrorCode } from "@/lib/server/errors";

/** What a promise rejected with; fails the test when it resolved instead. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  expect.fail("expected the promise to reject, but it resolved");
}

/** Asserts the promise rejects with an AppError of this code and returns that error. */
export async function expectAppError(promise: Promise<unknown>, code: AppErrorCode): Promise<AppError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}
