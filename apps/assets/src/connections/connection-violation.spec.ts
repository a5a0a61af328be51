import { AppException, ErrorCode } from '@app/core';
import { invalidSettings, violationError } from './connection-violation.js';

describe(violationError.name, () => {
  it('should answer invalid settings with VALIDATION_ERROR and the field list', () => {
    const error = violationError(
      invalidSettings([{ field: 'database_config.host', message: 'is required' }]),
    );
    expect(error).toBeInstanceOf(AppException);
    expect(error.code).toBe(ErrorCode.VALIDATION_ERROR);
    expect(error.message).toBe('Connection settings failed validation');
    expect(error.details).toEqual({ fields: [{ field: 'database_config.host', message: 'is required' }] });
  });

  it('should answer a rebind with REBIND_REQUIRES_CREDENTIALS and the changed fields', () => {
    const error = violationError({ kind: 'rebind', changedFields: ['host', 'ssl_mode'] });
    expect(error.code).toBe(ErrorCode.REBIND_REQUIRES_CREDENTIALS);
    expect(error.status).toBe(422);
    expect(error.message).toBe(
      'Changing where credentials are sent, or weakening how, requires new credentials in the same request',
    );
    expect(error.details).toEqual({ changed_fields: ['host', 'ssl_mode'] });
  });
});
