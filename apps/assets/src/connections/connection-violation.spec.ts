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

  it('should answer a rebind with REBIND_REQUIRES_CREDENTIALS and one field entry per changed setting', () => {
    const error = violationError({
      kind: 'rebind',
      changedFields: ['database_config.host', 'database_config.ssl_mode', 'storage_config.endpoint'],
    });
    expect(error.code).toBe(ErrorCode.REBIND_REQUIRES_CREDENTIALS);
    expect(error.status).toBe(422);
    expect(error.message).toBe(
      'Changing where credentials are sent, or weakening how, requires new credentials in the same request',
    );
    expect(error.details).toEqual({
      fields: [
        {
          field: 'database_config.host',
          message:
            'changes where the stored credentials would be sent: send the credentials again in the same request',
        },
        {
          field: 'database_config.ssl_mode',
          message: 'weakens transport security: send the credentials again in the same request',
        },
        {
          field: 'storage_config.endpoint',
          message:
            'changes where the stored credentials would be sent: send the credentials again in the same request',
        },
      ],
    });
  });

  it('should say a type change needs credentials for the new type', () => {
    expect(violationError({ kind: 'rebind', changedFields: ['connection_type'] }).details).toEqual({
      fields: [
        {
          field: 'connection_type',
          message: 'changes the connection type: send credentials for the new type in the same request',
        },
      ],
    });
  });
});
