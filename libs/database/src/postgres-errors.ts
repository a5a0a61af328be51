import { QueryFailedError } from 'typeorm';

/** PostgreSQL's SQLSTATE for `unique_violation`. */
const UNIQUE_VIOLATION = '23505';

/** A PostgreSQL unique violation, optionally on the named constraint (index) only. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string } | undefined;
  return (
    driverError?.code === UNIQUE_VIOLATION &&
    (constraint === undefined || driverError.constraint === constraint)
  );
}

/**
 * A statement PostgreSQL refused because of the values it carried: SQLSTATE class 22 (data
 * exception, e.g. a NUL byte in text) or 23 (integrity constraint), not because it is unreachable.
 */
export function isDataError(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
}
