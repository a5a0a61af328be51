import { AppException, ErrorCode } from '@app/core';
import { TRANSPORT_FIELD_NAMES } from '../connection-types/index.js';

export interface FieldProblem {
  field: string;
  /** What is wrong, without the field's name (the caller shows `field` beside it). */
  message: string;
}

/** Why a planned create or update may not happen; the service answers with `violationError`. */
export type ConnectionViolation =
  /** 422 VALIDATION_ERROR with `details.fields`. */
  | { kind: 'invalid'; message: string; fields: FieldProblem[] }
  /**
   * 422 REBIND_REQUIRES_CREDENTIALS: stored credentials would go elsewhere, or over weaker
   * transport. `changedFields` as the request names them (`database_config.host`, `connection_type`).
   */
  | { kind: 'rebind'; changedFields: string[] };

export const invalidSettings = (fields: FieldProblem[]): ConnectionViolation => ({
  kind: 'invalid',
  message: 'Connection settings failed validation',
  fields,
});

const TRANSPORT_FIELDS: ReadonlySet<string> = new Set(TRANSPORT_FIELD_NAMES);

/** Why one changed setting needs the credentials sent again. */
function rebindMessage(field: string): string {
  if (field === 'connection_type')
    return 'changes the connection type: send credentials for the new type in the same request';
  if (TRANSPORT_FIELDS.has(field.slice(field.lastIndexOf('.') + 1)))
    return 'weakens transport security: send the credentials again in the same request';
  return 'changes where the stored credentials would be sent: send the credentials again in the same request';
}

/** The error envelope of a violation; both kinds list their fields as `details.fields`. */
export function violationError(violation: ConnectionViolation): AppException {
  switch (violation.kind) {
    case 'invalid':
      return AppException.validation(violation.message, { fields: violation.fields });
    case 'rebind':
      return new AppException(
        ErrorCode.REBIND_REQUIRES_CREDENTIALS,
        'Changing where credentials are sent, or weakening how, requires new credentials in the same request',
        {
          fields: violation.changedFields.map((field): FieldProblem => ({
            field,
            message: rebindMessage(field),
          })),
        },
      );
  }
}
