import request from 'supertest';
import { startAssetsHarness, type AssetsHarness } from '../support/assets-harness.js';

describe('Assets shell (e2e)', () => {
  let h: AssetsHarness;
  let http: ReturnType<AssetsHarness['app']['getHttpServer']>;

  beforeAll(async () => {
    h = await startAssetsHarness();
    http = h.app.getHttpServer();
    await h.governance.createOrg('acme', 'alice');
    await h.governance.createOrg('globex', 'mallory');
    await request(h.governance.app.getHttpServer())
      .post('/governance/projects')
      .set('authorization', h.governance.bearer('alice', 'acme'))
      .send({ id: 'analytics-prod', name: 'Analytics' })
      .expect(201);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('should serve health and docs without a token', async () => {
    await request(http).get('/health/live').expect(200);
    const ready = await request(http).get('/health/ready').expect(200);
    expect(ready.body.info).toMatchObject({
      database: { status: 'up' },
      authz: { status: 'up' },
      governance: { status: 'up' },
    });
    const docs = await request(http).get('/docs-json').expect(200);
    expect(docs.body.info.title).toBe('Assets API');
    expect(docs.body.paths['/assets/me']).toBeDefined();
  });

  it('should answer 401 without a token, in the envelope', async () => {
    const res = await request(http).get('/assets/me').expect(401);
    expect(res.body.error).toMatchObject({ code: 'INVALID_TOKEN', status: 401 });
    expect(res.headers['x-request-id']).toBe(res.body.error.request_id);
  });

  it('should accept a Governance-issued dev token and resolve the project through Governance', async () => {
    const alice = h.governance.bearer('alice', 'acme');
    const orgScope = await request(http).get('/assets/me').set('authorization', alice).expect(200);
    expect(orgScope.body).toEqual({ user_id: 'alice', org_id: 'acme', actor_type: 'user', project_id: null });
    const project = await request(http)
      .get('/assets/me')
      .set('authorization', alice)
      .set('x-project-id', 'analytics-prod')
      .expect(200);
    expect(project.body.project_id).toBe('analytics-prod');
  });

  it('should not let another org use a project header it cannot see', async () => {
    const mallory = h.governance.bearer('mallory', 'globex');
    const res = await request(http)
      .get('/assets/me')
      .set('authorization', mallory)
      .set('x-project-id', 'analytics-prod')
      .expect(404);
    expect(res.body.error.code).toBe('RESOURCE_NOT_FOUND');
    await request(http)
      .get('/assets/me')
      .set('authorization', h.governance.bearer('alice', 'acme'))
      .set('x-project-id', 'Not A Slug')
      .expect(400);
  });

  it('should answer through the OpenFGA client against Governance tuples', async () => {
    const allowed = await h.infra.authz.check({
      user: 'user:alice',
      relation: 'can_create_resources',
      object: 'project:acme/analytics-prod',
    });
    const denied = await h.infra.authz.check({
      user: 'user:mallory',
      relation: 'can_read',
      object: 'project:acme/analytics-prod',
    });
    expect([allowed, denied]).toEqual([true, false]);
  });
});
