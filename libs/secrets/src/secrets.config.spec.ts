import { randomBytes } from 'node:crypto';
import { ConfigValidationError, describeConfig } from '@app/config';
import { loadSecretsConfig, parseGcpEndpoint } from './secrets.config.js';

describe(loadSecretsConfig.name, () => {
  it('should default to the embedded backend and the prod Infisical environment', () => {
    const config = loadSecretsConfig({});
    expect(config.SECRETS_BACKEND).toBe('embedded');
    expect(config.INFISICAL_ENVIRONMENT).toBe('prod');
    expect(config.INFISICAL_SITE_URL).toBe('https://app.infisical.com');
  });

  it('should bound Infisical calls by INFISICAL_TIMEOUT_MS (default 10 s) and refuse nonsense', () => {
    expect(loadSecretsConfig({}).INFISICAL_TIMEOUT_MS).toBe(10_000);
    expect(loadSecretsConfig({ INFISICAL_TIMEOUT_MS: '2500' }).INFISICAL_TIMEOUT_MS).toBe(2500);
    for (const bad of ['0', '-1', 'soon', '1.5', '9999999'])
      expect(() => loadSecretsConfig({ INFISICAL_TIMEOUT_MS: bad })).toThrow(/INFISICAL_TIMEOUT_MS/);
  });

  it('should reject an unknown backend', () => {
    expect(() => loadSecretsConfig({ SECRETS_BACKEND: 'vault' })).toThrow(/SECRETS_BACKEND/);
  });

  it('should require the Infisical settings only when Infisical is selected, naming each variable', () => {
    expect(() => loadSecretsConfig({ SECRETS_BACKEND: 'infisical', INFISICAL_CLIENT_ID: 'id' })).toThrow(
      ConfigValidationError,
    );
    expect(() => loadSecretsConfig({ SECRETS_BACKEND: 'infisical', INFISICAL_CLIENT_ID: 'id' })).toThrow(
      /INFISICAL_CLIENT_SECRET is required when SECRETS_BACKEND=infisical[\s\S]*INFISICAL_PROJECT_ID is required/,
    );
    const ok = loadSecretsConfig({
      SECRETS_BACKEND: 'infisical',
      INFISICAL_CLIENT_ID: 'id',
      INFISICAL_CLIENT_SECRET: 'shh',
      INFISICAL_PROJECT_ID: 'p',
    });
    expect(ok.INFISICAL_CLIENT_SECRET).toBe('shh');
  });

  it('should require GCP_PROJECT_ID for the gcp backend and validate the endpoint', () => {
    expect(() => loadSecretsConfig({ SECRETS_BACKEND: 'gcp' })).toThrow(/GCP_PROJECT_ID is required/);
    expect(() =>
      loadSecretsConfig({
        SECRETS_BACKEND: 'gcp',
        GCP_PROJECT_ID: 'p',
        GCP_SECRET_MANAGER_ENDPOINT: 'ftp://x',
      }),
    ).toThrow(/GCP_SECRET_MANAGER_ENDPOINT/);
    expect(loadSecretsConfig({ SECRETS_BACKEND: 'gcp', GCP_PROJECT_ID: 'p' }).GCP_PROJECT_ID).toBe('p');
  });

  it('should require the master key in production only for the embedded backend', () => {
    expect(() => loadSecretsConfig({ NODE_ENV: 'production' })).toThrow(/SECRETS_MASTER_KEY is required/);
    const key = randomBytes(32).toString('base64');
    expect(loadSecretsConfig({ NODE_ENV: 'production', SECRETS_MASTER_KEY: key }).SECRETS_MASTER_KEY).toBe(
      key,
    );
    // Infisical in production needs its own secret, not the master key.
    expect(() =>
      loadSecretsConfig({
        NODE_ENV: 'production',
        SECRETS_BACKEND: 'infisical',
        INFISICAL_CLIENT_ID: 'i',
        INFISICAL_CLIENT_SECRET: 's',
        INFISICAL_PROJECT_ID: 'p',
      }),
    ).not.toThrow();
    expect(() =>
      loadSecretsConfig({ NODE_ENV: 'production', SECRETS_BACKEND: 'gcp', GCP_PROJECT_ID: 'p' }),
    ).not.toThrow();
  });

  it('should reject a malformed master key without printing it', () => {
    const bad = randomBytes(20).toString('base64');
    let message = '';
    try {
      loadSecretsConfig({ SECRETS_MASTER_KEY: bad });
    } catch (err) {
      message = String(err);
    }
    expect(message).toMatch(/SECRETS_MASTER_KEY must be the base64 encoding of exactly 32 bytes/);
    expect(message).not.toContain(bad);
  });

  it('should mask secrets when the config is described', () => {
    const key = randomBytes(32).toString('base64');
    const config = loadSecretsConfig({
      SECRETS_MASTER_KEY: key,
      INFISICAL_CLIENT_SECRET: 'client-secret-value',
    });
    const printed = JSON.stringify(describeConfig(config));
    expect(printed).not.toContain(key);
    expect(printed).not.toContain('client-secret-value');
  });
});

describe(parseGcpEndpoint.name, () => {
  it('should parse URLs and bare hosts', () => {
    expect(parseGcpEndpoint('http://127.0.0.1:8085')).toEqual({
      apiEndpoint: '127.0.0.1',
      port: 8085,
      protocol: 'http',
    });
    expect(parseGcpEndpoint('secretmanager.googleapis.com')).toEqual({
      apiEndpoint: 'secretmanager.googleapis.com',
      port: 443,
      protocol: 'https',
    });
    expect(() => parseGcpEndpoint('http://host/path')).toThrow();
  });
});
