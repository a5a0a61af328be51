import { AppException } from '@app/core';

/** The AppException a promise rejects with; anything else (a resolve, another error) fails the test. */
export async function appFailureOf(promise: Promise<unknown>): Promise<AppException> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppException)) throw new Error(`expected an AppException, got ${String(error)}`);
  return error;
}
