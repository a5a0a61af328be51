import { GcsDriver } from './gcs.driver.js';

const input = (config: Record<string, unknown> = {}) => ({
  type: 'gcs' as const,
  auth_type: 'service_account',
  config: { auth_type: 'service_account', bucket: 'acme-exports', ...config },
  credentials: {
    service_account_json: {
      type: 'service_account',
      project_id: 'verify-project',
      private_key: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n',
      client_email: 'svc@verify-project.iam.gserviceaccount.com',
    },
  },
});

describe(GcsDriver.name, () => {
  const driver = new GcsDriver();

  it('should target storage.googleapis.com, or a custom endpoint', () => {
    expect(driver.target(input())).toEqual({ host: 'storage.googleapis.com', port: 443 });
    expect(driver.target(input({ endpoint: 'https://storage.private.example:8443' }))).toEqual({
      host: 'storage.private.example',
      port: 8443,
    });
    expect(driver.target(input({ endpoint: 'http://localhost:4443' }))).toEqual({
      host: 'localhost',
      port: 4443,
    });
  });

  it('should refuse plain http off this machine, bad names and foreign fields', () => {
    expect(() => driver.target(input({ endpoint: 'http://storage.example.com' }))).toThrow('must use https');
    expect(() => driver.target(input({ bucket: 'google-things' }))).toThrow('invalid format');
    expect(() => driver.target(input({ prefix: '../up' }))).toThrow('invalid format');
    expect(() => driver.target(input({ apiEndpoint: 'https://evil.example' }))).toThrow('not supported');
    expect(() => driver.target({ ...input(), auth_type: 'access_key' })).toThrow(
      'auth_type must be service_account',
    );
  });
});
