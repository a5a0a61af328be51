import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import passport from 'passport';
import { loadConfig } from '@app/config';
import { DependencyUnavailableError, type Principal } from '@app/core';
import { AuthConfig, resolveAuthSettings } from './auth.config.js';
import { JwksClientPool, type JwksPoolOptions } from './jwks-client-pool.js';
import { createJwtStrategy, type JwtStrategy } from './jwt.strategy.js';
import { loadOrCreateDevKeyPair } from './keys/dev-key-store.js';
import { SigningKeyResolver } from './signing-key.resolver.js';
import { TokenRejectedError } from './token-rejected.error.js';
import { TrustedIssuers } from './trusted-issuers.js';
import {
  createTestKeyPair,
  jwksOf,
  signTestJwt,
  startFakeJwksServer,
  type FakeJwksServer,
} from './testing/index.js';

type Outcome = { principal?: Principal; rejected?: unknown; error?: unknown };

let seq = 0;
const strategies: JwtStrategy[] = [];

function strategyFor(env: Record<string, string>, jwks: Partial<JwksPoolOptions> = {}) {
  const settings = resolveAuthSettings(loadConfig('auth', AuthConfig, env));
  const devKey = settings.devMode ? loadOrCreateDevKeyPair(settings.dataDir) : null;
  const issuers = new TrustedIssuers(settings, devKey);
  const pool = new JwksClientPool(jwks);
  const strategy = createJwtStrategy(
    `spec-jwt-${++seq}`,
    settings,
    issuers,
    new SigningKeyResolver(issuers, pool),
  );
  strategies.push(strategy);
  return { strategy, pool, devKey };
}

/** Runs the real passport-jwt flow with passport's success/fail/error actions captured. */
function authenticate(strategy: JwtStrategy, token: string | null): Promise<Outcome> {
  return new Promise((resolve) => {
    const run = Object.create(strategy) as JwtStrategy & Record<string, (x: unknown) => void>;
    run.success = (user) => resolve({ principal: user as Principal });
    run.fail = (info) => resolve({ rejected: info ?? 'failed' });
    run.error = (err) => resolve({ rejected: err });
    run.authenticate({ headers: token ? { authorization: `Bearer ${token}` } : {} }, {});
  }).then((o) => {
    const outcome = o as Outcome;
    // Outages surface as DependencyUnavailableError, token problems as anything else.
    if (outcome.rejected instanceof DependencyUnavailableError) return { error: outcome.rejected };
    return outcome;
  });
}

describe(createJwtStrategy.name, () => {
  let server: FakeJwksServer;
  const rsa = createTestKeyPair('RS256', 'rsa-1');
  const ec = createTestKeyPair('ES256', 'ec-1');
  const other = createTestKeyPair('RS256', 'rsa-1'); // same kid, different key
  const issuer = () => `${server.url}/issuer`;
  const explicitEnv = () => ({
    AUTH_ISSUERS: issuer(),
    AUTH_MULTI_TENANT_ISSUERS: issuer(),
    AUTH_JWKS_URL: `${server.url}/jwks`,
    AUTH_AUDIENCE: 'api',
  });
  const claims = (extra: Record<string, unknown> = {}) => ({
    iss: issuer(),
    sub: 'alice',
    aud: 'api',
    org_id: 'acme',
    ...extra,
  });

  beforeAll(async () => {
    server = await startFakeJwksServer();
    server.setJwks('/jwks', jwksOf(rsa, ec));
  });
  afterAll(async () => {
    strategies.forEach((s) => s.onModuleDestroy());
    await server.close();
  });
  beforeEach(() => {
    server.requests.length = 0;
  });

  it('should register under its own passport name and unregister on destroy', () => {
    const { strategy } = strategyFor(explicitEnv());
    const registered = (name: string) =>
      (passport as unknown as { _strategy(n: string): unknown })._strategy(name);
    expect(strategy.name).toMatch(/^spec-jwt-\d+$/);
    expect(registered(strategy.name)).toBe(strategy);
    strategy.onModuleDestroy();
    expect(registered(strategy.name)).toBeUndefined();
  });

  it('should accept a valid RS256 token and build the principal', async () => {
    const { strategy } = strategyFor(explicitEnv());
    const token = signTestJwt({ key: rsa.privateKey, header: { kid: rsa.kid }, claims: claims() });
    const outcome = await authenticate(strategy, token);
    expect(outcome.principal).toEqual({
      userId: 'alice',
      orgId: 'acme',
      actorType: 'user',
      issuer: issuer(),
      token,
    });
    expect(server.requests).toEqual(['/jwks']);
  });

  it('should accept a valid ES256 token', async () => {
    const { strategy } = strategyFor(explicitEnv());
    const token = signTestJwt({
      alg: 'ES256',
      key: ec.privateKey,
      header: { kid: ec.kid },
      claims: claims(),
    });
    await expect(authenticate(strategy, token)).resolves.toMatchObject({
      principal: { userId: 'alice', orgId: 'acme' },
    });
  });

  it('should cache keys so a second token does not fetch again', async () => {
    const { strategy } = strategyFor(explicitEnv());
    for (let i = 0; i < 3; i++) {
      const token = signTestJwt({ key: rsa.privateKey, header: { kid: rsa.kid }, claims: claims() });
      await expect(authenticate(strategy, token)).resolves.toHaveProperty('principal');
    }
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    ['alg none', () => signTestJwt({ alg: 'none', header: { kid: rsa.kid }, claims: claims() })],
    [
      'HS256 signed with the RSA public key PEM (key confusion)',
      () => signTestJwt({ alg: 'HS256', key: rsa.publicPem, header: { kid: rsa.kid }, claims: claims() }),
    ],
    ['HS256 with a shared secret', () => signTestJwt({ alg: 'HS256', key: 'secret', claims: claims() })],
    [
      'RS384',
      () => signTestJwt({ alg: 'RS384', key: rsa.privateKey, header: { kid: rsa.kid }, claims: claims() }),
    ],
  ])('should reject %s without fetching keys', async (_name, make) => {
    const { strategy } = strategyFor(explicitEnv());
    const outcome = await authenticate(strategy, make());
    expect(outcome.rejected).toBeInstanceOf(TokenRejectedError);
    expect(outcome.principal).toBeUndefined();
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    [
      'expired',
      /TokenExpiredError/,
      () => signTestJwt({ key: rsa.privateKey, header: { kid: rsa.kid }, claims: claims(), ttlSeconds: -60 }),
    ],
    [
      'not yet valid',
      /NotBeforeError/,
      () =>
        signTestJwt({
          key: rsa.privateKey,
          header: { kid: rsa.kid },
          claims: claims({ nbf: Math.floor(Date.now() / 1000) + 600 }),
        }),
    ],
    [
      'for another audience',
      /audience invalid/,
      () =>
        signTestJwt({ key: rsa.privateKey, header: { kid: rsa.kid }, claims: claims({ aud: 'other-api' }) }),
    ],
    [
      'signed by another key',
      /invalid signature/,
      () => signTestJwt({ key: other.privateKey, header: { kid: rsa.kid }, claims: claims() }),
    ],
    [
      'with an RS256 header over an EC key',
      /"alg" parameter for "ec" key type must be one of: ES256/,
      () => signTestJwt({ alg: 'RS256', key: rsa.privateKey, header: { kid: ec.kid }, claims: claims() }),
    ],
    [
      'without sub',
      /missing sub/,
      () =>
        signTestJwt({ key: rsa.privateKey, header: { kid: rsa.kid }, claims: claims({ sub: undefined }) }),
    ],
    [
      'without exp',
      /missing exp/,
      () =>
        signTestJwt({ key: rsa.privateKey, header: { kid: rsa.kid }, claims: claims({ exp: undefined }) }),
    ],
    [
      'with an org that is not a slug',
      /invalid org/,
      () =>
        signTestJwt({
          key: rsa.privateKey,
          header: { kid: rsa.kid },
          claims: claims({ org_id: 'Acme Corp' }),
        }),
    ],
    [
      'with an unknown kid',
      /no signing key \(SigningKeyNotFoundError\)/,
      () => signTestJwt({ key: rsa.privateKey, header: { kid: 'nope' }, claims: claims() }),
    ],
  ])('should reject a token %s', async (_name, reason, make) => {
    const { strategy } = strategyFor(explicitEnv());
    const outcome = await authenticate(strategy, make());
    expect(outcome.principal).toBeUndefined();
    const err = outcome.rejected as Error;
    expect(`${err.name}: ${err.message}`).toMatch(reason);
  });

  it('should accept a token within the clock tolerance after exp', async () => {
    const { strategy } = strategyFor({ ...explicitEnv(), AUTH_CLOCK_TOLERANCE_S: '30' });
    const token = signTestJwt({
      key: rsa.privateKey,
      header: { kid: rsa.kid },
      claims: claims(),
      ttlSeconds: -10,
    });
    await expect(authenticate(strategy, token)).resolves.toHaveProperty('principal');
  });

  it('should reject a missing or malformed bearer token', async () => {
    const { strategy } = strategyFor(explicitEnv());
    await expect(authenticate(strategy, null)).resolves.toHaveProperty('rejected');
    await expect(authenticate(strategy, 'not-a-jwt')).resolves.toHaveProperty('rejected');
    expect(server.requests).toHaveLength(0);
  });

  it('should reject an untrusted issuer with zero JWKS fetches', async () => {
    const { strategy } = strategyFor({ ...explicitEnv(), AUTH_KEYCLOAK_URL: `${server.url}/kc` });
    server.setJwks('/evil/protocol/openid-connect/certs', jwksOf(rsa));
    const untrusted = [
      `${server.url}/evil`,
      `${server.url}/kc/realms/acme/../../evil`,
      `${server.url}/kc/realms/Acme`,
      `${issuer()}/`,
    ];
    for (const iss of untrusted) {
      const token = signTestJwt({ key: rsa.privateKey, header: { kid: rsa.kid }, claims: claims({ iss }) });
      const outcome = await authenticate(strategy, token);
      expect(outcome.rejected).toBeInstanceOf(TokenRejectedError);
      expect((outcome.rejected as TokenRejectedError).reason).toBe('untrusted issuer');
    }
    expect(server.requests).toHaveLength(0);
  });

  it('should fetch a Keycloak realm issuer’s keys from <iss>/protocol/openid-connect/certs', async () => {
    const { strategy } = strategyFor({ AUTH_KEYCLOAK_URL: `${server.url}/kc/`, AUTH_AUDIENCE: 'api' });
    server.setJwks('/kc/realms/globex/protocol/openid-connect/certs', jwksOf(rsa));
    const iss = `${server.url}/kc/realms/globex`;
    const token = signTestJwt({
      key: rsa.privateKey,
      header: { kid: rsa.kid },
      claims: { iss, sub: 'bob', aud: 'api' },
    });
    const outcome = await authenticate(strategy, token);
    expect(outcome.principal).toMatchObject({ userId: 'bob', orgId: 'globex', issuer: iss });
    expect(server.requests).toEqual(['/kc/realms/globex/protocol/openid-connect/certs']);
  });

  it('should reject a realm token whose org_id names another org', async () => {
    const { strategy } = strategyFor({ AUTH_KEYCLOAK_URL: `${server.url}/kc`, AUTH_AUDIENCE: 'api' });
    server.setJwks('/kc/realms/globex/protocol/openid-connect/certs', jwksOf(rsa));
    const token = signTestJwt({
      key: rsa.privateKey,
      header: { kid: rsa.kid },
      claims: { iss: `${server.url}/kc/realms/globex`, sub: 'bob', aud: 'api', org_id: 'acme' },
    });
    const outcome = await authenticate(strategy, token);
    expect((outcome.rejected as TokenRejectedError).reason).toBe('org_id does not match realm');
  });

  describe('org binding of AUTH_ISSUERS', () => {
    const sign = (iss: string, extra: Record<string, unknown> = {}) =>
      signTestJwt({
        key: rsa.privateKey,
        header: { kid: rsa.kid },
        claims: { iss, sub: 'carol', aud: 'api', ...extra },
      });
    const reasonOf = (o: Outcome) => (o.rejected as TokenRejectedError | undefined)?.reason;

    // Every spelling of a realm issuer an operator might list: each is bound to `acme`.
    it.each([
      ['plain', '/realms/acme'],
      ['with a trailing slash', '/realms/acme/'],
      ['with doubled slashes', '//realms//acme//'],
      ['under the old /auth prefix', '/auth/realms/acme'],
      ['with a percent-encoded realm', '/realms/%61cme'],
      ['with an encoded slash', '/realms%2Facme'],
      ['with REALMS in upper case', '/REALMS/acme'],
    ])('should bind a realm issuer %s to its org and refuse another org_id', async (_name, path) => {
      const iss = `${server.url.replace('127.0.0.1', 'LOCALHOST')}${path}`;
      const { strategy } = strategyFor({
        AUTH_ISSUERS: iss,
        AUTH_JWKS_URL: `${server.url}/jwks`,
        AUTH_AUDIENCE: 'api',
      });
      await expect(authenticate(strategy, sign(iss))).resolves.toMatchObject({
        principal: { orgId: 'acme' },
      });
      await expect(authenticate(strategy, sign(iss, { org_id: 'acme' }))).resolves.toMatchObject({
        principal: { orgId: 'acme' },
      });
      for (const org_id of ['globex', 'ACME', 'Acme', 'acme ', '', 'acme/', 'master']) {
        const outcome = await authenticate(strategy, sign(iss, { org_id }));
        expect(outcome.principal).toBeUndefined();
        expect(reasonOf(outcome)).toBe('org_id does not match realm');
      }
      expect(reasonOf(await authenticate(strategy, sign(iss, { org_id: ['globex'] })))).toBe(
        'malformed org_id',
      );
    });

    it('should bind realm issuers listed next to AUTH_KEYCLOAK_URL too, and the Keycloak-derived JWKS with them', async () => {
      const iss = `${server.url}/kc/realms/acme`;
      server.setJwks('/kc/realms/acme/protocol/openid-connect/certs', jwksOf(rsa));
      const { strategy } = strategyFor({
        AUTH_ISSUERS: iss,
        AUTH_KEYCLOAK_URL: `${server.url}/kc`,
        AUTH_AUDIENCE: 'api',
      });
      expect(reasonOf(await authenticate(strategy, sign(iss, { org_id: 'globex' })))).toBe(
        'org_id does not match realm',
      );
      await expect(authenticate(strategy, sign(iss))).resolves.toMatchObject({
        principal: { orgId: 'acme' },
      });
    });

    it('should let only a declared multi-tenant issuer choose the org, and require the claim there', async () => {
      const realm = `${server.url}/realms/initech`;
      const { strategy } = strategyFor({
        AUTH_ISSUERS: `${issuer()},${realm}`,
        AUTH_MULTI_TENANT_ISSUERS: issuer(),
        AUTH_JWKS_URL: `${server.url}/jwks`,
        AUTH_AUDIENCE: 'api',
      });
      await expect(authenticate(strategy, sign(issuer(), { org_id: 'globex' }))).resolves.toMatchObject({
        principal: { orgId: 'globex' },
      });
      expect(reasonOf(await authenticate(strategy, sign(issuer())))).toBe('missing org_id');
      expect(reasonOf(await authenticate(strategy, sign(realm, { org_id: 'globex' })))).toBe(
        'org_id does not match realm',
      );
      await expect(authenticate(strategy, sign(realm))).resolves.toMatchObject({
        principal: { orgId: 'initech' },
      });
    });

    it('should bind dev identity provider realms and trust no other dev issuer shape', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'auth-dev-bind-'));
      try {
        const { strategy, devKey } = strategyFor({
          AUTH_DATA_DIR: dir,
          AUTH_DEV_ISSUER_BASE: 'http://dev.test/idp',
        });
        const dev = (iss: string, extra: Record<string, unknown> = {}) =>
          signTestJwt({
            key: devKey!.privateKey,
            header: { kid: devKey!.kid },
            claims: { iss, sub: 'carol', aud: 'assets-platform', ...extra },
          });
        expect(
          reasonOf(
            await authenticate(strategy, dev('http://dev.test/idp/realms/acme', { org_id: 'globex' })),
          ),
        ).toBe('org_id does not match realm');
        for (const iss of [
          'http://dev.test/idp/globex',
          'http://dev.test/idp/realms/acme/',
          'http://dev.test/idp/realms/%61cme',
        ])
          expect(reasonOf(await authenticate(strategy, dev(iss, { org_id: 'acme' })))).toBe(
            'untrusted issuer',
          );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  it('should mark service accounts', async () => {
    const { strategy } = strategyFor(explicitEnv());
    const sign = (extra: Record<string, unknown>) =>
      signTestJwt({ key: rsa.privateKey, header: { kid: rsa.kid }, claims: claims(extra) });
    await expect(authenticate(strategy, sign({ sub: 'service-account-etl' }))).resolves.toMatchObject({
      principal: { actorType: 'service' },
    });
    await expect(authenticate(strategy, sign({ actor_type: 'service' }))).resolves.toMatchObject({
      principal: { actorType: 'service' },
    });
    await expect(authenticate(strategy, sign({}))).resolves.toMatchObject({
      principal: { actorType: 'user' },
    });
  });

  it('should bound JWKS fetches caused by 50 tokens with random unknown kids, without queueing them', async () => {
    const { strategy } = strategyFor(explicitEnv());
    const valid = () => signTestJwt({ key: rsa.privateKey, header: { kid: rsa.kid }, claims: claims() });
    await expect(authenticate(strategy, valid())).resolves.toHaveProperty('principal');
    const tokens = Array.from({ length: 50 }, () =>
      signTestJwt({ key: rsa.privateKey, header: { kid: randomBytes(8).toString('hex') }, claims: claims() }),
    );
    const started = performance.now();
    const outcomes = await Promise.all(tokens.map((t) => authenticate(strategy, t)));
    const elapsedMs = performance.now() - started;
    expect(outcomes.filter((o) => o.principal)).toHaveLength(0);
    // 10 per issuer per minute, one of which the valid token used.
    expect(server.requests).toHaveLength(10);
    expect(elapsedMs).toBeLessThan(2_000);
    // The known key is cached, so legitimate tokens still pass during the flood.
    await expect(authenticate(strategy, valid())).resolves.toHaveProperty('principal');
    expect(server.requests).toHaveLength(10);
  });

  it('should bound fetches across many Keycloak realms and keep at most maxRealmClients clients', async () => {
    const { strategy, pool } = strategyFor(
      { AUTH_KEYCLOAK_URL: `${server.url}/kc`, AUTH_AUDIENCE: 'api' },
      { maxRealmClients: 5, globalRequestsPerMinute: 8 },
    );
    const tokens = Array.from({ length: 20 }, (_, i) =>
      signTestJwt({
        key: rsa.privateKey,
        header: { kid: rsa.kid },
        claims: { iss: `${server.url}/kc/realms/org-${i}`, sub: 'x', aud: 'api' },
      }),
    );
    for (const token of tokens)
      await expect(authenticate(strategy, token)).resolves.toHaveProperty('rejected');
    expect(server.requests.length).toBe(8);
    expect(pool.realmClientCount).toBe(5);
  });

  it('should report an unreachable JWKS endpoint as a dependency outage, not a token error', async () => {
    const { strategy } = strategyFor(
      {
        AUTH_ISSUERS: issuer(),
        AUTH_MULTI_TENANT_ISSUERS: issuer(),
        AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks',
        AUTH_AUDIENCE: 'api',
      },
      { timeoutMs: 1000 },
    );
    const token = signTestJwt({ key: rsa.privateKey, header: { kid: rsa.kid }, claims: claims() });
    const outcome = await authenticate(strategy, token);
    expect(outcome.error).toBeInstanceOf(DependencyUnavailableError);
  });

  describe('with AUTH_PUBLIC_KEY_FILE', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'auth-pem-'));
      writeFileSync(join(dir, 'pub.pem'), ec.publicPem);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('should verify against the PEM key without fetching', async () => {
      const { strategy } = strategyFor({
        AUTH_ISSUERS: issuer(),
        AUTH_MULTI_TENANT_ISSUERS: issuer(),
        AUTH_PUBLIC_KEY_FILE: join(dir, 'pub.pem'),
        AUTH_AUDIENCE: 'api',
      });
      const good = signTestJwt({ alg: 'ES256', key: ec.privateKey, claims: claims() });
      const bad = signTestJwt({ alg: 'ES256', key: createTestKeyPair('ES256').privateKey, claims: claims() });
      await expect(authenticate(strategy, good)).resolves.toHaveProperty('principal');
      await expect(authenticate(strategy, bad)).resolves.toHaveProperty('rejected');
      expect(server.requests).toHaveLength(0);
    });
  });

  describe('in embedded dev mode', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'auth-dev-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('should trust <dev base>/realms/<org> with the local key and reject other keys and kids', async () => {
      const { strategy, devKey } = strategyFor({
        AUTH_DATA_DIR: dir,
        AUTH_DEV_ISSUER_BASE: 'http://dev.test/idp',
      });
      const iss = 'http://dev.test/idp/realms/acme';
      const base = { iss, sub: 'alice', aud: 'assets-platform' };
      const good = signTestJwt({ key: devKey!.privateKey, header: { kid: devKey!.kid }, claims: base });
      await expect(authenticate(strategy, good)).resolves.toMatchObject({
        principal: { orgId: 'acme', issuer: iss },
      });
      const wrongKey = signTestJwt({ key: rsa.privateKey, header: { kid: devKey!.kid }, claims: base });
      await expect(authenticate(strategy, wrongKey)).resolves.toHaveProperty('rejected');
      const wrongKid = signTestJwt({ key: devKey!.privateKey, header: { kid: 'other' }, claims: base });
      await expect(authenticate(strategy, wrongKid)).resolves.toHaveProperty('rejected');
      const wrongIss = signTestJwt({
        key: devKey!.privateKey,
        claims: { ...base, iss: 'http://localhost:8001/governance/dev-idp/realms/acme' },
      });
      await expect(authenticate(strategy, wrongIss)).resolves.toHaveProperty('rejected');
    });
  });
});
