/** Wire error codes (platform-api §4). Extend here; the filter's switch is exhaustive. */
export enum ErrorCode {
  INVALID_REQUEST = 'INVALID_REQUEST',
  INVALID_TOKEN = 'INVALID_TOKEN',
  INSUFFICIENT_PERMISSIONS = 'INSUFFICIENT_PERMISSIONS',
  EGRESS_DENIED = 'EGRESS_DENIED',
  RESOURCE_NOT_FOUND = 'RESOURCE_NOT_FOUND',
  RESOURCE_ALREADY_EXISTS = 'RESOURCE_ALREADY_EXISTS',
  /** 409: another change to the same resource came first or is in flight; nothing was stored. */
  CONFLICT = 'CONFLICT',
  VALIDATION_ERROR = 'VALIDATION_ERROR',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** 408: the client stopped sending a request body (an upload idle for too long). */
  REQUEST_TIMEOUT = 'REQUEST_TIMEOUT',
  /** 415: a body in a media type the route does not take (JSON routes take only application/json). */
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  /** 416: a Range outside the object; `Content-Range: bytes *\/<size>` says its size. */
  RANGE_NOT_SATISFIABLE = 'RANGE_NOT_SATISFIABLE',
  REBIND_REQUIRES_CREDENTIALS = 'REBIND_REQUIRES_CREDENTIALS',
  RATE_LIMIT_EXCEEDED = 'RATE_LIMIT_EXCEEDED',
  AUDIT_UNAVAILABLE = 'AUDIT_UNAVAILABLE',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /** 504: the caller's deadline (X-Request-Timeout-Ms, or the service's own bound) passed; `details.outcome` says whether anything was left applied. */
  DEADLINE_EXCEEDED = 'DEADLINE_EXCEEDED',
  INTERNAL_ERROR = 'INTERNAL_ERROR',
}

export function statusForCode(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.INVALID_REQUEST:
      return 400;
    case ErrorCode.INVALID_TOKEN:
      return 401;
    case ErrorCode.INSUFFICIENT_PERMISSIONS:
    case ErrorCode.EGRESS_DENIED:
      return 403;
    case ErrorCode.RESOURCE_NOT_FOUND:
      return 404;
    case ErrorCode.RESOURCE_ALREADY_EXISTS:
    case ErrorCode.CONFLICT:
      return 409;
    case ErrorCode.REQUEST_TIMEOUT:
      return 408;
    case ErrorCode.PAYLOAD_TOO_LARGE:
      return 413;
    case ErrorCode.UNSUPPORTED_MEDIA_TYPE:
      return 415;
    case ErrorCode.RANGE_NOT_SATISFIABLE:
      return 416;
    case ErrorCode.VALIDATION_ERROR:
    case ErrorCode.REBIND_REQUIRES_CREDENTIALS:
      return 422;
    case ErrorCode.RATE_LIMIT_EXCEEDED:
      return 429;
    case ErrorCode.INTERNAL_ERROR:
      return 500;
    case ErrorCode.AUDIT_UNAVAILABLE:
    case ErrorCode.SERVICE_UNAVAILABLE:
      return 503;
    case ErrorCode.DEADLINE_EXCEEDED:
      return 504;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}
