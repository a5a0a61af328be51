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

/**
 * An error envelope as text without its request and trace ids: random hex that may hold any short
 * string, so a test looking for a leaked value (a port, a host) checks only what the server chose to say.
 */
export function envelopeTextWithoutIds(body: unknown): string {
  return JSON.stringify(body, (key, value: unknown) =>
    key === 'request_id' || key === 'trace_id' ? undefined : value,
  );
}
