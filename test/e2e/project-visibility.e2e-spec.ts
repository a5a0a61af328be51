import request from 'supertest';
import type { GovernanceClient } from '../../apps/assets/src/governance/governance.client.js';
import { startAssetsHarness, type AssetsHarness } from '../support/assets-harness.js';

const ORG = 'acme';

/**
 * The X-Project-ID guard reveals nothing the caller could not read: a project the caller cannot
 * read answers exactly like one that does not exist, whatever other callers did before.
 */
describe('X-Project-ID visibility (e2e)', () => {
  let h: AssetsHarness;
  let assets: ReturnType<AssetsHarness['app']['getHttpServer']>;
  let gov: ReturnType<AssetsHarness['governance']['app']['getHttpServer']>;
  const as = (user: string) => h.governance.bearer(user, ORG);
  let governanceCalls: string[];

  beforeAll(async () => {
    h = await startAssetsHarness();
    assets = h.app.getHttpServer();
    gov = h.governance.app.getHttpServer();
    await h.governance.createOrg(ORG, 'alice');
    for (const id of ['team-a', 'secret-proj'])
      await request(gov)
        .post('/governance/projects')
        .set('authorization', as('alice'))
        .send({ id, name: id })
        .expect(201);
    // bob is an org member and a viewer of team-a only.
    await request(gov)
      .post('/governance/grants')
      .set('authorization', as('alice'))
      .send({ user: 'user:bob', relation: 'member', object: `organization:${ORG}` })
      .expect(201);
    await request(gov)
      .post('/governance/grants')
      .set('authorization', as('alice'))
      .send({ user: 'user:bob', relation: 'viewer', object: 'project:team-a' })
      .expect(201);
    // Observe (not replace) the real client of every replica, to see what each guard decision costs.
    for (const replica of h.replicas) {
      const client: GovernanceClient = replica.infra.governance;
      const real = client.request.bind(client);
      client.request = (caller, method, path, ...rest) => {
        governanceCalls.push(`${method} ${path}`);
        return real(caller, method, path, ...rest);
      };
    }
  });

  beforeEach(() => {
    governanceCalls = [];
  });

  afterAll(async () => {
    await h?.close();
  });

  // /assets/me answers with the validated project: the guard alone decides it.
  const list = (user: string, project: string, server = assets) =>
    request(server).get('/assets/me').set('authorization', as(user)).set('x-project-id', project);
  // Each request has its own request id and trace id; everything else must be identical.
  const withoutIds = (body: { error: Record<string, unknown> }) => ({
    ...body.error,
    request_id: undefined,
    trace_id: undefined,
  });

  it('should keep answering 404 to a caller who cannot read a project after someone who can has used it', async () => {
    const before = await list('bob', 'secret-proj').expect(404);
    await list('alice', 'secret-proj').expect(200);
    await list('alice', 'secret-proj').expect(200);
    const after = await list('bob', 'secret-proj').expect(404);
    expect(withoutIds(after.body)).toEqual(withoutIds(before.body));
    // bob still reaches the project he can read.
    await list('bob', 'team-a').expect(200);
  });

  it('should answer an unreadable project exactly like a missing one, with the same work behind it', async () => {
    await list('alice', 'secret-proj').expect(200); // whatever others have cached
    governanceCalls = [];
    const unreadable = await list('bob', 'secret-proj').expect(404);
    const unreadableCalls = [...governanceCalls];
    governanceCalls = [];
    const missing = await list('bob', 'no-such-proj').expect(404);
    expect(withoutIds(unreadable.body)).toEqual(withoutIds(missing.body));
    expect(unreadableCalls).toEqual(['GET projects/secret-proj']);
    expect(governanceCalls).toEqual(['GET projects/no-such-proj']);
  });

  it('should reuse a positive answer for the same caller only', async () => {
    await request(gov)
      .post('/governance/grants')
      .set('authorization', as('alice'))
      .send({ user: 'user:dora', relation: 'viewer', object: 'project:team-a' })
      .expect(201);
    // The answer is reused by the process that got it: every request goes to the same replica.
    const one = h.replicas[0]!.app.getHttpServer();
    await list('alice', 'team-a', one).expect(200);
    governanceCalls = [];
    await list('alice', 'team-a', one).expect(200);
    expect(governanceCalls).toEqual([]);
    await list('dora', 'team-a', one).expect(200);
    expect(governanceCalls).toEqual(['GET projects/team-a']);
  });

  it("should answer Governance's own X-Project-ID routes the same for an unreadable and a missing project, with the same work behind it", async () => {
    const checks: string[] = [];
    // Every Governance replica's engine is observed (one unless E2E_REPLICAS).
    const restore = h.governance.replicas.map(({ infra: { authz } }) => {
      const check = authz.check.bind(authz);
      const batchCheck = authz.batchCheck.bind(authz);
      authz.check = (req) => (checks.push(`check ${req.relation}`), check(req));
      authz.batchCheck = (reqs) => (
        checks.push(...reqs.map((r) => `batchCheck ${r.relation}`)),
        batchCheck(reqs)
      );
      return () => {
        authz.check = check;
        authz.batchCheck = batchCheck;
      };
    });
    try {
      const secrets = async (project: string) => {
        checks.length = 0;
        const res = await request(gov)
          .get('/governance/resources/projects/secrets')
          .set('authorization', as('bob'))
          .set('x-project-id', project)
          .expect(404);
        return { body: withoutIds(res.body), checks: [...checks] };
      };
      const unreadable = await secrets('secret-proj');
      const missing = await secrets('no-such-proj');
      expect(unreadable).toEqual(missing);
      expect(unreadable.body).toMatchObject({ code: 'RESOURCE_NOT_FOUND', message: 'Project not found' });
      expect(unreadable.checks).toEqual(['check can_read']);
    } finally {
      for (const undo of restore) undo();
    }
  });
});
