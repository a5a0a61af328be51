import { AzureBlobDriver, classifyAzureError } from './azure-blob.driver.js';

const input = (
  auth: 'shared_key' | 'sas_token',
  config: Record<string, unknown> = {},
  credentials?: Record<string, unknown>,
) => ({
  type: 'azure_blob' as const,
  auth_type: auth,
  config: { auth_type: auth, account_name: 'acmedatalake', container: 'landing', ...config },
  credentials:
    credentials ??
    (auth === 'shared_key'
      ? { account_key: 'a2V5LWtleS1rZXk=' }
      : { sas_token: '?sv=2022-11-02&sp=rl&sig=abc%2Bdef%3D' }),
});

describe(AzureBlobDriver.name, () => {
  const driver = new AzureBlobDriver();

  it('should target the account host by default, or the endpoint', () => {
    expect(driver.target(input('shared_key'))).toEqual({
      host: 'acmedatalake.blob.core.windows.net',
      port: 443,
    });
    expect(
      driver.target(input('sas_token', { endpoint: 'http://127.0.0.1:10000/devstoreaccount1' })),
    ).toEqual({ host: '127.0.0.1', port: 10000 });
  });

  it('should refuse connection strings, unsigned or URL-breaking SAS tokens and foreign fields', () => {
    expect(() =>
      driver.target(
        input('shared_key', { connection_string: 'DefaultEndpointsProtocol=https;AccountName=x' }),
      ),
    ).toThrow('not supported');
    expect(() => driver.target(input('sas_token', {}, { sas_token: 'sv=2022-11-02&sp=rl' }))).toThrow(
      'no signature',
    );
    expect(() => driver.target(input('sas_token', {}, { sas_token: 'sig=a#@evil.example/' }))).toThrow(
      'invalid format',
    );
    expect(() => driver.target(input('sas_token', {}, { account_key: 'a2V5' }))).toThrow('not supported');
    expect(() => driver.target(input('shared_key', {}, { account_key: 'not base64!' }))).toThrow(
      'invalid format',
    );
    expect(() =>
      driver.target(input('shared_key', { endpoint: 'https://acme.blob.core.windows.net/a/b' })),
    ).toThrow('endpoint must be');
  });

  it('should classify storage error codes before statuses, and leave transport errors to the shared classifier', () => {
    expect(classifyAzureError({ statusCode: 403, code: 'AuthenticationFailed' })).toMatchObject({
      code: 'auth_failed',
      message: expect.stringContaining('(AuthenticationFailed)'),
    });
    expect(classifyAzureError({ statusCode: 403, code: 'AuthorizationPermissionMismatch' })).toMatchObject({
      code: 'permission_denied',
    });
    expect(classifyAzureError({ statusCode: 404, code: 'ContainerNotFound' })).toMatchObject({
      code: 'not_found',
    });
    expect(classifyAzureError({ statusCode: 409, code: 'SomethingElse' })).toMatchObject({
      code: 'invalid_config',
    });
    const refused = { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' };
    expect(classifyAzureError(refused)).toBe(refused);
  });
});
