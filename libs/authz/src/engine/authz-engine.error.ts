/** OpenFGA's numeric error codes (openfga/api `ErrorCode`), so callers can map them like a server's. */
export enum AuthzErrorCode {
  VALIDATION_ERROR = 2000,
  RESOLUTION_TOO_COMPLEX = 2002,
  TYPE_NOT_FOUND = 2021,
  RELATION_NOT_FOUND = 2022,
  INVALID_TUPLE = 2027,
}

export class AuthzEngineError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'AuthzEngineError';
  }

  static validation(message: string): AuthzEngineError {
    return new AuthzEngineError(AuthzErrorCode.VALIDATION_ERROR, message);
  }

  static invalidTuple(message: string): AuthzEngineError {
    return new AuthzEngineError(AuthzErrorCode.INVALID_TUPLE, message);
  }

  static resolutionTooComplex(maxDepth: number): AuthzEngineError {
    return new AuthzEngineError(
      AuthzErrorCode.RESOLUTION_TOO_COMPLEX,
      `authorization model resolution too complex: depth limit ${maxDepth} exceeded`,
    );
  }
}
