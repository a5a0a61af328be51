import { mkdtempSync, rmSync } from 'node:fs';
import { createPublicKey, type JsonWebKey, verify } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAuthConfig } from '../auth.config.js';
import { decodeUnverified } from '../jws.js';
import { loadOrCreateDevKeyPair } from '../keys/dev-key-store.js';
import { DevTokenIssuer } from './dev-token.issuer.js';

describe(DevTokenIssuer.name, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dev-issuer-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should issue an RS256 realm token signed with the dev key', () => {
    const issuer = DevTokenIssuer.fromConfig(
      loadAuthConfig({ AUTH_DATA_DIR: dir, AUTH_DEV_ISSUER_BASE: 'http://idp.test/dev/' }),
    );
    const before = Math.floor(Date.now() / 1000);
    const token = issuer.issue({
      sub: 'alice',
      org: 'acme',
      ttlSeconds: 120,
      audience: 'gov',
      extraClaims: { actor_type: 'service', sub: 'mallory' },
    });
    const { header, claims } = decodeUnverified(token)!;
    expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(claims).toMatchObject({
      iss: 'http://idp.test/dev/realms/acme',
      sub: 'alice',
      aud: 'gov',
      actor_type: 'service',
    });
    expect((claims.exp as number) - (claims.iat as number)).toBe(120);
    expect(claims.iat as number).toBeGreaterThanOrEqual(before);
    const [h, p, sig] = token.split('.');
    const jwk = loadOrCreateDevKeyPair(dir).jwk as unknown as JsonWebKey;
    expect(header.kid).toBe(loadOrCreateDevKeyPair(dir).kid);
    expect(
      verify(
        'sha256',
        Buffer.from(`${h}.${p}`),
        createPublicKey({ key: jwk, format: 'jwk' }),
        Buffer.from(sig, 'base64url'),
      ),
    ).toBe(true);
  });

  it('should refuse bad input', () => {
    const issuer = DevTokenIssuer.fromConfig(loadAuthConfig({ AUTH_DATA_DIR: dir }));
    expect(() => issuer.issue({ sub: '', org: 'acme' })).toThrow(/sub/);
    expect(() => issuer.issue({ sub: 'a', org: 'Acme' })).toThrow(/org/);
    expect(() => issuer.issue({ sub: 'a', org: 'acme', ttlSeconds: 0 })).toThrow(/ttlSeconds/);
  });

  it('should refuse outside dev mode', () => {
    expect(() =>
      DevTokenIssuer.fromConfig(
        loadAuthConfig({ AUTH_DATA_DIR: dir, AUTH_KEYCLOAK_URL: 'https://id.example.com' }),
      ),
    ).toThrow(/disabled/);
    const production = loadAuthConfig({
      NODE_ENV: 'production',
      AUTH_KEYCLOAK_URL: 'https://id.example.com',
      AUTH_AUDIENCE: 'api',
    });
    expect(() => DevTokenIssuer.fromConfig(production)).toThrow(/disabled/);
  });
});
