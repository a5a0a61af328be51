import { jest } from '@jest/globals';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { BearerTokenVerifier, loadAuthConfig, loadOrCreateDevKeyPair } from '@app/auth';
import type { Principal } from '@app/core';
import { signTestJwt } from '@app/auth/testing';
import { dataConnectionObject, projectObject } from '@app/authz';
import { startGovernanceHarness, type GovernanceHarness } from '../support/governance-harness.js';
import { ForwardedSecretReads } from '../../apps/assets/src/governance/forwarded-secret-reads.js';
import { GovernanceClient } from '../../apps/assets/src/governance/governance.client.js';
import { ServiceIdentity } from '../../apps/assets/src/governance/service-identity.js';

const ORG = 'acme';
const OTHER_ORG = 'globex';
const PROJECT = 'analytics-prod';
const URI = `data:${ORG}:${PROJECT}:warehouse`;
const GLOBEX_URI = `data:${OTHER_ORG}:globex-data:lake`;
const CANARY = 'canary-F0rwarded-91c2e7';
const ROUTE = '/governance/internal/forwarded-secret-reads';
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

/**
 * Governance's side of the secret reads Assets forwards for its users, many per call: each read
 * decided, answered and audited exactly as that user's own GET of the secret would be.
 */
describe('Forwarded secret reads (e2e)', () => {
  let h: GovernanceHarness;
  let http: ReturnType<GovernanceHarness['app']['getHttpServer']>;
  let service: string;
  const raw = (sub: string, org = ORG) => h.bearer(sub, org).slice('Bearer '.length);

  beforeAll(async () => {
    h = await startGovernanceHarness();
    http = h.app.getHttpServer();
    await h.createOrg(ORG, 'alice');
    await h.createOrg(OTHER_ORG, 'mallory');
    const alice = h.bearer('alice', ORG);
    await request(http)
      .post('/governance/projects')
      .set('authorization', alice)
      .send({ id: PROJECT, name: 'Analytics' })
      .expect(201);
    await request(http)
      .post('/governance/projects')
      .set('authorization', h.bearer('mallory', OTHER_ORG))
      .send({ id: 'globex-data', name: 'Globex' })
      .expect(201);
    await h.infra.authz.writeTuples([
      {
        object: dataConnectionObject(ORG, PROJECT, 'warehouse'),
        relation: 'project',
        user: projectObject(ORG, PROJECT),
      },
      {
        object: dataConnectionObject(OTHER_ORG, 'globex-data', 'lake'),
        relation: 'project',
        user: projectObject(OTHER_ORG, 'globex-data'),
      },
    ]);
    for (const [user, relation] of [
      ['olivia', 'operator'],
      ['vera', 'viewer'],
    ])
      await request(http)
        .post('/governance/grants')
        .set('authorization', alice)
        .send({ user: `user:${user}`, relation, object: `project:${PROJECT}` })
        .expect(201);
    await request(http)
      .put(`/governance/resources/data-connections/${encodeURIComponent(URI)}/secrets/credentials-v1`)
      .set('authorization', alice)
      .send({ value: CANARY })
      .expect(200);
    service = `Bearer ${h.tokens.issue({ sub: 'service-account-assets', org: ORG, extraClaims: { actor_type: 'service' } })}`;
  });

  afterAll(async () => {
    await h?.close();
  });

  const forward = (reads: object[], as = service) =>
    request(http).post(ROUTE).set('authorization', as).send({ reads });
  const read = (token: string, extra: object = {}) => ({
    token,
    resource_uri: URI,
    name: 'credentials-v1',
    ...extra,
  });
  const readEvents = async (requestId: string) =>
    (await h.infra.database.dataSource.query(
      `SELECT actor_id, actor_type, org_id, project_id, resource_id, request_id, trace_id, source_service
         FROM audit_events WHERE action = 'data_connection.secret.read' AND request_id = $1`,
      [requestId],
    )) as Array<Record<string, string>>;

  it("should answer each read as that caller's own GET would, in order, in one call", async () => {
    const expired = signTestJwt({
      key: loadOrCreateDevKeyPair(h.env.AUTH_DATA_DIR!).privateKey,
      header: { kid: loadOrCreateDevKeyPair(h.env.AUTH_DATA_DIR!).kid },
      claims: { iss: h.tokens.issuerFor(ORG), sub: 'alice' },
      ttlSeconds: -120,
    });
    const res = await forward([
      read(raw('alice'), { request_id: 'req-alice', traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01` }),
      read(raw('olivia'), { request_id: 'req-olivia' }),
      read(raw('vera'), { request_id: 'req-vera' }),
      read(raw('bob'), { request_id: 'req-bob' }),
      read(raw('mallory', OTHER_ORG), { request_id: 'req-mallory' }),
      read('not.a.jwt', { request_id: 'req-garbage' }),
      read(expired, { request_id: 'req-expired' }),
      read(raw('alice'), { name: 'credentials-v9', request_id: 'req-missing' }),
      read(raw('alice'), { name: '../credentials-v1', request_id: 'req-bad-name' }),
      read(raw('alice'), { resource_uri: GLOBEX_URI, request_id: 'req-other-org' }),
    ]).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.results.map((r: { status: number }) => r.status)).toEqual([
      200, 200, 403, 404, 404, 401, 401, 404, 404, 404,
    ]);
    expect(res.body.results[0].secret).toMatchObject({ name: 'credentials-v1', value: CANARY, version: 1 });
    expect(res.body.results[2].error).toEqual({
      code: 'INSUFFICIENT_PERMISSIONS',
      message: 'Missing permission can_read_secrets',
    });
    expect(res.body.results[3].error).toEqual({
      code: 'RESOURCE_NOT_FOUND',
      message: 'Data connection not found',
    });
    expect(res.body.results[5].error.code).toBe('INVALID_TOKEN');
    // Only the two released values are in the answer, and no token is ever echoed.
    expect(JSON.stringify(res.body).split(CANARY)).toHaveLength(3);
    expect(JSON.stringify(res.body)).not.toContain('eyJ');

    // Each released value was audited as its own caller's read, with the ids they sent.
    expect(await readEvents('req-alice')).toEqual([
      {
        actor_id: 'alice',
        actor_type: 'user',
        org_id: ORG,
        project_id: PROJECT,
        resource_id: `${URI}#credentials-v1`,
        request_id: 'req-alice',
        trace_id: TRACE_ID,
        source_service: 'governance',
      },
    ]);
    expect(await readEvents('req-olivia')).toEqual([expect.objectContaining({ actor_id: 'olivia' })]);
    for (const refused of ['req-vera', 'req-bob', 'req-mallory', 'req-garbage', 'req-expired', 'req-missing'])
      expect(await readEvents(refused)).toEqual([]);
  });

  it("should verify a caller's token once however many of the call's reads carry it", async () => {
    const verify = jest.spyOn(h.app.get(BearerTokenVerifier), 'verify');
    const alice = raw('alice');
    const res = await forward([read(alice), read(alice), read(raw('olivia')), read(alice)]).expect(200);
    expect(res.body.results.map((r: { status: number }) => r.status)).toEqual([200, 200, 200, 200]);
    expect(verify).toHaveBeenCalledTimes(2);
    verify.mockRestore();
  });

  it("should not read for callers of another org than the service's", async () => {
    const globexService = `Bearer ${h.tokens.issue({ sub: 'service-account-assets', org: OTHER_ORG, extraClaims: { actor_type: 'service' } })}`;
    const res = await forward(
      [read(raw('alice')), read(raw('mallory', OTHER_ORG), { resource_uri: URI })],
      globexService,
    ).expect(200);
    expect(res.body.results).toEqual([
      { status: 404, error: { code: 'RESOURCE_NOT_FOUND', message: 'Data connection not found' } },
      { status: 404, error: { code: 'RESOURCE_NOT_FOUND', message: 'Data connection not found' } },
    ]);
  });

  it('should answer 404 to anyone but a trusted service, and 401 without a token', async () => {
    for (const caller of [
      h.bearer('alice', ORG),
      `Bearer ${h.tokens.issue({ sub: 'service-account-evil', org: ORG, extraClaims: { actor_type: 'service' } })}`,
    ]) {
      const res = await forward([read(raw('alice'))], caller).expect(404);
      expect(res.body.error.code).toBe('RESOURCE_NOT_FOUND');
      expect(JSON.stringify(res.body)).not.toContain(CANARY);
    }
    const anonymous = await request(http)
      .post(ROUTE)
      .send({ reads: [read(raw('alice'))] })
      .expect(401);
    expect(anonymous.body.error.code).toBe('INVALID_TOKEN');
  });

  it.each([
    ['no reads', []],
    [
      'more than 100 reads',
      Array.from({ length: 101 }, () => ({ token: 't', resource_uri: URI, name: 'n' })),
    ],
    ['a read without a token', [{ resource_uri: URI, name: 'credentials-v1' }]],
    ['a malformed traceparent', [{ token: 't', resource_uri: URI, name: 'n', traceparent: 'not-a-trace' }]],
  ])('should answer 422 naming the field for %s, echoing no token', async (_case, reads) => {
    const token = raw('alice');
    const res = await forward(
      (reads as Array<Record<string, unknown>>).map((r) => ('token' in r ? { ...r, token } : r)),
    ).expect(422);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_ERROR', status: 422 });
    expect(res.body.error.details.fields.length).toBeGreaterThan(0);
    expect(JSON.stringify(res.body)).not.toContain(token);
  });

  it('should release no value whose audit event could not be written (503 for that read)', async () => {
    const ds = h.infra.database.dataSource;
    await ds.query('ALTER TABLE audit_events RENAME TO audit_events_offline');
    try {
      const res = await forward([read(raw('alice')), read(raw('vera'))]).expect(200);
      expect(res.body.results).toEqual([
        { status: 503, error: expect.objectContaining({ code: 'AUDIT_UNAVAILABLE' }) },
        { status: 403, error: expect.objectContaining({ code: 'INSUFFICIENT_PERMISSIONS' }) },
      ]);
      expect(JSON.stringify(res.body)).not.toContain(CANARY);
    } finally {
      await ds.query('ALTER TABLE audit_events_offline RENAME TO audit_events');
    }
  });
  describe('Assets against a Governance that predates the route (a rolling upgrade)', () => {
    let proxy: Server;
    let seen: string[];

    beforeAll(async () => {
      await h.app.listen({ port: 0, host: '127.0.0.1' });
      const upstream = new URL(await h.app.getUrl());
      seen = [];
      // An older Governance: every route as today's, but no forwarded-secret-reads.
      proxy = createServer((req, res) => {
        seen.push(`${req.method} ${req.url}`);
        if (req.url === ROUTE) {
          req.resume();
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              error: { code: 'RESOURCE_NOT_FOUND', message: 'Route not found', status: 404 },
            }),
          );
          return;
        }
        const forward = httpRequest(
          { host: '127.0.0.1', port: upstream.port, method: req.method, path: req.url, headers: req.headers },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        req.pipe(forward);
      });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    });

    afterAll(async () => {
      await new Promise((resolve) => proxy?.close(resolve));
    });

    it("should read as each caller's own GET, and stop asking for the route for a while", async () => {
      const client = new GovernanceClient(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, 5000);
      const reads = new ForwardedSecretReads(client, new ServiceIdentity(loadAuthConfig(h.env), {}));
      const caller = (sub: string): Principal =>
        ({ userId: sub, orgId: ORG, actorType: 'user', token: raw(sub) }) as Principal;
      const path = `resources/data-connections/${encodeURIComponent(URI)}/secrets/credentials-v1`;
      const readAs = (sub: string) =>
        reads.read(caller(sub), URI, 'credentials-v1', () => client.request(caller(sub), 'GET', path));

      const first = await Promise.all([readAs('alice'), readAs('olivia'), readAs('vera')]);
      expect(first.map((r) => r.status)).toEqual([200, 200, 403]);
      expect(first[0].body).toMatchObject({ value: CANARY });
      const later = await readAs('alice');
      expect(later).toMatchObject({ status: 200, body: { value: CANARY } });
      // One attempt at the route, then every read went alone, as before the route existed.
      expect(seen.filter((line) => line.startsWith(`POST ${ROUTE}`))).toHaveLength(1);
      expect(
        seen.filter((line) => line.startsWith('GET /governance/resources/data-connections/')),
      ).toHaveLength(4);
    });
  });
});
