import { DriverError, fixedMessage } from '../../driver-error.js';
import type { VerificationErrorCode } from '../../verification.types.js';

const SAFE_DETAIL = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * A classified SDK failure: the fixed message of its code plus, when it looks like a code name
 * (`390100`, `ORA-01017`, `ContainerNotFound`), that name. Driver prose is never copied.
 */
export function sdkError(code: VerificationErrorCode, detail?: string | number): DriverError {
  const text = detail === undefined || detail === null ? '' : String(detail);
  return new DriverError(code, fixedMessage(code) + (SAFE_DETAIL.test(text) ? ` (${text})` : ''));
}

/** What an HTTP status alone says about a failed API call. */
export function codeForHttpStatus(status: number | undefined): VerificationErrorCode | undefined {
  switch (status) {
    case 401:
      return 'auth_failed';
    case 403:
      return 'permission_denied';
    case 404:
      return 'not_found';
    case 408:
    case 504:
      return 'timeout';
    case 502:
    case 503:
      return 'unreachable';
    default:
      return undefined;
  }
}

/** Reads a string or number property of an unknown error without trusting its shape. */
export function prop(error: unknown, key: string): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const value = (error as Record<string, unknown>)[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}
