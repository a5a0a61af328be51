import { ErrorCode, statusForCode } from './error-code.js';

/**
 * The one exception type the error filter understands. Messages must never contain
 * secret material: they go to the client verbatim.
 */
export class AppException extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppException';
    this.status = statusForCode(code);
  }

  static invalidRequest(message: string, details?: Record<string, unknown>): AppException {
    return new AppException(ErrorCode.INVALID_REQUEST, message, details);
  }
  static invalidToken(message = 'Missing or invalid bearer token'): AppException {
    return new AppException(ErrorCode.INVALID_TOKEN, message);
  }
  static forbidden(message = 'Insufficient permissions'): AppException {
    return new AppException(ErrorCode.INSUFFICIENT_PERMISSIONS, message);
  }
  static notFound(what = 'Resource'): AppException {
    return new AppException(ErrorCode.RESOURCE_NOT_FOUND, `${what} not found`);
  }
  static conflict(message: string, details?: Record<string, unknown>): AppException {
    return new AppException(ErrorCode.RESOURCE_ALREADY_EXISTS, message, details);
  }
  static validation(message: string, details?: Record<string, unknown>): AppException {
    return new AppException(ErrorCode.VALIDATION_ERROR, message, details);
  }
  static unavailable(dependency: string): AppException {
    return new AppException(ErrorCode.SERVICE_UNAVAILABLE, `${dependency} is unavailable`, { dependency });
  }
}

/** Thrown by adapters when an external system cannot be reached; mapped to 503. */
export class DependencyUnavailableError extends AppException {
  constructor(dependency: string, override readonly cause?: unknown) {
    super(ErrorCode.SERVICE_UNAVAILABLE, `${dependency} is unavailable`, { dependency });
  }
}
