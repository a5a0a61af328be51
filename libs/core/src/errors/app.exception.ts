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

/**
 * Thrown by adapters when an external system cannot be reached; mapped to 503. `reason` is a safe,
 * adapter-built explanation (names settings, never their values) that readiness reports.
 */
export class DependencyUnavailableError extends AppException {
  constructor(
    dependency: string,
    override readonly cause?: unknown,
    reason?: string,
  ) {
    super(
      ErrorCode.SERVICE_UNAVAILABLE,
      `${dependency} is unavailable`,
      reason ? { dependency, reason } : { dependency },
    );
  }
}

/**
 * An external system is throttling us and the caller's deadline does not leave time to wait it
 * out; mapped to 429 with Retry-After (the error filter reads `retry_after_s`).
 */
export class DependencyRateLimitedError extends AppException {
  constructor(dependency: string, retryAfterSeconds: number) {
    super(ErrorCode.RATE_LIMIT_EXCEEDED, `${dependency} is rate limiting requests; retry later`, {
      dependency,
      retry_after_s: Math.max(1, Math.ceil(retryAfterSeconds)),
    });
  }
}
