import request from 'supertest';
import {
  createTestKeyPair,
  jwksOf,
  signTestJwt,
  startFakeJwksServer,
  type FakeJwksServer,
  type TestKeyPair,
} from '@app/auth/testing';
import { startGovernanceHarness, type GovernanceHarness } from '../support/governance-harness.js';

const CERTS = '/protocol/openid-connect/certs';

interface RunningGovernance {
  http: ReturnType<GovernanceHarness['app']['getHttpServer']>;
  h: GovernanceHarness;
  close(): Promise<void>;
}

/** Governance with AUTH_ISSUERS = the given issuers (keys derived from each realm, as Keycloak serves them). */
async function startGovernanceTrusting(issuers: string[]): Promise<RunningGovernance> {
  const h = await startGovernanceHarness({
    env: { AUTH_ISSUERS: issuers.join(','), AUTH_AUDIENCE: 'api', AUTH_PLATFORM_REALM: 'master' },
  });
  return { http: h.app.getHttpServer(), h, close: () => h.close() };
}

/** Globex (owned by mallory) with a project `globex-data` holding the secret `warehouse`, created by `globexOwner`. */
async function seedGlobex(gov: RunningGovernance, globexOwner: string): Promise<void> {
  await gov.h.createOrg('globex', 'mallory');
  await request(gov.http)
    .post('/governance/projects')
    .set('authorization', globexOwner)
    .send({ id: 'globex-data', name: 'Globex' })
    .expect(201);
  await request(gov.http)
    .post('/governance/resources/projects/secrets')
    .set('authorization', globexOwner)
    .set('x-project-id', 'globex-data')
    .send({ name: 'warehouse', value: 'globex-secret-value' })
    .expect(201);
}

/**
 * Realm issuers listed in AUTH_ISSUERS (not found under AUTH_KEYCLOAK_URL) are bound to their org,
 * in every spelling an operator may list them: a realm's token that claims another org is a 401.
 * Each realm has its own key, served as Keycloak serves it, so only the realm itself can sign.
 */

/** The attack as found: two plain realm issuers, acme's realm signs a token that claims globex. */
describe('A realm issuer in AUTH_ISSUERS claiming another org (e2e)', () => {
  let jwks: FakeJwksServer;
  let gov: RunningGovernance;
  let http: RunningGovernance['http'];
  const acme = createTestKeyPair('RS256', 'acme-1');
  const globex = createTestKeyPair('RS256', 'globex-1');
  const token = (pair: TestKeyPair, realm: string, claims: Record<string, unknown>) =>
    signTestJwt({
      key: pair.privateKey,
      header: { kid: pair.kid },
      claims: { iss: `${jwks.url}/realms/${realm}`, aud: 'api', ...claims },
    });

  beforeAll(async () => {
    jwks = await startFakeJwksServer();
    jwks.setJwks(`/realms/acme${CERTS}`, jwksOf(acme));
    jwks.setJwks(`/realms/globex${CERTS}`, jwksOf(globex));
    gov = await startGovernanceTrusting([`${jwks.url}/realms/acme`, `${jwks.url}/realms/globex`]);
    http = gov.http;
    await gov.h.createOrg('acme', 'alice');
    await seedGlobex(gov, `Bearer ${token(globex, 'globex', { sub: 'mallory' })}`);
  });

  afterAll(async () => {
    await gov?.close();
    await jwks?.close();
  });

  it('should refuse with 401 a realm token that claims another org on every route of the attack', async () => {
    // alice is acme's owner; her realm signs a token that claims globex.
    const forged = `Bearer ${token(acme, 'acme', { sub: 'alice', org_id: 'globex' })}`;
    const list = await request(http).get('/governance/projects').set('authorization', forged).expect(401);
    expect(list.body.error).toMatchObject({ code: 'INVALID_TOKEN', status: 401 });
    expect(JSON.stringify(list.body)).not.toContain('globex-data');
    const secret = await request(http)
      .get('/governance/resources/projects/secrets/warehouse')
      .set('authorization', forged)
      .set('x-project-id', 'globex-data')
      .expect(401);
    expect(JSON.stringify(secret.body)).not.toContain('globex-secret-value');
    await request(http)
      .post('/governance/grants')
      .set('authorization', forged)
      .send({ user: 'user:alice', relation: 'owner', object: 'organization:globex' })
      .expect(401);
    // Globex's owners did not change.
    const owners = await request(http)
      .get('/governance/grants?object=organization:globex')
      .set('authorization', `Bearer ${token(globex, 'globex', { sub: 'mallory' })}`)
      .expect(200);
    expect(JSON.stringify(owners.body)).not.toContain('user:alice');
  });

  it('should keep serving each realm in its own org', async () => {
    const own = await request(http)
      .get('/governance/projects')
      .set('authorization', `Bearer ${token(globex, 'globex', { sub: 'mallory' })}`)
      .expect(200);
    expect(own.body.data.map((p: { id: string }) => p.id)).toEqual(['globex-data']);
    await request(http)
      .get('/governance/projects')
      .set('authorization', `Bearer ${token(acme, 'acme', { sub: 'alice', org_id: 'acme' })}`)
      .expect(200, {
        data: [],
        pagination: { page: 1, limit: 20, total_items: 0, total_pages: 0, next_page: null, prev_page: null },
      });
  });
});

describe('Org binding of AUTH_ISSUERS realms in every spelling (e2e)', () => {
  let jwks: FakeJwksServer;
  let gov: RunningGovernance;
  let http: RunningGovernance['http'];
  const keys = new Map<string, TestKeyPair>();
  // realm path as listed in AUTH_ISSUERS → the org it stands for
  const realms: Array<[string, string]> = [
    ['/realms/acme', 'acme'],
    ['/realms/globex', 'globex'],
    ['/auth/realms/initech/', 'initech'],
    ['/realms/%75mbrella', 'umbrella'],
    ['/realms/master', 'master'],
  ];
  const issuer = (path: string) => `${jwks.url}${path}`;
  const token = (path: string, claims: Record<string, unknown>) =>
    signTestJwt({
      key: keys.get(path)!.privateKey,
      header: { kid: keys.get(path)!.kid },
      claims: { iss: issuer(path), aud: 'api', ...claims },
    });

  beforeAll(async () => {
    jwks = await startFakeJwksServer();
    for (const [path] of realms) {
      const pair = createTestKeyPair('RS256', `kid-${keys.size}`);
      keys.set(path, pair);
      jwks.setJwks(path.replace(/\/+$/, '') + CERTS, jwksOf(pair));
    }
    gov = await startGovernanceTrusting(realms.map(([path]) => issuer(path)));
    http = gov.http;
    await seedGlobex(gov, `Bearer ${token('/realms/globex', { sub: 'mallory' })}`);
  });

  afterAll(async () => {
    await gov?.close();
    await jwks?.close();
  });

  it.each(realms)(
    'should bind the realm listed as %s to org %s and refuse every other org_id',
    async (path, org) => {
      const own = await request(http)
        .get('/governance/projects')
        .set('authorization', `Bearer ${token(path, { sub: 'carol' })}`)
        .expect(200);
      expect(own.body.data).toEqual([]);
      await request(http)
        .get('/governance/projects')
        .set('authorization', `Bearer ${token(path, { sub: 'carol', org_id: org })}`)
        .expect(200);
      for (const claimed of ['globex', 'acme', org.toUpperCase(), `${org} `, '', 'master'].filter(
        (c) => c !== org,
      )) {
        const res = await request(http)
          .get('/governance/projects')
          .set('authorization', `Bearer ${token(path, { sub: 'carol', org_id: claimed })}`)
          .expect(401);
        expect(res.body.error.code).toBe('INVALID_TOKEN');
      }
    },
  );

  it('should still let a platform realm service account act in the org named by X-Org-Id, and no tenant realm', async () => {
    const globexOwner = `Bearer ${token('/realms/globex', { sub: 'mallory' })}`;
    for (const user of ['user:service-account-svc-etl', 'user:service-account-x'])
      await request(http)
        .post('/governance/grants')
        .set('authorization', globexOwner)
        .send({ user, relation: 'viewer', object: 'project:globex-data' })
        .expect(201);
    const ids = (res: request.Response) => (res.body.data as Array<{ id: string }>).map((p) => p.id);

    const platform = `Bearer ${token('/realms/master', { sub: 'a1b2-uuid', preferred_username: 'service-account-svc-etl' })}`;
    expect(
      ids(
        await request(http)
          .get('/governance/projects')
          .set('authorization', platform)
          .set('x-org-id', 'globex')
          .expect(200),
      ),
    ).toEqual(['globex-data']);
    expect(
      ids(await request(http).get('/governance/projects').set('authorization', platform).expect(200)),
    ).toEqual([]);
    // A platform service token that claims an org instead of naming it in the header is refused like any other mismatch.
    const claiming = token('/realms/master', {
      sub: 'a1b2-uuid',
      preferred_username: 'service-account-svc-etl',
      org_id: 'globex',
    });
    await request(http).get('/governance/projects').set('authorization', `Bearer ${claiming}`).expect(401);
    // A tenant realm's "service account" cannot pick an org: the header is ignored and it stays in acme.
    const tenantService = `Bearer ${token('/realms/acme', { sub: 'service-account-x', preferred_username: 'service-account-x' })}`;
    expect(
      ids(
        await request(http)
          .get('/governance/projects')
          .set('authorization', tenantService)
          .set('x-org-id', 'globex')
          .expect(200),
      ),
    ).toEqual([]);
  });
});
