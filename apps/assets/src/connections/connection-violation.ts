import { AppException, ErrorCode } from '@app/core';

export interface FieldProblem {
  field: string;
  message: string;
}

/** Why a planned create or update may not happen; the service answers with `violationError`. */
export type ConnectionViolation =
  /** 422 VALIDATION_ERROR with `details.fields`. */
  | { kind: 'invalid'; message: string; fields: FieldProblem[] }
  /** 422 REBIND_REQUIRES_CREDENTIALS: stored credentials would go elsewhere, or over weaker transport. */
  | { kind: 'rebind'; changedFields: string[] };

export const invalidSettings = (fields: FieldProblem[]): ConnectionViolation => ({
  kind: 'invalid',
  message: 'Connection settings failed validation',
  fields,
});

/** The error envelope of a violation. */
export function violationError(violation: ConnectionViolation): AppException {
  switch (violation.kind) {
    case 'invalid':
      return AppException.validation(violation.message, { fields: violation.fields });
    case 'rebind':
      return new AppException(
        ErrorCode.REBIND_REQUIRES_CREDENTIALS,
        'Changing where credentials are sent, or weakening how, requires new credentials in the same request',
        {
          changed_fields: violation.changedFields,
        },
      );
  }
}
