import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { FakeInfisicalServer } from '@app/testing';
import { infisicalFolderPath, normalizeScope } from '@app/secrets';
import { startGovernanceHarness, type GovernanceHarness } from '../support/governance-harness.js';
import { startAssetsHarness, type AssetsHarness } from '../support/assets-harness.js';
import { infisicalEnv } from '../support/infisical-env.js';

const ORG = 'acme';
const PROJECT = 'deadlines';
const SECRETS = '/governance/resources/projects/secrets';
const HEADER = 'x-request-timeout-ms';
/** Infisical's own per-call bound: what every call waited for before deadlines flowed from the caller. */
const INFISICAL_TIMEOUT_MS = 6000;
const GOVERNANCE_REQUEST_TIMEOUT_MS = 1500;
/** Scheduling slack on a shared, busy CI machine; far below INFISICAL_TIMEOUT_MS. */
const SLACK_MS = 1200;

const deadlineEnv = (fake: FakeInfisicalServer): NodeJS.ProcessEnv =>
  infisicalEnv(fake, { INFISICAL_TIMEOUT_MS: String(INFISICAL_TIMEOUT_MS) });

/** Resolves when the fake receives a matching request (its arrival, not its answer). */
function arrival(fake: FakeInfisicalServer, method: string, path: string): Promise<number> {
  return new Promise((resolve) => {
    const previous = fake.beforeRoute;
    fake.beforeRoute = (m, p) => {
      previous?.(m, p);
      if (m === method && p === path) resolve(performance.now());
    };
  });
}

async function timed<T>(run: () => PromiseLike<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await run();
  return { result, ms: performance.now() - started };
}

describe('Deadlines from the caller (e2e)', () => {
  describe('Governance honours X-Request-Timeout-Ms', () => {
    let fake: FakeInfisicalServer;
    let h: GovernanceHarness;
    let http: ReturnType<GovernanceHarness['app']['getHttpServer']>;
    let alice: string;
    const as = (method: 'get' | 'post' | 'put' | 'delete', path: string) =>
      request(http)[method](path).set('authorization', alice).set('x-project-id', PROJECT);

    beforeAll(async () => {
      fake = await FakeInfisicalServer.start({ environments: ['prod'] });
      h = await startGovernanceHarness({
        env: { ...deadlineEnv(fake), GOVERNANCE_REQUEST_TIMEOUT_MS: String(GOVERNANCE_REQUEST_TIMEOUT_MS) },
      });
      http = h.app.getHttpServer();
      await h.createOrg(ORG, 'alice');
      alice = h.bearer('alice', ORG);
      await request(http)
        .post('/governance/projects')
        .set('authorization', alice)
        .send({ id: PROJECT, name: 'Deadlines' })
        .expect(201);
      await as('post', SECRETS).send({ name: 'present', value: 'v1' }).expect(201); // logged in, token cached
    });
    afterAll(async () => {
      fake?.thaw();
      await h?.close();
      await fake?.stop();
    });
    afterEach(() => {
      fake.thaw();
      fake.beforeRoute = null;
    });

    it.each(['abc', '-1', '1.5', '100ms', '1e3', ' ', '12345678901'])(
      'should refuse a malformed header %p with 400 in the envelope',
      async (value) => {
        const before = fake.requests.length;
        const res = await as('put', `${SECRETS}/present`)
          .set(HEADER, value)
          .send({ value: 'v2' })
          .expect(400);
        expect(res.body.error).toMatchObject({
          code: 'INVALID_REQUEST',
          status: 400,
          details: { fields: [{ field: HEADER, message: 'must be a whole number of milliseconds' }] },
        });
        expect(fake.requests.length).toBe(before);
      },
    );

    it('should send nothing to the backend for a write whose deadline has already passed', async () => {
      const before = fake.requests.length;
      const res = await as('put', `${SECRETS}/present`).set(HEADER, '0').send({ value: 'late' }).expect(504);
      expect(res.body.error).toMatchObject({
        code: 'DEADLINE_EXCEEDED',
        status: 504,
        details: { outcome: 'not_applied' },
      });
      await as('post', SECRETS).set(HEADER, '0').send({ name: 'never', value: 'late' }).expect(504);
      await as('delete', `${SECRETS}/present`).set(HEADER, '0').expect(504);
      expect(fake.requests.slice(before)).toEqual([]);
      await expect(as('get', `${SECRETS}/present`).expect(200)).resolves.toMatchObject({
        body: { value: 'v1' },
      });
      await as('get', `${SECRETS}/never`).expect(404);
    });

    it('should fail a call given 300 ms in about 300 ms, whatever the backend does', async () => {
      fake.freeze();
      const { result, ms } = await timed(() => as('get', `${SECRETS}/present`).set(HEADER, '300'));
      expect(result.status).toBe(504);
      expect(result.body.error.code).toBe('DEADLINE_EXCEEDED');
      expect(ms).toBeGreaterThanOrEqual(290);
      expect(ms).toBeLessThan(300 + SLACK_MS);
    });

    it('should bound a request without the header, or with a larger one, by GOVERNANCE_REQUEST_TIMEOUT_MS', async () => {
      fake.freeze();
      for (const header of [undefined, '600000']) {
        const req = as('get', `${SECRETS}/present`);
        const { result, ms } = await timed(() => (header ? req.set(HEADER, header) : req));
        expect(result.status).toBe(504);
        expect(ms).toBeGreaterThanOrEqual(GOVERNANCE_REQUEST_TIMEOUT_MS - 10);
        expect(ms).toBeLessThan(GOVERNANCE_REQUEST_TIMEOUT_MS + SLACK_MS);
      }
    });

    it('should undo a write still in flight at the deadline and answer 504', async () => {
      const key = `/api/v3/secrets/raw/in-flight`;
      fake.freeze((method, path) => method === 'POST' && path === key);
      const undone = arrival(fake, 'DELETE', key);
      const { result, ms } = await timed(() =>
        as('post', SECRETS).set(HEADER, '300').send({ name: 'in-flight', value: 'stuck' }),
      );
      expect(result.status).toBe(504);
      expect(result.body.error).toMatchObject({
        code: 'DEADLINE_EXCEEDED',
        details: { outcome: 'not_applied' },
      });
      expect(ms).toBeLessThan(300 + SLACK_MS);
      await undone; // the compensating delete was sent before the answer
      expect(fake.heldCount).toBe(1);
    });

    it('should abort the backend call when the client goes away', async () => {
      const key = `/api/v3/secrets/raw/abandoned`;
      fake.freeze((method, path) => method === 'POST' && path === key);
      const undone = arrival(fake, 'DELETE', key);
      const started = performance.now();
      await expect(
        as('post', SECRETS).set(HEADER, '30000').timeout(300).send({ name: 'abandoned', value: 'gone' }),
      ).rejects.toThrow(/timeout/i);
      // Without the disconnect the write would hang until INFISICAL_TIMEOUT_MS and never be undone.
      let bound: NodeJS.Timeout | undefined;
      const noUndo = new Promise<number>(
        (resolve) => (bound = setTimeout(() => resolve(Number.POSITIVE_INFINITY), 300 + SLACK_MS)),
      );
      const at = await Promise.race([undone, noUndo]);
      clearTimeout(bound);
      expect(at - started).toBeLessThan(300 + SLACK_MS);
    });
  });

  describe('Assets → Governance → Infisical: a late write cannot outrun the undo', () => {
    const ASSETS_BUDGET_MS = 1000;
    let fake: FakeInfisicalServer;
    let h: AssetsHarness;

    beforeAll(async () => {
      fake = await FakeInfisicalServer.start({ environments: ['prod'] });
      h = await startAssetsHarness({
        governanceEnv: deadlineEnv(fake),
        env: { RECONCILE_INTERVAL_MS: '0', GOVERNANCE_TIMEOUT_MS: String(ASSETS_BUDGET_MS) },
      });
      const gov = h.governance.app.getHttpServer();
      await h.governance.createOrg(ORG, 'alice');
      await request(gov)
        .post('/governance/projects')
        .set('authorization', h.governance.bearer('alice', ORG))
        .send({ id: PROJECT, name: 'Deadlines' })
        .expect(201);
    });
    afterAll(async () => {
      fake?.thaw();
      await h?.close();
      await fake?.stop();
    });

    it('should remove a credentials write that Infisical applies after the create was given up and undone', async () => {
      const resourceUri = `data:${ORG}:${PROJECT}:late-write-db`;
      const folder = infisicalFolderPath(normalizeScope({ orgId: ORG, projectId: PROJECT, resourceUri }));
      const key = '/api/v3/secrets/raw/credentials-v1';
      // The write that would land: the one sent once the resource folder exists.
      fake.freeze(
        (method, path) => method === 'POST' && path === key && fake.folderPaths('prod').includes(folder),
      );
      const assetsDb = h.infra.database.dataSource;

      const { result, ms } = await timed(() =>
        request(h.app.getHttpServer())
          .post('/assets/data')
          .set('authorization', h.governance.bearer('alice', ORG))
          .set('x-project-id', PROJECT)
          .send({
            name: 'Late Write DB',
            connection_type: 'postgres',
            database_config: { host: 'db.example.com', port: 5432, database: 'app' },
            credentials: { username: 'u', password: 'late-write-canary-31f7' },
          }),
      );
      expect(result.status).toBe(503);
      // Assets' budget bounds the whole call (its undo included), not Infisical's timeout.
      expect(ms).toBeLessThan(3 * ASSETS_BUDGET_MS + SLACK_MS);
      expect(fake.heldCount).toBe(1);

      // The held write lands now, after every undo so far found nothing.
      fake.thaw();
      await new Promise<void>((resolve) => setImmediate(resolve));
      expect(fake.storedValue('prod', folder, 'credentials-v1')).toBeDefined();

      // Before the settle lease has run out, the reconciler leaves the operation alone.
      expect((await h.reconciler.runOnce()).claimed).toBe(0);
      const [op] = (await assetsDb.query(
        `SELECT status, lease_until > now() + interval '60 seconds' AS held FROM connection_operations WHERE resource_uri = $1`,
        [resourceUri],
      )) as Array<{ status: string; held: boolean }>;
      expect(op).toEqual({ status: 'pending', held: true });

      // Once it has (moved, not waited for), the reconciler purges again and catches the late write.
      await assetsDb.query(
        `UPDATE connection_operations SET lease_until = now() - interval '1 second' WHERE status = 'pending'`,
      );
      expect(await h.reconciler.runOnce()).toMatchObject({ claimed: 1, rolledBack: 1, failed: 0 });
      expect(fake.storedValue('prod', folder, 'credentials-v1')).toBeUndefined();
      expect(
        await assetsDb.query(`SELECT 1 FROM data_connections WHERE resource_uri = $1`, [resourceUri]),
      ).toEqual([]);
    });
  });
});
