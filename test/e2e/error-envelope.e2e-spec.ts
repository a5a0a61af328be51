import request from 'supertest';
import { startAssetsHarness, type AssetsHarness } from '../support/assets-harness.js';

const ORG = 'acme';
const PROJECT = 'analytics-prod';

/** One envelope and one shape on both services, whatever raised the error. */
describe('Error envelope (e2e)', () => {
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

  it.each([
    ['assets', () => assets, '/assets/data'],
    ['governance', () => gov, '/governance/projects'],
  ])(
    'should answer malformed JSON on %s with the 400 envelope, quoting nothing',
    async (_name, app, path) => {
      const res = await request(app())
        .post(path)
        .set('authorization', alice())
        .set('x-project-id', PROJECT)
        .set('content-type', 'application/json')
        .send('{"name": "s3cr3t-value", ');
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        code: 'INVALID_REQUEST',
        status: 400,
        message: 'Malformed request',
      });
      expect(res.body.error.request_id).toBe(res.headers['x-request-id']);
      expect(JSON.stringify(res.body)).not.toContain('s3cr3t');
    },
  );

  it.each([
    ['a form', 'application/x-www-form-urlencoded', '{"a": 1}=x'],
    ['text', 'text/plain', '{"name": "x"}'],
    ['XML', 'application/xml', '<name>x</name>'],
  ])('should refuse %s on a JSON route with 415, quoting nothing', async (_name, type, body) => {
    for (const [app, path] of [
      [assets, '/assets/data'],
      [gov, '/governance/projects'],
    ] as const) {
      const res = await request(app)
        .post(path)
        .set('authorization', alice())
        .set('x-project-id', PROJECT)
        .set('content-type', type)
        .send(body);
      expect({ status: res.status, code: res.body.error?.code }).toEqual({
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
      });
      expect(JSON.stringify(res.body)).not.toContain('"a"');
    }
  });

  it.each(['/health/live', '/health/ready'])(
    'should refuse hostile input on the public %s too',
    async (path) => {
      const res = await request(assets).get(`${path}?probe=%00`).expect(400);
      expect(res.body.error.details).toEqual({
        fields: [{ field: 'probe', message: 'must not contain U+0000' }],
      });
    },
  );

  it('should ignore a Content-Type on a request without a body', async () => {
    const res = await request(gov)
      .get('/governance/projects')
      .set('authorization', alice())
      .set('content-type', 'text/plain')
      .expect(200);
    expect(res.body.data.map((p: { id: string }) => p.id)).toContain(PROJECT);
    await request(assets)
      .delete('/assets/data/data:acme:analytics-prod:missing')
      .set('authorization', alice())
      .set('x-project-id', PROJECT)
      .set('content-type', 'application/xml')
      .expect(404);
  });

  it.each([
    ['assets', () => assets, '/assets/data', 'assets'],
    ['governance', () => gov, '/governance/projects', 'governance'],
  ])('should challenge a 401 on %s (RFC 6750), naming a rejected token', async (_name, app, path, realm) => {
    const none = await request(app()).get(path).expect(401);
    expect(none.headers['www-authenticate']).toBe(`Bearer realm="${realm}"`);
    const bad = await request(app()).get(path).set('authorization', 'Bearer not-a-jwt').expect(401);
    expect(bad.headers['www-authenticate']).toBe(`Bearer realm="${realm}", error="invalid_token"`);
    expect(bad.body.error.code).toBe('INVALID_TOKEN');
  });

  it('should mark every error uncacheable', async () => {
    const res = await request(assets)
      .get('/assets/data/data:acme:analytics-prod:missing')
      .set('authorization', alice())
      .set('x-project-id', PROJECT);
    expect(res.status).toBe(404);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('should report validation problems as fields with messages: a missing field is required, an unknown one not allowed', async () => {
    const res = await request(assets)
      .post('/assets/data')
      .set('authorization', alice())
      .set('x-project-id', PROJECT)
      .send({ name: 'Warehouse', connection_type: 'postgres', surprise: 1 })
      .expect(422);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    const fields = res.body.error.details.fields as { field: string; message: string }[];
    expect(fields).toEqual(
      expect.arrayContaining([
        { field: 'credentials', message: 'is required' },
        { field: 'surprise', message: 'is not allowed' },
      ]),
    );
    for (const problem of fields) expect(Object.keys(problem).sort()).toEqual(['field', 'message']);
  });
});
