import request from 'supertest';
import { loadOrCreateDevKeyPair } from '@app/auth';
import { signTestJwt, createTestKeyPair } from '@app/auth/testing';
import { dataConnectionObject, projectObject } from '@app/authz';
import { startOpenFgaHttpServer } from '@app/authz/embedded';
import { FakeInfisicalServer } from '@app/testing';
import { startGovernanceHarness, type GovernanceHarness } from '../support/governance-harness.js';
import { infisicalEnv } from '../support/infisical-env.js';

const ORG = 'acme';
const OTHER_ORG = 'globex';
const CANARY = 'canary-Pa55w0rd-7f3a91';

describe('Governance (e2e)', () => {
  let h: GovernanceHarness;
  let http: ReturnType<GovernanceHarness['app']['getHttpServer']>;
  let alice: string; // acme owner
  let bob: string; // acme user with no roles yet
  let mallory: string; // globex owner

  beforeAll(async () => {
    h = await startGovernanceHarness();
    http = h.app.getHttpServer();
    await h.createOrg(ORG, 'alice');
    await h.createOrg(OTHER_ORG, 'mallory');
    alice = h.bearer('alice', ORG);
    bob = h.bearer('bob', ORG);
    mallory = h.bearer('mallory', OTHER_ORG);
    await request(http)
      .post('/governance/projects')
      .set('authorization', alice)
      .send({ id: 'analytics-prod', name: 'Analytics', description: 'prod' })
      .expect(201);
    await request(http)
      .post('/governance/projects')
      .set('authorization', mallory)
      .send({ id: 'globex-data', name: 'Globex' })
      .expect(201);
  });

  afterAll(async () => {
    await h?.close();
  });

  describe('public routes', () => {
    it('should serve liveness, readiness and docs without a token', async () => {
      await request(http).get('/health/live').expect(200, { status: 'ok' });
      const ready = await request(http).get('/health/ready').expect(200);
      expect(ready.body.info).toMatchObject({
        database: { status: 'up' },
        authz: { status: 'up' },
        secrets: { status: 'up' },
      });
      const docs = await request(http).get('/docs-json').expect(200);
      expect(docs.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(JSON.stringify(docs.body.paths['/governance/resources/projects/secrets'])).toContain(
        'X-Project-ID',
      );
    });

    it('should serve the dev JWKS for the org realm', async () => {
      const res = await request(http)
        .get(`/governance/dev-idp/realms/${ORG}/protocol/openid-connect/certs`)
        .expect(200);
      expect(res.body.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256' });
      expect(JSON.stringify(res.body)).not.toContain('"d"');
    });
  });

  describe('authentication', () => {
    const devKey = () => loadOrCreateDevKeyPair(h.env.AUTH_DATA_DIR!);
    const iss = () => h.tokens.issuerFor(ORG);

    const cases: Array<[string, () => string | undefined]> = [
      ['missing', () => undefined],
      ['garbage', () => 'Bearer not.a.jwt'],
      [
        'expired',
        () =>
          `Bearer ${signTestJwt({ key: devKey().privateKey, header: { kid: devKey().kid }, claims: { iss: iss(), sub: 'alice' }, ttlSeconds: -120 })}`,
      ],
      [
        'wrongly signed',
        () =>
          `Bearer ${signTestJwt({ key: createTestKeyPair().privateKey, header: { kid: devKey().kid }, claims: { iss: iss(), sub: 'alice' } })}`,
      ],
      [
        'alg none',
        () =>
          `Bearer ${signTestJwt({ alg: 'none', header: { kid: devKey().kid }, claims: { iss: iss(), sub: 'alice' } })}`,
      ],
      [
        'HS256 with the public key as secret',
        () =>
          `Bearer ${signTestJwt({ alg: 'HS256', key: devKey().publicKey.export({ type: 'spki', format: 'pem' }).toString(), header: { kid: devKey().kid }, claims: { iss: iss(), sub: 'alice' } })}`,
      ],
      [
        'wrong audience',
        () => `Bearer ${h.tokens.issue({ sub: 'alice', org: ORG, audience: 'someone-else' })}`,
      ],
      [
        'untrusted issuer',
        () =>
          `Bearer ${signTestJwt({ key: devKey().privateKey, header: { kid: devKey().kid }, claims: { iss: 'https://evil.example/realms/acme', sub: 'alice' } })}`,
      ],
    ];

    it.each(cases)('should answer 401 in the envelope for a %s token', async (_name, token) => {
      const req = request(http).get('/governance/projects');
      const value = token();
      if (value) req.set('authorization', value);
      const res = await req.expect(401);
      expect(res.body.error).toMatchObject({ code: 'INVALID_TOKEN', status: 401 });
      expect(res.body.error.request_id).toBe(res.headers['x-request-id']);
    });

    it('should accept a valid dev token', async () => {
      await request(http).get('/governance/projects').set('authorization', alice).expect(200);
    });
  });

  describe('projects', () => {
    it('should list only visible projects in the caller org', async () => {
      const res = await request(http).get('/governance/projects').set('authorization', alice).expect(200);
      expect(res.body.data.map((p: { id: string }) => p.id)).toEqual(['analytics-prod']);
      expect(res.body.pagination).toEqual({
        page: 1,
        limit: 20,
        total_items: 1,
        total_pages: 1,
        next_page: null,
        prev_page: null,
      });
      const none = await request(http).get('/governance/projects').set('authorization', bob).expect(200);
      expect(none.body.data).toEqual([]);
    });

    it('should hide other orgs and unknown projects with 404', async () => {
      await request(http).get('/governance/projects/analytics-prod').set('authorization', alice).expect(200);
      const cross = await request(http)
        .get('/governance/projects/analytics-prod')
        .set('authorization', mallory)
        .expect(404);
      expect(cross.body.error.code).toBe('RESOURCE_NOT_FOUND');
      await request(http).get('/governance/projects/globex-data').set('authorization', alice).expect(404);
      await request(http).get('/governance/projects/nope').set('authorization', alice).expect(404);
    });

    it('should let only org owners and admins create projects', async () => {
      const res = await request(http)
        .post('/governance/projects')
        .set('authorization', bob)
        .send({ id: 'bobs', name: 'Bob' })
        .expect(403);
      expect(res.body.error.code).toBe('INSUFFICIENT_PERMISSIONS');
      await request(http)
        .post('/governance/grants')
        .set('authorization', alice)
        .send({ user: 'user:bob', relation: 'member', object: `organization:${ORG}` })
        .expect(201);
      const member = await request(http)
        .post('/governance/projects')
        .set('authorization', bob)
        .send({ id: 'bobs', name: 'Bob' })
        .expect(403);
      expect(member.body.error.code).toBe('INSUFFICIENT_PERMISSIONS');
      await request(http)
        .delete('/governance/grants')
        .set('authorization', alice)
        .send({ user: 'user:bob', relation: 'member', object: `organization:${ORG}` })
        .expect(204);
    });

    it('should answer 409 for a duplicate project id', async () => {
      const res = await request(http)
        .post('/governance/projects')
        .set('authorization', alice)
        .send({ id: 'analytics-prod', name: 'again' })
        .expect(409);
      expect(res.body.error.code).toBe('RESOURCE_ALREADY_EXISTS');
    });
  });

  describe('validation envelope', () => {
    it('should reject unknown fields with 422 and name the field, not the value', async () => {
      const res = await request(http)
        .post('/governance/projects')
        .set('authorization', alice)
        .send({ id: 'new-proj', name: 'x', is_admin: CANARY })
        .expect(422);
      expect(res.body.error).toMatchObject({ code: 'VALIDATION_ERROR', status: 422 });
      expect(JSON.stringify(res.body.error.details)).toContain('is_admin');
      expect(JSON.stringify(res.body)).not.toContain(CANARY);
    });

    it('should reject bad query parameters with 400', async () => {
      const res = await request(http)
        .get('/governance/projects?limit=101')
        .set('authorization', alice)
        .expect(400);
      expect(res.body.error.code).toBe('INVALID_REQUEST');
      await request(http).get('/governance/projects?page=0').set('authorization', alice).expect(400);
    });

    it('should reject a malformed JSON body without echoing it', async () => {
      const res = await request(http)
        .post('/governance/projects')
        .set('authorization', alice)
        .set('content-type', 'application/json')
        .send(`{"id": "${CANARY}"`)
        .expect(400);
      expect(res.body.error.code).toBe('INVALID_REQUEST');
      expect(JSON.stringify(res.body)).not.toContain(CANARY);
    });

    it('should answer unknown routes in the envelope with a request id header', async () => {
      const res = await request(http).get('/governance/nope').set('authorization', alice).expect(404);
      expect(res.body.error.code).toBe('RESOURCE_NOT_FOUND');
      expect(res.headers['x-request-id']).toBeTruthy();
    });

    it('should require X-Project-ID where the route needs it and validate its format', async () => {
      const missing = await request(http)
        .get('/governance/resources/projects/secrets')
        .set('authorization', alice)
        .expect(400);
      expect(missing.body.error.code).toBe('INVALID_REQUEST');
      await request(http)
        .get('/governance/resources/projects/secrets')
        .set('authorization', alice)
        .set('x-project-id', 'Bad Slug!')
        .expect(400);
      await request(http)
        .get('/governance/resources/projects/secrets')
        .set('authorization', alice)
        .set('x-project-id', 'globex-data')
        .expect(404);
    });
  });

  describe('grants', () => {
    const asBob = (method: 'get' | 'post', path: string) =>
      request(http)[method](path).set('authorization', bob).set('x-project-id', 'analytics-prod');

    it('should take effect when granted and stop when revoked', async () => {
      await asBob('get', '/governance/resources/projects/secrets').expect(404);
      await request(http)
        .post('/governance/grants')
        .set('authorization', alice)
        .send({ user: 'user:bob', relation: 'operator', object: 'project:analytics-prod' })
        .expect(201);
      await asBob('get', '/governance/resources/projects/secrets').expect(200);
      // operators read secrets but do not manage them
      const denied = await asBob('post', '/governance/resources/projects/secrets')
        .send({ name: 'x', value: 'y' })
        .expect(403);
      expect(denied.body.error.code).toBe('INSUFFICIENT_PERMISSIONS');
      const list = await request(http)
        .get('/governance/grants?object=project:analytics-prod')
        .set('authorization', alice)
        .expect(200);
      expect(list.body.data).toEqual(
        expect.arrayContaining([
          { user: 'user:bob', relation: 'operator', object: 'project:analytics-prod' },
        ]),
      );
      await request(http)
        .delete('/governance/grants')
        .set('authorization', alice)
        .send({ user: 'user:bob', relation: 'operator', object: 'project:analytics-prod' })
        .expect(204);
      await asBob('get', '/governance/resources/projects/secrets').expect(404);
    });

    it('should not let non-admins grant, nor anyone grant across orgs', async () => {
      await request(http)
        .post('/governance/grants')
        .set('authorization', bob)
        .send({ user: 'user:bob', relation: 'owner', object: 'project:analytics-prod' })
        .expect(404);
      await request(http)
        .post('/governance/grants')
        .set('authorization', mallory)
        .send({ user: 'user:mallory', relation: 'owner', object: 'project:analytics-prod' })
        .expect(404);
      await request(http)
        .post('/governance/grants')
        .set('authorization', mallory)
        .send({ user: 'user:mallory', relation: 'owner', object: `organization:${ORG}` })
        .expect(404);
      const injected = await request(http)
        .post('/governance/grants')
        .set('authorization', alice)
        .send({ user: 'user:bob', relation: 'owner', object: 'project:analytics-prod#owner' })
        .expect(422);
      expect(injected.body.error.code).toBe('VALIDATION_ERROR');
    });

    it('should name the field and what it must be when a grant is invalid', async () => {
      const cases: Array<[object, number, { field: string; message: string }]> = [
        [
          { user: 'user:bob', relation: 'developer', object: `organization:${ORG}` },
          422,
          { field: 'relation', message: 'must be one of: owner, admin, member' },
        ],
        [
          { user: 'user:bob', relation: 'superuser', object: 'project:analytics-prod' },
          422,
          { field: 'relation', message: 'must be one of: owner, admin, member, developer, operator, viewer' },
        ],
        [
          { user: 'bob', relation: 'viewer', object: 'project:analytics-prod' },
          422,
          { field: 'user', message: 'must look like user:<id>' },
        ],
        [
          { user: 'user:bob', relation: 'viewer', object: 'team:analytics' },
          422,
          { field: 'object', message: 'must be organization:<org_id> or project:<project_id>' },
        ],
      ];
      for (const [body, status, problem] of cases) {
        const res = await request(http).post('/governance/grants').set('authorization', alice).send(body);
        expect(res.status).toBe(status);
        expect(res.body.error.details).toEqual({ fields: [problem] });
      }
      const query = await request(http)
        .get('/governance/grants?object=team:analytics')
        .set('authorization', alice)
        .expect(400);
      expect(query.body.error).toMatchObject({
        code: 'INVALID_REQUEST',
        details: {
          fields: [{ field: 'object', message: 'must be organization:<org_id> or project:<project_id>' }],
        },
      });
    });

    it('should audit grant changes', async () => {
      const res = await request(http)
        .get('/governance/audit?action=grant.create')
        .set('authorization', alice)
        .expect(200);
      expect(res.body.data[0]).toMatchObject({
        action: 'grant.create',
        actor_id: 'alice',
        org_id: ORG,
        source_service: 'governance',
      });
    });
  });

  describe('secrets', () => {
    const asAlice = (method: 'get' | 'post' | 'put' | 'delete', path: string) =>
      request(http)[method](path).set('authorization', alice).set('x-project-id', 'analytics-prod');

    it('should round-trip a secret, audit the read, and keep no plaintext in the database', async () => {
      const created = await asAlice('post', '/governance/resources/projects/secrets')
        .send({ name: 'warehouse-password', value: CANARY, description: 'warehouse' })
        .expect(201);
      expect(created.body).toEqual({ name: 'warehouse-password', created_at: expect.any(String) });
      await asAlice('post', '/governance/resources/projects/secrets')
        .send({ name: 'warehouse-password', value: 'x' })
        .expect(409);

      const list = await asAlice('get', '/governance/resources/projects/secrets').expect(200);
      expect(list.body.data.map((s: { name: string }) => s.name)).toEqual(['warehouse-password']);
      expect(JSON.stringify(list.body)).not.toContain(CANARY);

      const read = await asAlice('get', '/governance/resources/projects/secrets/warehouse-password').expect(
        200,
      );
      expect(read.body.value).toBe(CANARY);
      expect(read.headers['cache-control']).toBe('no-store');

      const audit = await request(http)
        .get('/governance/audit?action=secret.read&project_id=analytics-prod')
        .set('authorization', alice)
        .expect(200);
      expect(audit.body.data).toHaveLength(1);
      expect(audit.body.data[0]).toMatchObject({
        actor_id: 'alice',
        actor_type: 'user',
        resource_type: 'secret',
        resource_id: 'warehouse-password',
        request_id: read.headers['x-request-id'],
      });
      expect(JSON.stringify(audit.body)).not.toContain(CANARY);
      const one = await request(http)
        .get(`/governance/audit/${audit.body.data[0].id}`)
        .set('authorization', alice)
        .expect(200);
      expect(one.body.id).toBe(audit.body.data[0].id);

      const dump = await h.infra.database.dataSource.query(
        `SELECT string_agg(t::text, '\n') AS dump FROM (
           SELECT row_to_json(s)::text AS t FROM secrets s
           UNION ALL SELECT row_to_json(a)::text FROM audit_events a) x`,
      );
      expect(dump[0].dump).toContain('warehouse-password');
      expect(dump[0].dump).not.toContain(CANARY);
      expect(dump[0].dump).not.toContain(Buffer.from(CANARY).toString('base64'));
    });

    it('should count the value size in UTF-8 bytes, and refuse an oversized value with 422 naming it', async () => {
      // 30 000 three-byte characters: well under 64 KiB of characters, over 64 KiB of bytes.
      const wide = '€'.repeat(30_000);
      const bodies: Array<['post' | 'put', string, object]> = [
        ['post', '/governance/resources/projects/secrets', { name: 'too-wide', value: wide }],
        ['put', '/governance/resources/projects/secrets/warehouse-password', { value: wide }],
      ];
      for (const [method, path, body] of bodies) {
        const res = await asAlice(method, path).send(body).expect(422);
        expect(res.body.error.details).toEqual({
          fields: [{ field: 'value', message: 'must be 1 to 65536 bytes of UTF-8' }],
        });
      }
      await asAlice('get', '/governance/resources/projects/secrets/too-wide').expect(404);
    });

    it('should update and delete secrets', async () => {
      await asAlice('put', '/governance/resources/projects/secrets/warehouse-password')
        .send({ value: 'rotated' })
        .expect(200);
      const read = await asAlice('get', '/governance/resources/projects/secrets/warehouse-password').expect(
        200,
      );
      expect(read.body.value).toBe('rotated');
      await asAlice('delete', '/governance/resources/projects/secrets/warehouse-password').expect(204);
      await asAlice('get', '/governance/resources/projects/secrets/warehouse-password').expect(404);
      await asAlice('put', '/governance/resources/projects/secrets/warehouse-password')
        .send({ value: 'x' })
        .expect(404);
    });

    it('should keep other orgs out of project secrets', async () => {
      await request(http)
        .get('/governance/resources/projects/secrets')
        .set('authorization', mallory)
        .set('x-project-id', 'analytics-prod')
        .expect(404);
    });

    it('should keep the audit log to org owners and admins', async () => {
      await request(http).get('/governance/audit').set('authorization', bob).expect(403);
      const res = await request(http).get('/governance/audit').set('authorization', mallory).expect(200);
      expect(res.body.data.every((e: { org_id: string }) => e.org_id === OTHER_ORG)).toBe(true);
    });
  });

  describe('paging', () => {
    const grant = (user: string, relation: string, object = 'project:analytics-prod') =>
      request(http).post('/governance/grants').set('authorization', alice).send({ user, relation, object });
    const revoke = (user: string, relation: string, object = 'project:analytics-prod') =>
      request(http).delete('/governance/grants').set('authorization', alice).send({ user, relation, object });
    const pager = ['pg-1', 'pg-2', 'pg-3', 'pg-4'];

    it('should page the grants of an object with page and limit, by role then user', async () => {
      for (const user of pager) await grant(`user:${user}`, 'viewer').expect(201);
      try {
        const all = await request(http)
          .get('/governance/grants?object=project:analytics-prod&limit=100')
          .set('authorization', alice)
          .expect(200);
        const everyone = all.body.data as Array<{ user: string; relation: string }>;
        // alice owns the project (first, strongest role); the four viewers follow by user.
        expect(everyone[0]).toEqual({
          user: 'user:alice',
          relation: 'owner',
          object: 'project:analytics-prod',
        });
        expect(everyone.filter((g) => g.relation === 'viewer').map((g) => g.user)).toEqual(
          pager.map((u) => `user:${u}`),
        );
        expect(all.body.pagination).toMatchObject({ page: 1, limit: 100, total_items: everyone.length });

        const pages = [];
        for (let page = 1; page <= Math.ceil(everyone.length / 2); page++) {
          const res = await request(http)
            .get(`/governance/grants?object=project:analytics-prod&page=${page}&limit=2`)
            .set('authorization', alice)
            .expect(200);
          expect(res.body.pagination).toEqual({
            page,
            limit: 2,
            total_items: everyone.length,
            total_pages: Math.ceil(everyone.length / 2),
            next_page: page < Math.ceil(everyone.length / 2) ? page + 1 : null,
            prev_page: page > 1 ? page - 1 : null,
          });
          pages.push(...res.body.data);
        }
        expect(pages).toEqual(everyone);
        const byDefault = await request(http)
          .get('/governance/grants?object=project:analytics-prod')
          .set('authorization', alice)
          .expect(200);
        expect(byDefault.body.pagination.limit).toBe(20);
      } finally {
        for (const user of pager) await revoke(`user:${user}`, 'viewer').expect(204);
      }
    });

    it.each([
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=ten', 'limit'],
      ['page=0', 'page'],
    ])('should answer 400 naming the field for a bad grants %s', async (param, field) => {
      const res = await request(http)
        .get(`/governance/grants?object=project:analytics-prod&${param}`)
        .set('authorization', alice)
        .expect(400);
      expect(res.body.error).toMatchObject({ code: 'INVALID_REQUEST', status: 400 });
      expect(res.body.error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    });

    describe('the audit log', () => {
      const service = () =>
        `Bearer ${h.tokens.issue({ sub: 'service-account-assets', org: ORG, extraClaims: { actor_type: 'service' } })}`;
      const audit = (query: string) =>
        request(http).get(`/governance/audit?actor_id=audit-pager&${query}`).set('authorization', alice);
      let ids: string[];

      beforeAll(async () => {
        for (const n of [1, 2, 3]) {
          await request(http)
            .post('/governance/internal/audit/events')
            .set('authorization', service())
            .send({
              actor_id: 'audit-pager',
              actor_type: 'user',
              action: 'data_connection.verify',
              resource_type: 'data_connection',
              resource_id: `data:${ORG}:analytics-prod:paged-${n}`,
            })
            .expect(204);
        }
        const all = await audit('').expect(200);
        ids = all.body.data.map((e: { id: string }) => e.id);
        expect(ids).toHaveLength(3);
        // Newest first.
        expect(all.body.data.map((e: { resource_id: string }) => e.resource_id)).toEqual([
          `data:${ORG}:analytics-prod:paged-3`,
          `data:${ORG}:analytics-prod:paged-2`,
          `data:${ORG}:analytics-prod:paged-1`,
        ]);
        expect(all.body.pagination).toEqual({
          page: 1,
          limit: 50,
          total_items: 3,
          total_pages: 1,
          next_page: null,
          prev_page: null,
        });
      });

      it('should take limit, the one page size every list takes', async () => {
        const first = await audit('limit=2').expect(200);
        const second = await audit('limit=2&page=2').expect(200);
        expect([...first.body.data, ...second.body.data].map((e: { id: string }) => e.id)).toEqual(ids);
        expect(first.body.pagination).toEqual({
          page: 1,
          limit: 2,
          total_items: 3,
          total_pages: 2,
          next_page: 2,
          prev_page: null,
        });
        expect(second.body.pagination).toMatchObject({ page: 2, limit: 2, next_page: null, prev_page: 1 });
      });

      it('should still take page_size as a deprecated alias of limit', async () => {
        const aliased = await audit('page_size=2&page=2').expect(200);
        expect(aliased.body.data.map((e: { id: string }) => e.id)).toEqual([ids[2]]);
        expect(aliased.body.pagination).toMatchObject({ page: 2, limit: 2, total_pages: 2 });
        const both = await audit('limit=1&page_size=1').expect(200);
        expect(both.body.data.map((e: { id: string }) => e.id)).toEqual([ids[0]]);
      });

      it.each([
        ['limit=0', 'limit'],
        ['limit=101', 'limit'],
        ['page_size=0', 'page_size'],
        ['page_size=abc', 'page_size'],
        ['page=0', 'page'],
        ['limit=2&page_size=3', 'page_size'],
      ])('should answer 400 in the envelope for %s', async (query, field) => {
        const res = await audit(query).expect(400);
        expect(res.body.error).toMatchObject({ code: 'INVALID_REQUEST', status: 400 });
        expect(res.body.error.details.fields).toEqual(
          expect.arrayContaining([{ field, message: expect.any(String) }]),
        );
        for (const problem of res.body.error.details.fields)
          expect(problem.message).not.toMatch(/^(limit|page)/);
      });
    });
  });

  describe('audit log access', () => {
    const grants = [
      { user: 'user:vera', relation: 'viewer', object: 'project:analytics-prod' },
      { user: 'user:oscar', relation: 'member', object: `organization:${ORG}` },
    ];
    let eventId: string;

    beforeAll(async () => {
      for (const g of grants)
        await request(http).post('/governance/grants').set('authorization', alice).send(g).expect(201);
      const res = await request(http)
        .get('/governance/audit?limit=1')
        .set('authorization', alice)
        .expect(200);
      eventId = res.body.data[0].id;
    });

    afterAll(async () => {
      for (const g of grants)
        await request(http).delete('/governance/grants').set('authorization', alice).send(g).expect(204);
    });

    it.each([
      ['a project viewer', 'vera'],
      ['an org member', 'oscar'],
    ])('should answer 403 to %s, who can see the org but not its log', async (_who, sub) => {
      const token = h.bearer(sub, ORG);
      for (const path of ['/governance/audit', `/governance/audit/${eventId}`]) {
        const res = await request(http).get(path).set('authorization', token).expect(403);
        expect(res.body.error).toMatchObject({ code: 'INSUFFICIENT_PERMISSIONS', status: 403 });
      }
    });

    it('should answer 403 to a caller of the org with no role at all: their own org is no secret to them', async () => {
      const newcomer = h.bearer('newcomer', ORG);
      for (const path of ['/governance/audit', `/governance/audit/${eventId}`]) {
        const res = await request(http).get(path).set('authorization', newcomer).expect(403);
        expect(res.body.error).toMatchObject({ code: 'INSUFFICIENT_PERMISSIONS' });
      }
      const project = await request(http)
        .post('/governance/projects')
        .set('authorization', h.bearer('vera', ORG))
        .send({ id: 'not-allowed', name: 'No' })
        .expect(403);
      expect(project.body.error.code).toBe('INSUFFICIENT_PERMISSIONS');
    });

    it("should answer 404 to another org's owner asking for one of this org's events", async () => {
      const res = await request(http)
        .get(`/governance/audit/${eventId}`)
        .set('authorization', mallory)
        .expect(404);
      expect(res.body.error).toMatchObject({ code: 'RESOURCE_NOT_FOUND', message: 'Audit event not found' });
      const own = await request(http)
        .get('/governance/audit?limit=100')
        .set('authorization', mallory)
        .expect(200);
      expect(own.body.data.map((e: { id: string }) => e.id)).not.toContain(eventId);
    });

    it('should answer 400 naming the id for a malformed event id', async () => {
      const res = await request(http)
        .get('/governance/audit/not-a-uuid')
        .set('authorization', alice)
        .expect(400);
      expect(res.body.error).toMatchObject({
        code: 'INVALID_REQUEST',
        details: { fields: [{ field: 'id', message: 'must be a UUID' }] },
      });
    });

    it('should take the ids it issues (time-ordered v7) and those of older events (v4), and no other version', async () => {
      const listed = await request(http).get('/governance/audit').set('authorization', alice).expect(200);
      const newest = listed.body.data[0].id as string;
      expect(newest).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      await request(http).get(`/governance/audit/${newest}`).set('authorization', alice).expect(200);
      for (const absent of ['3f2b8c1e-9d4a-4e6f-8a7b-1c2d3e4f5a6b', '01938a2b-3c4d-7e6f-8a7b-1c2d3e4f5a6b'])
        await request(http).get(`/governance/audit/${absent}`).set('authorization', alice).expect(404);
      const v1 = await request(http)
        .get('/governance/audit/3f2b8c1e-9d4a-1e6f-8a7b-1c2d3e4f5a6b')
        .set('authorization', alice)
        .expect(400);
      expect(v1.body.error.details).toEqual({ fields: [{ field: 'id', message: 'must be a UUID' }] });
    });
  });

  describe('fail-closed audit', () => {
    it('should return 503 and no plaintext when the audit event cannot be written', async () => {
      const asAlice = (method: 'get' | 'post', path: string) =>
        request(http)[method](path).set('authorization', alice).set('x-project-id', 'analytics-prod');
      await asAlice('post', '/governance/resources/projects/secrets')
        .send({ name: 'fail-closed', value: CANARY })
        .expect(201);
      const ds = h.infra.database.dataSource;
      await ds.query('ALTER TABLE audit_events RENAME TO audit_events_offline');
      try {
        const res = await asAlice('get', '/governance/resources/projects/secrets/fail-closed').expect(503);
        expect(res.body.error.code).toBe('AUDIT_UNAVAILABLE');
        expect(JSON.stringify(res.body)).not.toContain(CANARY);
      } finally {
        await ds.query('ALTER TABLE audit_events_offline RENAME TO audit_events');
      }
      const ok = await asAlice('get', '/governance/resources/projects/secrets/fail-closed').expect(200);
      expect(ok.body.value).toBe(CANARY);
    });
  });

  describe('every route', () => {
    const resource = encodeURIComponent('data:acme:analytics-prod:warehouse');
    const routeList: Array<['get' | 'post' | 'put' | 'delete', string, boolean, object?]> = [
      // method, path, needs X-Project-ID, body
      ['get', '/governance/projects', false],
      ['post', '/governance/projects', false, { id: 'x-proj', name: 'x' }],
      ['get', '/governance/projects/analytics-prod', false],
      ['get', '/governance/grants?object=project:analytics-prod', false],
      [
        'post',
        '/governance/grants',
        false,
        { user: 'user:zed', relation: 'viewer', object: 'project:analytics-prod' },
      ],
      [
        'delete',
        '/governance/grants',
        false,
        { user: 'user:zed', relation: 'viewer', object: 'project:analytics-prod' },
      ],
      ['get', '/governance/audit', false],
      ['get', '/governance/audit/00000000-0000-4000-8000-000000000000', false],
      ['get', '/governance/resources/projects/secrets', true],
      ['post', '/governance/resources/projects/secrets', true, { name: 'n', value: 'v' }],
      ['get', '/governance/resources/projects/secrets/n', true],
      ['put', '/governance/resources/projects/secrets/n', true, { value: 'v' }],
      ['delete', '/governance/resources/projects/secrets/n', true],
      ['get', `/governance/resources/data-connections/${resource}/secrets`, false],
      ['get', `/governance/resources/data-connections/${resource}/secrets/credentials-v1`, false],
      [
        'put',
        `/governance/resources/data-connections/${resource}/secrets/credentials-v1`,
        false,
        { value: 'v' },
      ],
      ['delete', `/governance/resources/data-connections/${resource}/secrets/credentials-v1`, false],
      [
        'post',
        '/governance/internal/audit/events',
        false,
        {
          actor_id: 'x',
          actor_type: 'user',
          action: 'data_connection.create',
          resource_type: 'data_connection',
        },
      ],
      ['delete', `/governance/internal/resources/data-connections/${resource}/secrets/credentials-v1`, false],
      [
        'post',
        '/governance/internal/forwarded-secret-reads',
        false,
        {
          reads: [{ token: 'x', resource_uri: 'data:acme:analytics-prod:warehouse', name: 'credentials-v1' }],
        },
      ],
    ];
    // Every row gets all four cells: jest treats a missing trailing argument as a done callback.
    const routes = routeList.map(
      ([method, path, project, body]) => [method, path, project, body ?? null] as const,
    );

    it.each(routes)('should answer 401 without a token: %s %s', async (method, path, project, body) => {
      const req = request(http)[method](path);
      if (project) req.set('x-project-id', 'analytics-prod');
      const res = await (body ? req.send(body) : req).expect(401);
      expect(res.body.error.code).toBe('INVALID_TOKEN');
    });

    it.each(routes)('should not let another org in: %s %s', async (method, path, project, body) => {
      const req = request(http)[method](path).set('authorization', mallory);
      if (project) req.set('x-project-id', 'analytics-prod');
      const res = await (body ? req.send(body) : req);
      // Other orgs see 404 (their own org's empty views are 200, never acme data).
      if (res.status === 200) {
        expect(JSON.stringify(res.body)).not.toMatch(/analytics-prod|"org_id":"acme"/);
        expect(method).toBe('get');
      } else if (res.status === 201) {
        // mallory may create a project in her own org; it lands in globex.
        expect(res.body.org_id).toBe(OTHER_ORG);
      } else {
        expect([403, 404]).toContain(res.status);
      }
    });

    it('should answer 400 naming the cursor for an inventory cursor it did not make', async () => {
      const service = `Bearer ${h.tokens.issue({ sub: 'service-account-assets', org: ORG, extraClaims: { actor_type: 'service' } })}`;
      // Malformed (refused by the DTO), and well-formed but not one of the backend's (refused by it).
      for (const cursor of ['not*a*cursor', Buffer.from('["x"]').toString('base64url')]) {
        const res = await request(http)
          .get(`/governance/internal/resource-secrets?cursor=${cursor}`)
          .set('authorization', service)
          .expect(400);
        expect(res.body.error).toMatchObject({
          code: 'INVALID_REQUEST',
          details: { fields: [{ field: 'cursor', message: 'must be the next_cursor of a previous page' }] },
        });
      }
    });

    it('should keep internal routes to trusted service accounts', async () => {
      const res = await request(http)
        .post('/governance/internal/audit/events')
        .set('authorization', alice)
        .send({})
        .expect(404);
      expect(res.body.error.code).toBe('RESOURCE_NOT_FOUND');
      const service = `Bearer ${h.tokens.issue({ sub: 'service-account-assets', org: ORG, extraClaims: { actor_type: 'service' } })}`;
      await request(http)
        .post('/governance/internal/audit/events')
        .set('authorization', service)
        .send({
          actor_id: 'alice',
          actor_type: 'user',
          action: 'data_connection.create',
          resource_type: 'data_connection',
          resource_id: 'data:acme:analytics-prod:x',
        })
        .expect(204);
      const impostor = `Bearer ${h.tokens.issue({ sub: 'service-account-evil', org: ORG, extraClaims: { actor_type: 'service' } })}`;
      await request(http)
        .post('/governance/internal/audit/events')
        .set('authorization', impostor)
        .send({})
        .expect(404);
      // Only the platform realm's service accounts may name another org with X-Org-Id: a service
      // token from a tenant realm keeps acting in that realm's org.
      await request(http)
        .post('/governance/internal/audit/events')
        .set('authorization', service)
        .set('x-org-id', OTHER_ORG)
        .send({
          actor_id: 'svc-probe',
          actor_type: 'service',
          action: 'data_connection.verify',
          resource_type: 'data_connection',
        })
        .expect(204);
      const globexAudit = await request(http)
        .get('/governance/audit?actor_id=svc-probe')
        .set('authorization', mallory)
        .expect(200);
      expect(globexAudit.body.data).toEqual([]);
      const acmeAudit = await request(http)
        .get('/governance/audit?actor_id=svc-probe')
        .set('authorization', alice)
        .expect(200);
      expect(acmeAudit.body.data).toHaveLength(1);
      const own = await request(http)
        .get('/governance/projects')
        .set('authorization', alice)
        .set('x-org-id', OTHER_ORG)
        .expect(200);
      expect(own.body.data.map((p: { org_id: string }) => p.org_id)).not.toContain(OTHER_ORG);
    });
  });
});

/**
 * Every Governance write and its audit event commit together or not at all. The audit log is taken
 * down for real, in two places: the table cannot take the insert (renamed away), or the insert
 * succeeds and the COMMIT fails (a deferred constraint trigger raises at commit time, after the
 * change was made). Either way the caller gets 503 and finds nothing changed, and no event exists.
 * The suite runs against the embedded secrets backend and tuple store (one transaction) and against
 * Infisical and a remote OpenFGA (the external change is undone).
 */
type AuditFault = 'insert' | 'commit';

async function withAuditDown<T>(h: GovernanceHarness, fault: AuditFault, fn: () => Promise<T>): Promise<T> {
  const ds = h.infra.database.dataSource;
  if (fault === 'insert') await ds.query('ALTER TABLE audit_events RENAME TO audit_events_offline');
  else {
    await ds.query(`CREATE FUNCTION audit_commit_fault() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit log went away at commit'; END $$`);
    await ds.query(`CREATE CONSTRAINT TRIGGER audit_commit_fault AFTER INSERT ON audit_events
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_commit_fault()`);
  }
  try {
    return await fn();
  } finally {
    if (fault === 'insert') await ds.query('ALTER TABLE audit_events_offline RENAME TO audit_events');
    else {
      await ds.query('DROP TRIGGER audit_commit_fault ON audit_events');
      await ds.query('DROP FUNCTION audit_commit_fault');
    }
  }
}

const backends: Array<[string, () => Promise<{ env: NodeJS.ProcessEnv; close(): Promise<void> }>]> = [
  ['embedded secrets and tuples (one transaction)', async () => ({ env: {}, close: async () => undefined })],
  [
    'Infisical and a remote OpenFGA (compensated)',
    async () => {
      const infisical = await FakeInfisicalServer.start({ environments: ['prod'] });
      const openFga = await startOpenFgaHttpServer({ apiToken: 'audit-e2e-token' });
      return {
        env: infisicalEnv(infisical, { OPENFGA_API_URL: openFga.url, OPENFGA_API_TOKEN: 'audit-e2e-token' }),
        async close() {
          await openFga.close();
          await infisical.stop();
        },
      };
    },
  ],
];

describe.each(backends)(
  'Governance writes and their audit events commit together: %s',
  (_name, startBackends) => {
    let h: GovernanceHarness;
    let external: { close(): Promise<void> };
    let http: ReturnType<GovernanceHarness['app']['getHttpServer']>;
    let alice: string;
    let service: string;
    const project = 'audit-atomic';
    const connection = encodeURIComponent(`data:${ORG}:${project}:warehouse`);
    const resourceSecret = `/governance/resources/data-connections/${connection}/secrets`;
    const projectSecret = '/governance/resources/projects/secrets';

    beforeAll(async () => {
      const started = await startBackends();
      external = started;
      h = await startGovernanceHarness({ env: started.env });
      http = h.app.getHttpServer();
      await h.createOrg(ORG, 'alice');
      alice = h.bearer('alice', ORG);
      service = `Bearer ${h.tokens.issue({ sub: 'service-account-assets', org: ORG, extraClaims: { actor_type: 'service' } })}`;
      await request(http)
        .post('/governance/projects')
        .set('authorization', alice)
        .send({ id: project, name: 'Audit' })
        .expect(201);
      await h.infra.authz.writeTuples([
        {
          object: dataConnectionObject(ORG, project, 'warehouse'),
          relation: 'project',
          user: projectObject(ORG, project),
        },
      ]);
    });

    afterAll(async () => {
      await h?.close();
      await external?.close();
    });

    const asAlice = (method: 'get' | 'post' | 'put' | 'delete', path: string) =>
      request(http)[method](path).set('authorization', alice).set('x-project-id', project);
    const readProjectSecret = async (name: string) => {
      const res = await asAlice('get', `${projectSecret}/${name}`);
      return res.status === 200 ? (res.body.value as string) : res.status;
    };
    const readResourceSecret = async (name: string) => {
      const res = await request(http).get(`${resourceSecret}/${name}`).set('authorization', alice);
      return res.status === 200 ? (res.body.value as string) : res.status;
    };
    const grantsOf = async (user: string) => {
      const res = await request(http)
        .get(`/governance/grants?object=project:${project}`)
        .set('authorization', alice)
        .expect(200);
      return (res.body.data as Array<{ user: string; relation: string }>)
        .filter((g) => g.user === user)
        .map((g) => g.relation);
    };
    const eventCount = async (action: string) =>
      Number(
        (
          await h.infra.database.dataSource.query(
            'SELECT count(*)::int AS n FROM audit_events WHERE action = $1',
            [action],
          )
        )[0].n,
      );

    interface WriteCase {
      action: string;
      /** Seeds the state the write would change; returns the observation to compare after. */
      arrange(tag: string): Promise<void>;
      send(tag: string): request.Test;
      observe(tag: string): Promise<unknown>;
    }

    const cases: Array<[string, WriteCase]> = [
      [
        'POST /grants',
        {
          action: 'grant.create',
          arrange: async () => undefined,
          send: (tag) =>
            request(http)
              .post('/governance/grants')
              .set('authorization', alice)
              .send({ user: `user:${tag}`, relation: 'viewer', object: `project:${project}` }),
          observe: async (tag) => ({
            grants: await grantsOf(`user:${tag}`),
            sees: (
              await request(http)
                .get(`/governance/projects/${project}`)
                .set('authorization', h.bearer(tag, ORG))
            ).status,
          }),
        },
      ],
      [
        'DELETE /grants',
        {
          action: 'grant.delete',
          arrange: async (tag) => {
            await request(http)
              .post('/governance/grants')
              .set('authorization', alice)
              .send({ user: `user:${tag}`, relation: 'viewer', object: `project:${project}` })
              .expect(201);
          },
          send: (tag) =>
            request(http)
              .delete('/governance/grants')
              .set('authorization', alice)
              .send({ user: `user:${tag}`, relation: 'viewer', object: `project:${project}` }),
          observe: async (tag) => ({
            grants: await grantsOf(`user:${tag}`),
            sees: (
              await request(http)
                .get(`/governance/projects/${project}`)
                .set('authorization', h.bearer(tag, ORG))
            ).status,
          }),
        },
      ],
      [
        'POST /projects',
        {
          action: 'project.create',
          arrange: async () => undefined,
          send: (tag) =>
            request(http)
              .post('/governance/projects')
              .set('authorization', alice)
              .send({ id: tag, name: 'never' }),
          observe: async (tag) => ({
            project: (await request(http).get(`/governance/projects/${tag}`).set('authorization', alice))
              .status,
            tuples: await h.infra.authz.readTuples({ object: projectObject(ORG, tag) }),
          }),
        },
      ],
      [
        'POST project secret',
        {
          action: 'secret.create',
          arrange: async () => undefined,
          send: (tag) => asAlice('post', projectSecret).send({ name: tag, value: CANARY }),
          observe: (tag) => readProjectSecret(tag),
        },
      ],
      [
        'PUT project secret',
        {
          action: 'secret.update',
          arrange: async (tag) => {
            await asAlice('post', projectSecret).send({ name: tag, value: 'before' }).expect(201);
          },
          send: (tag) => asAlice('put', `${projectSecret}/${tag}`).send({ value: CANARY }),
          observe: (tag) => readProjectSecret(tag),
        },
      ],
      [
        'DELETE project secret',
        {
          action: 'secret.delete',
          arrange: async (tag) => {
            await asAlice('post', projectSecret).send({ name: tag, value: 'before' }).expect(201);
          },
          send: (tag) => asAlice('delete', `${projectSecret}/${tag}`),
          observe: (tag) => readProjectSecret(tag),
        },
      ],
      [
        'PUT resource secret (new)',
        {
          action: 'data_connection.secret.write',
          arrange: async () => undefined,
          send: (tag) =>
            request(http).put(`${resourceSecret}/${tag}`).set('authorization', alice).send({ value: CANARY }),
          observe: (tag) => readResourceSecret(tag),
        },
      ],
      [
        'PUT resource secret (replace)',
        {
          action: 'data_connection.secret.write',
          arrange: async (tag) => {
            await request(http)
              .put(`${resourceSecret}/${tag}`)
              .set('authorization', alice)
              .send({ value: 'before' })
              .expect(200);
          },
          send: (tag) =>
            request(http).put(`${resourceSecret}/${tag}`).set('authorization', alice).send({ value: CANARY }),
          observe: (tag) => readResourceSecret(tag),
        },
      ],
      [
        'DELETE resource secret',
        {
          action: 'data_connection.secret.delete',
          arrange: async (tag) => {
            await request(http)
              .put(`${resourceSecret}/${tag}`)
              .set('authorization', alice)
              .send({ value: 'before' })
              .expect(200);
          },
          send: (tag) => request(http).delete(`${resourceSecret}/${tag}`).set('authorization', alice),
          observe: (tag) => readResourceSecret(tag),
        },
      ],
      [
        'DELETE internal resource secret (cleanup)',
        {
          action: 'data_connection.secret.delete',
          arrange: async (tag) => {
            await request(http)
              .put(`${resourceSecret}/${tag}`)
              .set('authorization', alice)
              .send({ value: 'before' })
              .expect(200);
          },
          send: (tag) =>
            request(http)
              .delete(`/governance/internal/resources/data-connections/${connection}/secrets/${tag}`)
              .set('authorization', service),
          observe: (tag) => readResourceSecret(tag),
        },
      ],
    ];

    const matrix = cases.flatMap(([route, c]) =>
      (['insert', 'commit'] as const).map((fault) => [route, fault, c] as const),
    );
    let n = 0;

    it.each(matrix)(
      'should leave %s unapplied and unaudited when the audit %s fails',
      async (_route, fault, c) => {
        const tag = `audit-down-${++n}`;
        await c.arrange(tag);
        const before = await c.observe(tag);
        const events = await eventCount(c.action);
        const res = await withAuditDown(h, fault, () => c.send(tag));
        expect(res.status).toBe(503);
        expect(res.body.error.code).toBe('AUDIT_UNAVAILABLE');
        expect(JSON.stringify(res.body)).not.toContain(CANARY);
        expect(await c.observe(tag)).toEqual(before);
        expect(await eventCount(c.action)).toBe(events);
        // With the audit log back, the same request applies and is audited exactly once.
        const ok = await c.send(tag);
        expect(ok.status).toBeLessThan(300);
        expect(await c.observe(tag)).not.toEqual(before);
        expect(await eventCount(c.action)).toBe(events + 1);
      },
    );

    it('should answer 503 (never 500) on the internal audit route while the audit log is down', async () => {
      const body = {
        actor_id: 'alice',
        actor_type: 'user',
        action: 'data_connection.create',
        resource_type: 'data_connection',
      };
      for (const fault of ['insert', 'commit'] as const) {
        const res = await withAuditDown(h, fault, () =>
          request(http).post('/governance/internal/audit/events').set('authorization', service).send(body),
        );
        expect(res.status).toBe(503);
        expect(res.body.error.code).toBe('AUDIT_UNAVAILABLE');
      }
    });

    it('should not audit a write that failed', async () => {
      const events = await eventCount('secret.update');
      await asAlice('put', `${projectSecret}/missing-secret`).send({ value: 'x' }).expect(404);
      await request(http)
        .post('/governance/projects')
        .set('authorization', alice)
        .send({ id: project, name: 'dup' })
        .expect(409);
      expect(await eventCount('secret.update')).toBe(events);
    });
  },
);

describe('Governance audit scrubbing (e2e)', () => {
  let h: GovernanceHarness;

  beforeAll(async () => {
    h = await startGovernanceHarness();
    await h.createOrg(ORG, 'alice');
  });

  afterAll(async () => {
    await h?.close();
  });

  it('should drop nested secrets a trusted service posts in details, at any depth and spelling', async () => {
    const http = h.app.getHttpServer();
    const service = `Bearer ${h.tokens.issue({ sub: 'service-account-assets', org: ORG, extraClaims: { actor_type: 'service' } })}`;
    await request(http)
      .post('/governance/internal/audit/events')
      .set('authorization', service)
      .send({
        actor_id: 'alice',
        actor_type: 'user',
        action: 'data_connection.update',
        resource_type: 'data_connection',
        resource_id: 'data:acme:p:scrub',
        details: {
          fields: ['database_config'],
          credentials_changed: true,
          password: CANARY,
          database_config: {
            host: 'db.internal',
            Password: CANARY,
            options: { client_secret: CANARY, tls: [{ privateKey: CANARY }, { private_key: CANARY }] },
          },
          headers: [{ Authorization: `Bearer ${CANARY}` }, { apiKey: CANARY, token: CANARY }],
          dsn_hint: `postgres://admin:${CANARY}@db.internal:5432/app`,
          conninfo: `host=db password=${CANARY}`,
        },
      })
      .expect(204);
    const res = await request(http)
      .get('/governance/audit?resource_id=data:acme:p:scrub')
      .set('authorization', h.bearer('alice', ORG))
      .expect(200);
    expect(res.body.data).toHaveLength(1);
    const details = res.body.data[0].details;
    expect(JSON.stringify(res.body)).not.toContain(CANARY);
    expect(details).toMatchObject({
      fields: ['database_config'],
      credentials_changed: true,
      database_config: { host: 'db.internal', options: { tls: [{}, {}] } },
      headers: [{}, {}],
    });
    const stored = await h.infra.database.dataSource.query(
      `SELECT details::text AS d FROM audit_events WHERE resource_id = 'data:acme:p:scrub'`,
    );
    expect(stored[0].d).not.toContain(CANARY);
  });
});
