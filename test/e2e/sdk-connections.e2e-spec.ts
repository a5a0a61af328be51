import { connect } from 'node:net';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '@app/database';
import { AssetsApiError, type AssetsClient } from '../../sdk/typescript/src/index.js';
import { startSdkTenant, type SdkTenant } from '../support/sdk-harness.js';

const PROJECT = 'analytics-prod';
const OTHER = 'marketing';
const CANARY = 'sdk-canary-pw-91e2c7';

const reachable = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(500);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });

/** The rejection of `promise`, which must be an AssetsApiError. */
async function apiError(promise: Promise<unknown>): Promise<AssetsApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AssetsApiError);
  return error as AssetsApiError;
}

describe('TypeScript SDK: data connections and Governance (e2e)', () => {
  let t: SdkTenant;
  let assets: AssetsClient;

  const postgres = (name: string, extra: Record<string, unknown> = {}) => ({
    name,
    connection_type: 'postgres' as const,
    database_config: { host: 'pg.example.com', port: 5432, database: 'analytics' },
    credentials: { username: 'reader', password: CANARY },
    ...extra,
  });

  beforeAll(async () => {
    t = await startSdkTenant({ projects: [PROJECT, OTHER] });
    assets = t.assets();
    const governance = t.governance();
    for (const [user, relation] of [
      ['dave', 'developer'],
      ['victor', 'viewer'],
    ])
      await governance.POST('/governance/grants', {
        body: { user: `user:${user}`, relation: relation as 'developer', object: `project:${PROJECT}` },
      });
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('connections', () => {
    it('should create, read, update and delete a connection, never returning its credentials', async () => {
      const { data: created, response } = await assets.POST('/assets/data', {
        body: postgres('Orders DB', { tags: ['sales'] }),
      });
      expect(response.status).toBe(201);
      const uri = `data:${t.org}:${PROJECT}:orders-db`;
      expect(created).toMatchObject({ resource_uri: uri, project_id: PROJECT, status: 'PENDING' });
      expect(JSON.stringify(created)).not.toContain(CANARY);

      const path = { resource_uri: uri };
      const { data: read } = await assets.GET('/assets/data/{resource_uri}', { params: { path } });
      expect(read).toEqual(created);

      const { data: patched } = await assets.PATCH('/assets/data/{resource_uri}', {
        params: { path },
        body: { description: 'orders, nightly copy', tags: ['sales', 'nightly'] },
      });
      expect(patched).toMatchObject({ description: 'orders, nightly copy', tags: ['sales', 'nightly'] });

      const { data: replaced } = await assets.PUT('/assets/data/{resource_uri}', {
        params: { path },
        body: postgres('Orders DB', { description: 'replaced', tags: ['archive'] }),
      });
      expect(replaced).toMatchObject({ description: 'replaced', tags: ['archive'] });

      const { response: deleted } = await assets.DELETE('/assets/data/{resource_uri}', { params: { path } });
      expect(deleted.status).toBe(204);
      const gone = await apiError(assets.GET('/assets/data/{resource_uri}', { params: { path } }));
      expect(gone).toMatchObject({ status: 404, code: 'RESOURCE_NOT_FOUND' });
    });

    it('should read the credentials on the secret route only', async () => {
      await assets.POST('/assets/data', { body: postgres('Secret Holder') });
      const { data: secret } = await assets.GET('/assets/data/{resource_uri}/secret', {
        params: { path: { resource_uri: `data:${t.org}:${PROJECT}:secret-holder` } },
      });
      expect(secret).toMatchObject({
        connection_type: 'postgres',
        credentials: { username: 'reader', password: CANARY },
        version: expect.any(Number),
      });
    });

    it('should act in the client project, a per-call X-Project-ID, another project, or at org level', async () => {
      const perCall = await assets.POST('/assets/data', {
        params: { header: { 'X-Project-ID': OTHER } },
        body: postgres('Per Call'),
      });
      expect(perCall.data.project_id).toBe(OTHER);
      const marketing = assets.withProject(OTHER);
      const { data: listed } = await marketing.GET('/assets/data', {
        params: { query: { search: 'Per Call' } },
      });
      expect(listed.data.map((c) => c.resource_uri)).toEqual([`data:${t.org}:${OTHER}:per-call`]);
      // The client's own project does not see it.
      const { data: mine } = await assets.GET('/assets/data', { params: { query: { search: 'Per Call' } } });
      expect(mine.data).toEqual([]);

      const { data: orgLevel } = await assets.withProject(null).POST('/assets/data', {
        body: postgres('Org Warehouse'),
      });
      expect(orgLevel).toMatchObject({ project_id: null, scope: 'organization' });
      expect(orgLevel.resource_uri).toBe(`data:${t.org}::org-warehouse`);
    });

    it('should call the token provider on every request', async () => {
      const issued: string[] = [];
      const client = t.assets('alice', {
        token: async () => {
          issued.push('alice');
          return t.token('alice');
        },
      });
      await client.GET('/assets/data');
      await client.GET('/assets/data', { params: { query: { limit: 1 } } });
      await client.storage.put('sdk/tokens/one.txt', 'one');
      expect(issued).toHaveLength(3);
    });

    it('should turn error envelopes into AssetsApiError without request secrets', async () => {
      const token = t.token();
      const invalid = await apiError(
        assets.POST('/assets/data', {
          body: { ...postgres('Broken'), database_config: { host: 'h', port: 'nope' } },
        }),
      );
      expect(invalid).toMatchObject({
        name: 'AssetsApiError',
        status: 422,
        code: 'VALIDATION_ERROR',
        operation: 'POST /assets/data',
        requestId: expect.any(String),
        traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
      });
      expect(invalid.message).toMatch(/^POST \/assets\/data failed with 422 VALIDATION_ERROR: /);
      expect(invalid.details).toEqual(expect.any(Object));
      for (const text of [invalid.message, JSON.stringify(invalid), String(invalid.stack)]) {
        expect(text).not.toContain(CANARY);
        expect(text).not.toContain(token);
      }

      const denied = await apiError(t.assets('victor').POST('/assets/data', { body: postgres('Nope') }));
      expect(denied).toMatchObject({ status: 403, code: 'INSUFFICIENT_PERMISSIONS' });
      const anonymous = await apiError(t.assets('alice', { token: undefined }).GET('/assets/data'));
      expect(anonymous).toMatchObject({ status: 401, code: 'INVALID_TOKEN' });
    });
  });

  describe('listing with every filter', () => {
    const names = (page: { data: { name: string }[] }) => page.data.map((c) => c.name);

    beforeAll(async () => {
      const dave = t.assets('dave');
      await assets.POST('/assets/data', { body: postgres('Ledger EU', { tags: ['finance', 'eu'] }) });
      await assets.POST('/assets/data', { body: postgres('Ledger US', { tags: ['finance', 'us'] }) });
      await assets.POST('/assets/data', { body: postgres('ledger_x', { tags: ['finance', 'eu', 'x'] }) });
      await dave.POST('/assets/data', {
        body: {
          name: 'Ledger MySQL',
          connection_type: 'mysql',
          database_config: { host: 'mysql.example.com', port: 3306, database: 'ledger' },
          credentials: { username: 'reader', password: CANARY },
          tags: ['finance'],
        },
      });
      await assets.PATCH('/assets/data/{resource_uri}', {
        params: { path: { resource_uri: `data:${t.org}:${PROJECT}:ledger-us` } },
        body: { status: 'DISABLED' },
      });
    });

    it('should filter by search (with % and _ literal), type, status, tags and creator', async () => {
      const query = async (q: Record<string, string | number>) =>
        names((await assets.GET('/assets/data', { params: { query: { sort: 'name:asc', ...q } } })).data);
      expect(await query({ search: 'ledger' })).toEqual([
        'Ledger EU',
        'Ledger MySQL',
        'Ledger US',
        'ledger_x',
      ]);
      expect(await query({ search: 'ledger_' })).toEqual(['ledger_x']);
      expect(await query({ search: 'ledger%' })).toEqual([]);
      expect(await query({ search: 'ledger', connection_type: 'mysql' })).toEqual(['Ledger MySQL']);
      expect(await query({ search: 'ledger', status: 'DISABLED' })).toEqual(['Ledger US']);
      expect(await query({ search: 'ledger', status: 'PENDING' })).toEqual([
        'Ledger EU',
        'Ledger MySQL',
        'ledger_x',
      ]);
      expect(await query({ tags: 'finance,eu' })).toEqual(['Ledger EU', 'ledger_x']);
      expect(await query({ tags: 'finance,eu,x' })).toEqual(['ledger_x']);
      expect(await query({ search: 'ledger', created_by: 'dave' })).toEqual(['Ledger MySQL']);
      expect(await query({ search: 'ledger', created_by: 'user:alice' })).toEqual([
        'Ledger EU',
        'Ledger US',
        'ledger_x',
      ]);
    });

    it('should sort and page', async () => {
      const { data: desc } = await assets.GET('/assets/data', {
        params: { query: { search: 'ledger', sort: 'name:desc' } },
      });
      expect(names(desc)).toEqual(['ledger_x', 'Ledger US', 'Ledger MySQL', 'Ledger EU']);
      const byType = await assets.GET('/assets/data', {
        params: { query: { search: 'ledger', sort: 'connection_type:desc,name:asc' } },
      });
      expect(names(byType.data)).toEqual(['Ledger EU', 'Ledger US', 'ledger_x', 'Ledger MySQL']);

      const pages: string[][] = [];
      for (let page = 1; page <= 3; page++) {
        const { data } = await assets.GET('/assets/data', {
          params: { query: { search: 'ledger', sort: 'name:asc', page, limit: 3 } },
        });
        pages.push(names(data));
        if (page === 1)
          expect(data.pagination).toMatchObject({
            page: 1,
            limit: 3,
            total_items: 4,
            total_pages: 2,
            next_page: 2,
          });
      }
      expect(pages).toEqual([['Ledger EU', 'Ledger MySQL', 'Ledger US'], ['ledger_x'], []]);
    });

    it('should list org-level connections in every project, and only them at org level', async () => {
      await assets.withProject(null).POST('/assets/data', { body: postgres('Ledger Shared') });
      const inProject = await assets.GET('/assets/data', {
        params: { query: { search: 'ledger', limit: 100 } },
      });
      expect(inProject.data.data.map((c) => [c.name, c.scope])).toEqual(
        expect.arrayContaining([
          ['Ledger Shared', 'organization'],
          ['Ledger EU', 'project'],
        ]),
      );
      const atOrg = await assets
        .withProject(null)
        .GET('/assets/data', { params: { query: { search: 'ledger' } } });
      expect(atOrg.data.data.map((c) => [c.name, c.scope])).toEqual([['Ledger Shared', 'organization']]);
    });

    it('should refuse a malformed filter with a 400 AssetsApiError', async () => {
      for (const query of [{ search: '   ' }, { sort: 'password:asc' }, { tags: 'a,,b' }, { limit: 1000 }]) {
        const error = await apiError(assets.GET('/assets/data', { params: { query } }));
        expect(error.status).toBe(400);
        expect(error.code).toBe('INVALID_REQUEST');
      }
    });
  });

  describe('verification against a real PostgreSQL', () => {
    // The machine's PostgreSQL (127.0.0.1:5432, trust, db test); outside CI a bare machine uses an embedded one.
    let embedded: EmbeddedPostgres | undefined;
    let target: { port: number; database: string };
    beforeAll(async () => {
      if ((await reachable(5432)) || process.env.CI === 'true') target = { port: 5432, database: 'test' };
      else {
        embedded = await startEmbeddedPostgres({ dataDir: null });
        target = { port: Number(new URL(embedded.url).port), database: 'postgres' };
      }
    });
    afterAll(async () => {
      await embedded?.stop();
    });
    const local = (name: string) =>
      postgres(name, {
        database_config: { host: '127.0.0.1', ...target, ssl_mode: 'disable' },
        credentials: { username: 'postgres', password: CANARY },
      });

    it('should verify before saving, with discovery, and store nothing', async () => {
      const { name: _name, ...body } = local('unused');
      const { data: report } = await t.assets('dave').POST('/assets/data/verify', { body });
      expect(report.success).toBe(true);
      expect(report.steps.map((s) => s.name)).toEqual(
        expect.arrayContaining(['resolve', 'egress_policy', 'connect', 'authenticate', 'discover']),
      );
      expect(JSON.stringify(report)).not.toContain(CANARY);
    });

    it('should re-verify a saved connection and record ACTIVE, then ERROR when it breaks', async () => {
      const { data: created } = await assets.POST('/assets/data', { body: local('Local PG') });
      const path = { resource_uri: created.resource_uri };
      const { data: ok } = await assets.POST('/assets/data/{resource_uri}/verify', {
        params: { path },
        body: {},
      });
      expect(ok.success).toBe(true);
      const { data: active } = await assets.GET('/assets/data/{resource_uri}', { params: { path } });
      expect(active).toMatchObject({ status: 'ACTIVE', last_verification: { success: true } });
      const listed = await assets.GET('/assets/data', { params: { query: { status: 'ACTIVE' } } });
      expect(listed.data.data.map((c) => c.name)).toEqual(['Local PG']);

      await assets.PATCH('/assets/data/{resource_uri}', {
        params: { path },
        body: {
          database_config: { port: 1 },
          credentials: { username: 'postgres', password: CANARY },
        },
      });
      const { data: failed } = await assets.POST('/assets/data/{resource_uri}/verify', {
        params: { path },
        body: {},
      });
      expect(failed.success).toBe(false);
      const errored = await assets.GET('/assets/data', { params: { query: { status: 'ERROR' } } });
      expect(errored.data.data.map((c) => c.name)).toEqual(['Local PG']);
    });
  });

  describe('Governance', () => {
    it('should create, list, read, update and delete a project secret, audited', async () => {
      const governance = t.governance();
      const value = 'sk-live-sdk-7c1f';
      const { data: created } = await governance.POST('/governance/resources/projects/secrets', {
        body: { name: 'openai-key', value, description: 'for the agent' },
      });
      expect(created.name).toBe('openai-key');
      expect(JSON.stringify(created)).not.toContain(value);

      const { data: listed } = await governance.GET('/governance/resources/projects/secrets');
      expect(listed.data.map((s) => s.name)).toEqual(['openai-key']);
      expect(JSON.stringify(listed)).not.toContain(value);

      const path = { name: 'openai-key' };
      const { data: read } = await governance.GET('/governance/resources/projects/secrets/{name}', {
        params: { path },
      });
      expect(read).toMatchObject({ name: 'openai-key', value, version: 1 });

      await governance.PUT('/governance/resources/projects/secrets/{name}', {
        params: { path },
        body: { value: 'sk-live-sdk-rotated' },
      });
      const rotated = await governance.GET('/governance/resources/projects/secrets/{name}', {
        params: { path },
      });
      expect(rotated.data).toMatchObject({ value: 'sk-live-sdk-rotated', version: 2 });

      // Another project sees none of it.
      const other = await governance.withProject(OTHER).GET('/governance/resources/projects/secrets');
      expect(other.data.data).toEqual([]);

      await governance.DELETE('/governance/resources/projects/secrets/{name}', { params: { path } });
      const gone = await apiError(
        governance.GET('/governance/resources/projects/secrets/{name}', { params: { path } }),
      );
      expect(gone).toMatchObject({ status: 404, code: 'RESOURCE_NOT_FOUND' });

      const { data: audit } = await governance.GET('/governance/audit', {
        params: { query: { project_id: PROJECT, resource_type: 'secret', resource_id: 'openai-key' } },
      });
      expect(audit.data.map((e) => e.action).sort()).toEqual([
        'secret.create',
        'secret.delete',
        'secret.read',
        'secret.read',
        'secret.update',
      ]);
      expect(JSON.stringify(audit)).not.toContain(value);
    });

    it('should grant a role (which lets the user in), list it and revoke it', async () => {
      const governance = t.governance();
      const grant = { user: 'user:olivia', relation: 'operator' as const, object: `project:${OTHER}` };
      const olivia = t.assets('olivia').withProject(OTHER);
      expect((await apiError(olivia.GET('/assets/data'))).status).toBe(404);

      const { response } = await governance.POST('/governance/grants', { body: grant });
      expect(response.status).toBe(201);
      const { data: grants } = await governance.GET('/governance/grants', {
        params: { query: { object: grant.object } },
      });
      expect(grants.data).toEqual(expect.arrayContaining([grant]));
      await expect(olivia.GET('/assets/data')).resolves.toMatchObject({ response: { status: 200 } });

      await governance.DELETE('/governance/grants', { body: grant });
      const after = await governance.GET('/governance/grants', {
        params: { query: { object: grant.object } },
      });
      expect(after.data.data).not.toEqual(expect.arrayContaining([grant]));
      // (Assets caches allowed checks for a short TTL, so the revocation is not probed there.)

      // A viewer may not grant in its project, and does not see the other one at all.
      const viewer = t.governance('victor');
      const forbidden = await apiError(
        viewer.POST('/governance/grants', { body: { ...grant, object: `project:${PROJECT}` } }),
      );
      expect(forbidden).toMatchObject({ status: 403, code: 'INSUFFICIENT_PERMISSIONS' });
      expect(await apiError(viewer.POST('/governance/grants', { body: grant }))).toMatchObject({
        status: 404,
      });
    });
  });
});
