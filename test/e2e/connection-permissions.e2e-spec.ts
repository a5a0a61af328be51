import request from 'supertest';
import { startAssetsHarness, type AssetsHarness } from '../support/assets-harness.js';

const ORG = 'acme';
const PROJECT = 'analytics-prod';

describe('Connection permissions (e2e)', () => {
  let h: AssetsHarness;
  let http: ReturnType<AssetsHarness['app']['getHttpServer']>;
  let uri: string;
  const as = (user: string, org = ORG) => h.governance.bearer(user, org);
  const permissionsOf = (user: string, org = ORG, project: string | null = PROJECT) => {
    const req = request(http).get(`/assets/data/${uri}/permissions`).set('authorization', as(user, org));
    return project ? req.set('x-project-id', project) : req;
  };

  beforeAll(async () => {
    h = await startAssetsHarness();
    http = h.app.getHttpServer();
    const gov = h.governance.app.getHttpServer();
    await h.governance.createOrg(ORG, 'alice');
    await h.governance.createOrg('globex', 'mallory');
    await request(gov)
      .post('/governance/projects')
      .set('authorization', as('alice'))
      .send({ id: PROJECT, name: PROJECT })
      .expect(201);
    for (const [user, relation, object] of [
      ['dave', 'developer', `project:${PROJECT}`],
      ['olivia', 'operator', `project:${PROJECT}`],
      ['victor', 'viewer', `project:${PROJECT}`],
      ['mike', 'member', `organization:${ORG}`],
    ])
      await request(gov)
        .post('/governance/grants')
        .set('authorization', as('alice'))
        .send({ user: `user:${user}`, relation, object })
        .expect(201);
    const created = await request(http)
      .post('/assets/data')
      .set('authorization', as('alice'))
      .set('x-project-id', PROJECT)
      .send({
        name: 'Orders',
        connection_type: 'postgres',
        database_config: { host: 'db.example.com', port: 5432, database: 'orders' },
        credentials: { username: 'u', password: 'p' },
      })
      .expect(201);
    uri = created.body.resource_uri;
  });

  afterAll(async () => {
    await h?.close();
  });

  it('answers each role what the model grants it, as the routes enforce it', async () => {
    const expected = {
      alice: {
        can_read: true,
        can_write: true,
        can_execute: true,
        can_manage_secrets: true,
        can_delete: true,
      },
      // A developer is an operator too.
      dave: {
        can_read: true,
        can_write: true,
        can_execute: true,
        can_manage_secrets: true,
        can_delete: true,
      },
      olivia: {
        can_read: true,
        can_write: true,
        can_execute: true,
        can_manage_secrets: false,
        can_delete: false,
      },
      victor: {
        can_read: true,
        can_write: false,
        can_execute: false,
        can_manage_secrets: false,
        can_delete: false,
      },
    };
    for (const [user, permissions] of Object.entries(expected)) {
      const res = await permissionsOf(user).expect(200);
      expect([user, res.body]).toEqual([user, { resource_uri: uri, ...permissions }]);
    }
    // The answer matches the routes: the viewer is refused the secret, the operator gets it.
    await request(http)
      .get(`/assets/data/${uri}/secret`)
      .set('authorization', as('victor'))
      .set('x-project-id', PROJECT)
      .expect(403);
    await request(http)
      .get(`/assets/data/${uri}/secret`)
      .set('authorization', as('olivia'))
      .set('x-project-id', PROJECT)
      .expect(200);
  });

  it('answers 401 without a token, and 404 to whoever cannot see the connection', async () => {
    await request(http).get(`/assets/data/${uri}/permissions`).set('x-project-id', PROJECT).expect(401);
    for (const [user, org] of [
      ['mallory', 'globex'],
      ['mike', ORG],
    ]) {
      const res = await permissionsOf(user, org, null).expect(404);
      expect(res.body.error.code).toBe('RESOURCE_NOT_FOUND');
    }
    await request(http)
      .get('/assets/data/data:acme:analytics-prod:no-such-connection/permissions')
      .set('authorization', as('alice'))
      .set('x-project-id', PROJECT)
      .expect(404);
  });
});
