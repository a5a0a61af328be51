import { classifyError, collectSecrets, DriverError, scrubSecrets } from './driver-error.js';

describe(classifyError.name, () => {
  it.each([
    [{ code: '28P01', message: 'password authentication failed for user "x"' }, 'auth_failed'],
    [{ code: '28000', message: 'role "x" does not exist' }, 'auth_failed'],
    [{ code: '3D000' }, 'not_found'],
    [{ code: '42501' }, 'permission_denied'],
    [{ code: 'ECONNREFUSED' }, 'unreachable'],
    [{ code: 'EHOSTUNREACH' }, 'unreachable'],
    [{ code: 'ENOTFOUND' }, 'unreachable'],
    [{ code: 'ETIMEDOUT' }, 'timeout'],
    [{ name: 'AbortError' }, 'timeout'],
    [{ message: 'The server does not support SSL connections' }, 'tls_error'],
    [{ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }, 'tls_error'],
    [{ code: 'ERR_TLS_CERT_ALTNAME_INVALID' }, 'tls_error'],
    [{ code: 'ER_ACCESS_DENIED_ERROR' }, 'auth_failed'],
    [{ code: 'ER_BAD_DB_ERROR' }, 'not_found'],
    [{ code: 'HANDSHAKE_NO_SSL_SUPPORT' }, 'tls_error'],
    [{ name: 'InvalidAccessKeyId', Code: 'InvalidAccessKeyId' }, 'auth_failed'],
    [{ name: 'SignatureDoesNotMatch' }, 'auth_failed'],
    [{ name: 'NoSuchBucket' }, 'not_found'],
    [{ name: 'AccessDenied' }, 'permission_denied'],
    [{ name: 'Unknown', $metadata: { httpStatusCode: 403 } }, 'permission_denied'],
    [{ code: 'EGRESS_DENIED' }, 'egress_denied'],
  ])('should map %j to %s', (error, code) => {
    expect(classifyError(error, 'connect').code).toBe(code);
  });

  it('should fall back to the step when the error says nothing useful', () => {
    expect(classifyError(new Error('???'), 'tls').code).toBe('tls_error');
    expect(classifyError('weird', 'discover').code).toBe('permission_denied');
  });

  it('should never copy driver text into the message', () => {
    const secret = 'hunter2-secret';
    const classified = classifyError(
      { code: '28P01', message: `password ${secret} rejected` },
      'authenticate',
    );
    expect(classified.message).not.toContain(secret);
    expect(classified.message).toContain('28P01');
  });

  it('should not append a detail that does not look like a code', () => {
    expect(classifyError({ code: 'ECONNREFUSED' }, 'connect').message).toContain('ECONNREFUSED');
    expect(
      classifyError({ name: 'x y z', $metadata: { httpStatusCode: 404 } }, 'connect').message,
    ).not.toContain('x y z');
  });

  it('should keep a DriverError verdict as is', () => {
    expect(classifyError(new DriverError('invalid_config', 'bad port'), 'resolve')).toEqual({
      code: 'invalid_config',
      message: 'bad port',
    });
  });
});

describe(scrubSecrets.name, () => {
  it('should remove a secret in plain, URL-encoded, base64 and JSON-escaped forms', () => {
    const secret = 'p@ss w/rd"+%';
    const text = [
      secret,
      encodeURIComponent(secret),
      Buffer.from(secret).toString('base64'),
      Buffer.from(secret).toString('base64url'),
      JSON.stringify(secret),
    ].join(' | ');
    const scrubbed = scrubSecrets(text, [secret]);
    expect(scrubbed).not.toContain('ss w/rd');
    expect(scrubbed).not.toContain(encodeURIComponent(secret));
    expect(scrubbed).not.toContain(Buffer.from(secret).toString('base64').replace(/=+$/, ''));
  });

  it('should collect nested secrets but not user names or public certificates', () => {
    const secrets = collectSecrets({
      username: 'analyst',
      password: 'pw-123456',
      ca_cert: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----',
      service_account_json: { private_key: 'KEYMATERIAL-xyz' },
    });
    expect(secrets).toEqual(expect.arrayContaining(['pw-123456', 'KEYMATERIAL-xyz']));
    expect(secrets).not.toContain('analyst');
  });
});
