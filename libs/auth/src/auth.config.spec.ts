import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigValidationError } from '@app/config';
import { loadAuthConfig, resolveAuthSettings } from './auth.config.js';

describe(resolveAuthSettings.name, () => {
  const settingsOf = (env: Record<string, string>) => resolveAuthSettings(loadAuthConfig(env));

  it('should enable embedded dev mode when no issuer source is configured outside production', () => {
    const s = settingsOf({});
    expect(s).toMatchObject({
      devMode: true,
      audience: 'assets-platform',
      devIssuerBase: 'http://localhost:8001/governance/dev-idp',
      dataDir: './.data/auth',
      clockToleranceS: 5,
    });
  });

  it.each([
    ['AUTH_ISSUERS', 'https://id.example.com/realms/acme'],
    ['AUTH_KEYCLOAK_URL', 'https://id.example.com'],
  ])('should leave dev mode when %s is set', (name, value) => {
    expect(settingsOf({ [name]: value }).devMode).toBe(false);
  });

  it('should refuse production without an issuer source or audience, naming the variables', () => {
    expect(() => loadAuthConfig({ NODE_ENV: 'production' })).toThrow(ConfigValidationError);
    expect(() => loadAuthConfig({ NODE_ENV: 'production' })).toThrow(
      /AUTH_ISSUERS or AUTH_KEYCLOAK_URL is required[\s\S]*AUTH_AUDIENCE is required/,
    );
    expect(() =>
      loadAuthConfig({ NODE_ENV: 'production', AUTH_KEYCLOAK_URL: 'https://id.example.com' }),
    ).toThrow(/AUTH_AUDIENCE/);
  });

  it('should never enable dev mode in production', () => {
    const s = settingsOf({
      NODE_ENV: 'production',
      AUTH_KEYCLOAK_URL: 'https://id.example.com/',
      AUTH_AUDIENCE: 'api',
    });
    expect(s).toMatchObject({
      devMode: false,
      devIssuerBase: null,
      keycloakBase: 'https://id.example.com',
      audience: 'api',
    });
  });

  it('should derive Keycloak JWKS for realm issuers and require a key source for other issuers', () => {
    expect(settingsOf({ AUTH_ISSUERS: 'https://id.example.com/realms/acme' }).explicitKeySource).toEqual({
      kind: 'keycloak-derived',
    });
    expect(() =>
      settingsOf({
        AUTH_ISSUERS: 'https://issuer.example.com',
        AUTH_MULTI_TENANT_ISSUERS: 'https://issuer.example.com',
      }),
    ).toThrow(/AUTH_JWKS_URL or AUTH_PUBLIC_KEY_FILE is required/);
    expect(
      settingsOf({
        AUTH_ISSUERS: 'https://issuer.example.com',
        AUTH_MULTI_TENANT_ISSUERS: 'https://issuer.example.com',
        AUTH_JWKS_URL: 'https://issuer.example.com/jwks',
      }).explicitKeySource,
    ).toEqual({
      kind: 'jwks',
      uri: 'https://issuer.example.com/jwks',
    });
  });

  it('should reject key sources without issuers, both key sources at once, and non-http URLs', () => {
    expect(() => settingsOf({ AUTH_JWKS_URL: 'https://x.example.com/jwks' })).toThrow(
      /apply to AUTH_ISSUERS/,
    );
    expect(() =>
      settingsOf({
        AUTH_ISSUERS: 'https://a.example.com',
        AUTH_JWKS_URL: 'https://a.example.com/j',
        AUTH_PUBLIC_KEY_FILE: '/x.pem',
      }),
    ).toThrow(/mutually exclusive/);
    expect(() => settingsOf({ AUTH_KEYCLOAK_URL: 'file:///etc' })).toThrow(
      /AUTH_KEYCLOAK_URL must contain http\(s\) URLs/,
    );
  });

  describe('org binding of AUTH_ISSUERS', () => {
    it.each([
      ['https://kc.example.com/realms/acme', 'acme'],
      ['https://KC.example.com/realms/acme/', 'acme'],
      ['https://kc.example.com/auth/realms/acme', 'acme'],
      ['https://kc.example.com/realms/%61cme', 'acme'],
      ['https://kc.example.com/realms%2Facme', 'acme'],
      ['https://kc.example.com/Realms/acme', 'acme'],
      ['https://kc.example.com/realms/master', 'master'],
    ])('should bind %s to org %s', (issuer, org) => {
      expect(settingsOf({ AUTH_ISSUERS: issuer }).explicitIssuers).toEqual([{ issuer, org }]);
    });

    it('should mark only declared non-realm issuers as multi-tenant', () => {
      const s = settingsOf({
        AUTH_ISSUERS: 'https://idp.example.com, https://kc.example.com/realms/acme',
        AUTH_MULTI_TENANT_ISSUERS: 'https://idp.example.com',
        AUTH_JWKS_URL: 'https://idp.example.com/jwks',
      });
      expect(s.explicitIssuers).toEqual([
        { issuer: 'https://idp.example.com', org: null },
        { issuer: 'https://kc.example.com/realms/acme', org: 'acme' },
      ]);
    });

    it.each([
      [
        'a non-realm issuer that is not declared multi-tenant',
        { AUTH_ISSUERS: 'https://idp.example.com/acme' },
        /must also be listed in AUTH_MULTI_TENANT_ISSUERS/,
      ],
      [
        'a realm declared multi-tenant',
        {
          AUTH_ISSUERS: 'https://kc.example.com/realms/acme',
          AUTH_MULTI_TENANT_ISSUERS: 'https://kc.example.com/realms/acme',
        },
        /must not name a realm issuer/,
      ],
      [
        'a percent-encoded realm declared multi-tenant',
        {
          AUTH_ISSUERS: 'https://kc.example.com/realms/%61cme/',
          AUTH_MULTI_TENANT_ISSUERS: 'https://kc.example.com/realms/%61cme/',
        },
        /must not name a realm issuer/,
      ],
      [
        'a multi-tenant issuer not in AUTH_ISSUERS',
        {
          AUTH_ISSUERS: 'https://kc.example.com/realms/acme',
          AUTH_MULTI_TENANT_ISSUERS: 'https://idp.example.com',
        },
        /may only name issuers listed in AUTH_ISSUERS/,
      ],
      [
        'a realm that is not an org slug',
        { AUTH_ISSUERS: 'https://kc.example.com/realms/Acme' },
        /not an org slug/,
      ],
      [
        'a realm followed by more path',
        { AUTH_ISSUERS: 'https://kc.example.com/realms/acme/protocol' },
        /not <base>\/realms\/<realm>/,
      ],
      [
        'a bare realms segment',
        {
          AUTH_ISSUERS: 'https://kc.example.com/realms',
          AUTH_MULTI_TENANT_ISSUERS: 'https://kc.example.com/realms',
        },
        /not <base>\/realms\/<realm>/,
      ],
      ['an issuer with a query', { AUTH_ISSUERS: 'https://kc.example.com/realms/acme?x=1' }, /query/],
      [
        'malformed percent-encoding',
        { AUTH_ISSUERS: 'https://kc.example.com/realms/%E0%A4%A' },
        /not a well-formed URL/,
      ],
    ])('should refuse %s at boot, naming variables only', (_name, env, message) => {
      expect(() => settingsOf(env)).toThrow(message);
      try {
        settingsOf(env);
      } catch (error) {
        expect(String(error)).not.toContain('example.com');
      }
    });
  });

  describe('AUTH_PUBLIC_KEY_FILE', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'auth-cfg-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('should load an RSA or P-256 public key and refuse others', () => {
      const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({
        type: 'spki',
        format: 'pem',
      });
      const ed = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' });
      writeFileSync(join(dir, 'rsa.pem'), rsa);
      writeFileSync(join(dir, 'ed.pem'), ed);
      const env = (file: string) => ({
        AUTH_ISSUERS: 'https://a.example.com/realms/acme',
        AUTH_PUBLIC_KEY_FILE: join(dir, file),
      });
      expect(settingsOf(env('rsa.pem')).explicitKeySource).toMatchObject({ kind: 'public-key' });
      expect(() => settingsOf(env('ed.pem'))).toThrow(/RSA or P-256/);
      expect(() => settingsOf(env('missing.pem'))).toThrow(/readable PEM public key/);
    });
  });
});
