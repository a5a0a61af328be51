import request from 'supertest';
import { startAssetsHarness, type AssetsHarness } from '../support/assets-harness.js';

const ORG = 'acme';
const PROJECT = 'analytics-prod';

const nestedArrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const nestedObjects = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

const connection = (extra: Record<string, unknown> = {}) => ({
  name: 'Warehouse',
  connection_type: 'postgres',
  database_config: { host: 'db.example.com', port: 5432, database: 'analytics' },
  credentials: { username: 'reader', password: 'pw' },
  ...extra,
});

/** Input that used to become a 500: deeply nested JSON and U+0000, on both services. */
describe('Hostile input (e2e)', () => {
  let h: AssetsHarness;
  let assets: ReturnType<AssetsHarness['app']['getHttpServer']>;
  let gov: ReturnType<AssetsHarness['governance']['app']['getHttpServer']>;
  const alice = () => h.governance.bearer('alice', ORG);

  beforeAll(async () => {
    h = await startAssetsHarness();
    assets = h.app.getHttpServer();
    gov = h.governance.app.getHttpServer();
    await h.governance.createOrg(ORG, 'alice');
    await request(gov)
      .post('/governance/projects')
      .set('authorization', alice())
      .send({ id: PROJECT, name: 'Analytics' })
      .expect(201);
  });

  afterAll(async () => {
    await h?.close();
  });

  const expectEnvelope = (res: request.Response, status: number, code: string) => {
    expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
    expect(res.body.error.request_id).toBe(res.headers['x-request-id']);
  };

  describe('deeply nested JSON', () => {
    // Every JSON body route shape: Governance and Assets, with and without charset, arrays and objects.
    const routes = () => [
      { app: gov, method: 'post' as const, path: '/governance/projects', project: null },
      { app: gov, method: 'post' as const, path: '/governance/resources/projects/secrets', project: PROJECT },
      { app: gov, method: 'post' as const, path: '/governance/grants', project: null },
      { app: assets, method: 'post' as const, path: '/assets/data', project: PROJECT },
      { app: assets, method: 'post' as const, path: '/assets/data/verify', project: PROJECT },
      {
        app: assets,
        method: 'patch' as const,
        path: `/assets/data/data:${ORG}:${PROJECT}:nope`,
        project: PROJECT,
      },
    ];
    const bodies: Array<[string, string]> = [
      ['5,000 nested arrays', nestedArrays(5_000)],
      ['250,000 nested arrays', nestedArrays(250_000)],
      ['100,000 nested objects', nestedObjects(100_000)],
      ['a nested field of a valid body', JSON.stringify(connection()).replace('"pw"', nestedArrays(50_000))],
      ['unterminated nesting', '['.repeat(200_000)],
      ['brackets hidden in strings, then nesting', `{"a":"${'['.repeat(1000)}","b":${nestedArrays(100)}}`],
    ];

    it.each(bodies)('should answer 422 in the envelope to %s on every JSON route', async (_name, body) => {
      for (const contentType of [
        'application/json',
        'application/json; charset=utf-8',
        'Application/JSON;charset=UTF-8',
      ]) {
        for (const route of routes()) {
          const agent = request(route.app);
          const req = agent[route.method](route.path)
            .set('authorization', alice())
            .set('content-type', contentType);
          if (route.project) void req.set('x-project-id', route.project);
          const res = await req.send(body);
          expectEnvelope(res, 422, 'VALIDATION_ERROR');
          expect(res.body.error.details).toEqual({
            fields: [{ field: 'body', message: 'is nested deeper than 64 levels' }],
          });
        }
      }
    });

    it('should still accept nesting up to the limit, and refuse one level more', async () => {
      // Depth 64 reaches validation (an unknown field); depth 65 is refused before parsing.
      const within = await request(gov)
        .post('/governance/projects')
        .set('authorization', alice())
        .set('content-type', 'application/json')
        .send(`{"id":"deep-ok","name":"x","extra":${nestedArrays(63)}}`);
      expectEnvelope(within, 422, 'VALIDATION_ERROR');
      expect(within.body.error.details.fields).toEqual([{ field: 'extra', message: 'is not allowed' }]);
      const beyond = await request(gov)
        .post('/governance/projects')
        .set('authorization', alice())
        .set('content-type', 'application/json')
        .send(`{"id":"deep-ok","name":"x","extra":${nestedArrays(64)}}`);
      expect(beyond.body.error.details).toEqual({
        fields: [{ field: 'body', message: 'is nested deeper than 64 levels' }],
      });
    });

    it('should not parse other JSON media types at all', async () => {
      const res = await request(assets)
        .post('/assets/data')
        .set('authorization', alice())
        .set('x-project-id', PROJECT)
        .set('content-type', 'application/merge-patch+json')
        .send(nestedArrays(100_000));
      expect(res.status).toBe(415);
      expect(res.body.error.status).toBe(415);
    });
  });

  describe('U+0000', () => {
    it('should answer 422 naming the field for NUL in a body field, raw or escaped, on both services', async () => {
      const raw = await request(assets)
        .post('/assets/data')
        .set('authorization', alice())
        .set('x-project-id', PROJECT)
        .send(connection({ name: 'ware\u0000house' }));
      expectEnvelope(raw, 422, 'VALIDATION_ERROR');
      expect(raw.body.error.details.fields).toEqual([{ field: 'name', message: 'must not contain U+0000' }]);
      const escaped = await request(assets)
        .post('/assets/data')
        .set('authorization', alice())
        .set('x-project-id', PROJECT)
        .set('content-type', 'application/json')
        .send(JSON.stringify(connection({ description: 'x' })).replace('"x"', '"x\\u0000y"'));
      expectEnvelope(escaped, 422, 'VALIDATION_ERROR');
      expect(escaped.body.error.details.fields).toEqual([
        { field: 'description', message: 'must not contain U+0000' },
      ]);
      const nested = await request(assets)
        .post('/assets/data')
        .set('authorization', alice())
        .set('x-project-id', PROJECT)
        .send(connection({ tags: ['ok', 'b\u0000d'] }));
      expect(nested.body.error.details.fields).toEqual([
        { field: 'tags.1', message: 'must not contain U+0000' },
      ]);
      const key = await request(assets)
        .post('/assets/data')
        .set('authorization', alice())
        .set('x-project-id', PROJECT)
        .send({ ...connection(), 'k\u0000': 1 });
      expectEnvelope(key, 422, 'VALIDATION_ERROR');
      const project = await request(gov)
        .post('/governance/projects')
        .set('authorization', alice())
        .send({ id: 'nul-proj', name: 'N\u0000L' });
      expectEnvelope(project, 422, 'VALIDATION_ERROR');
      const secret = await request(gov)
        .post('/governance/resources/projects/secrets')
        .set('authorization', alice())
        .set('x-project-id', PROJECT)
        .send({ name: 'warehouse', value: 'pw', description: 'a\u0000b' });
      expectEnvelope(secret, 422, 'VALIDATION_ERROR');
    });

    it.each([
      ['search', '/assets/data?search=a%00b'],
      ['search, twice', '/assets/data?search=ok&search=a%00b'],
      ['a paging parameter', '/assets/data?page=1%00'],
      ['an unknown parameter', '/assets/data?x%00=1'],
    ])('should answer 400 for NUL in a query string (%s)', async (_name, path) => {
      const res = await request(assets).get(path).set('authorization', alice()).set('x-project-id', PROJECT);
      expectEnvelope(res, 400, 'INVALID_REQUEST');
    });

    it.each([
      ['Assets, a connection URI', () => assets, `/assets/data/data:${ORG}:${PROJECT}:a%00b`],
      ['Assets, a connection secret', () => assets, `/assets/data/data:${ORG}:${PROJECT}:a%00b/secret`],
      ['Governance, a project', () => gov, '/governance/projects/a%00b'],
      ['Governance, a project secret', () => gov, '/governance/resources/projects/secrets/a%00b'],
      [
        'Governance, a resource secret',
        () => gov,
        `/governance/resources/data-connections/data:${ORG}:${PROJECT}:a%00b/secrets/credentials`,
      ],
    ])('should answer 400 for NUL in a path parameter (%s)', async (_name, app, path) => {
      const res = await request(app()).get(path).set('authorization', alice()).set('x-project-id', PROJECT);
      expectEnvelope(res, 400, 'INVALID_REQUEST');
    });

    it.each([
      ['name', { key: 'docs/a.txt', name: 'A\u0000B', description: 'd' }],
      ['description', { key: 'docs/b.txt', name: 'B', description: 'd\u0000' }],
      ['tags', { key: 'docs/c.txt', name: 'C', description: 'd', tags: 'x\u0000' }],
      ['key', { key: 'docs/\u0000.txt', name: 'D', description: 'd' }],
    ])(
      'should answer 4xx, never 500, for NUL in the multipart field %s of a file upload',
      async (_name, fields) => {
        const req = request(assets)
          .post('/assets/files')
          .set('authorization', alice())
          .set('x-project-id', PROJECT);
        for (const [k, v] of Object.entries(fields)) void req.field(k, v);
        const res = await req.attach('file', Buffer.from('x'), 'x.txt');
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.body.error.status).toBe(res.status);
      },
    );

    it('should answer 400 for NUL in the Governance audit filter and grants query', async () => {
      for (const path of [
        '/governance/audit?action=a%00',
        `/governance/grants?object=project:${PROJECT}%00`,
        '/governance/projects?page=1&limit=2%00',
      ]) {
        const res = await request(gov).get(path).set('authorization', alice());
        expectEnvelope(res, 400, 'INVALID_REQUEST');
      }
    });
  });
});
