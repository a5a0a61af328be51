import request from 'supertest';
import type { Histogram } from 'prom-client';
import { AppMetrics } from '@app/core';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '@app/database';
import { startAssetsHarness, type AssetsHarness } from '../support/assets-harness.js';
import {
  CONNECTION_EXAMPLE,
  CONNECTION_SECRET_EXAMPLE,
  CONNECTION_TYPES_EXAMPLE,
  CREATE_CONNECTION_EXAMPLE,
  REPLACE_CONNECTION_EXAMPLE,
  UPDATE_CONNECTION_EXAMPLES,
} from '../../apps/assets/src/connections/dto/connection.examples.js';
import { SESSION_EXAMPLE } from '../../apps/assets/src/session/session.controller.js';

const CANARY = 'canary-pw-4d1f0c9e77';
const ORG = 'acme';
const PROJECT = 'analytics-prod';

/** The seed document's create example, as written (plus the canary as the password). */
const seedBody = (password = CANARY) => ({
  name: 'Customer Analytics DB',
  connection_type: 'postgres',
  description: 'Production read replica for analytics',
  database_config: {
    host: 'pg-replica.example.com',
    port: 5432,
    database: 'analytics',
    schema: 'public',
    selected_tables: ['customers', 'orders', 'products'],
  },
  credentials: { username: 'analytics_reader', password },
  tags: ['production', 'analytics'],
});

describe('Data connections (e2e)', () => {
  let h: AssetsHarness;
  let http: ReturnType<AssetsHarness['app']['getHttpServer']>;
  let gov: ReturnType<AssetsHarness['governance']['app']['getHttpServer']>;
  const as = (user: string, org = ORG) => h.governance.bearer(user, org);

  const grant = (user: string, relation: string, object: string, org = ORG) =>
    request(gov)
      .post('/governance/grants')
      .set('authorization', as('alice', org))
      .send({ user: `user:${user}`, relation, object })
      .expect(201);

  type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
  const call = (method: Method, path: string, user: string, project: string | null, org: string) => {
    const req = request(http)[method](path).set('authorization', as(user, org));
    return project ? req.set('x-project-id', project) : req;
  };
  const api = (method: Method, path: string, user = 'alice', project: string | null = PROJECT, org = ORG) =>
    call(method, path, user, project, org);

  beforeAll(async () => {
    h = await startAssetsHarness();
    http = h.app.getHttpServer();
    gov = h.governance.app.getHttpServer();
    await h.governance.createOrg(ORG, 'alice');
    await h.governance.createOrg('globex', 'mallory');
    for (const id of [PROJECT, 'other-proj']) {
      await request(gov)
        .post('/governance/projects')
        .set('authorization', as('alice'))
        .send({ id, name: id })
        .expect(201);
    }
    await grant('adam', 'admin', `project:${PROJECT}`);
    await grant('dave', 'developer', `project:${PROJECT}`);
    await grant('olivia', 'operator', `project:${PROJECT}`);
    await grant('victor', 'viewer', `project:${PROJECT}`);
    await grant('oscar', 'developer', 'project:other-proj');
    // mike: an org member with no project role.
    await grant('mike', 'member', `organization:${ORG}`);
  });

  afterAll(async () => {
    await h?.close();
  });

  // Each describe makes the connections it reads or changes (none is shared between describes), so
  // any single test passes alone (-t) and in any order (--randomize).

  describe('create and read', () => {
    // The seed example is created once, by whichever test needs it first; the create test checks
    // that answer. It is never rotated here, so its secret stays at credentials-v1.
    let created: Promise<request.Response> | undefined;
    const seeded = () =>
      (created ??= Promise.resolve(api('post', '/assets/data').send(seedBody()).expect(201)));

    it('should create the seed example with a derived URI and never return the credentials', async () => {
      const res = await seeded();
      expect(res.body).toMatchObject({
        resource_uri: `data:${ORG}:${PROJECT}:customer-analytics-db`,
        name: 'Customer Analytics DB',
        connection_type: 'postgres',
        org_id: ORG,
        project_id: PROJECT,
        scope: 'project',
        status: 'PENDING',
        tags: ['production', 'analytics'],
        created_by: 'alice',
        last_verified_at: null,
        last_verification: null,
      });
      // Each setting comes back once, where it was sent: `schema` (the input alias) as `db_schema`.
      expect(res.body.database_config).toEqual({
        auth_type: 'basic',
        host: 'pg-replica.example.com',
        port: 5432,
        database: 'analytics',
        db_schema: 'public',
        ssl_mode: 'prefer',
        selected_tables: ['customers', 'orders', 'products'],
      });
      for (const key of ['auth_type', 'selected_tables', 'owner_id', 'storage_config'])
        expect(res.body).not.toHaveProperty(key);
      expect(JSON.stringify(res.body)).not.toContain(CANARY);
      expect(res.body.credentials).toBeUndefined();
    });

    it('should read it by raw and percent-encoded URI', async () => {
      await seeded();
      const uri = `data:${ORG}:${PROJECT}:customer-analytics-db`;
      const raw = await api('get', `/assets/data/${uri}`).expect(200);
      const encoded = await api('get', `/assets/data/${encodeURIComponent(uri)}`).expect(200);
      expect(encoded.body).toEqual(raw.body);
      expect(JSON.stringify(raw.body)).not.toContain(CANARY);
    });

    it('should return the credentials only on the secret route, uncached and audited', async () => {
      await seeded();
      const uri = `data:${ORG}:${PROJECT}:customer-analytics-db`;
      const res = await api('get', `/assets/data/${uri}/secret`).expect(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toMatchObject({
        resource_uri: uri,
        auth_type: 'basic',
        credentials: { username: 'analytics_reader', password: CANARY },
      });
      // Governance audits the read under the Assets request id, before releasing the value.
      const audit = await request(gov)
        .get(
          `/governance/audit?action=data_connection.secret.read&resource_id=${encodeURIComponent(`${uri}#credentials-v1`)}`,
        )
        .set('authorization', as('alice'))
        .expect(200);
      expect(
        audit.body.data.filter((e: { request_id: string }) => e.request_id === res.headers['x-request-id']),
      ).toEqual([
        // The event belongs to the connection's project, named by its URI (not by a header).
        expect.objectContaining({ actor_id: 'alice', actor_type: 'user', org_id: ORG, project_id: PROJECT }),
      ]);
      expect(JSON.stringify(audit.body)).not.toContain(CANARY);

      // Every credential version's reads at once, by prefix; `%` and `_` in a prefix are literal.
      const byPrefix = async (prefix: string) =>
        (
          await request(gov)
            .get(
              `/governance/audit?action=data_connection.secret.read&resource_id_prefix=${encodeURIComponent(prefix)}`,
            )
            .set('authorization', as('alice'))
            .expect(200)
        ).body.data.map((e: { request_id: string }) => e.request_id);
      await expect(byPrefix(`${uri}#`)).resolves.toContain(res.headers['x-request-id']);
      await expect(byPrefix(`${uri}#credentials-v`)).resolves.toContain(res.headers['x-request-id']);
      await expect(byPrefix(`${uri}%`)).resolves.toEqual([]);
      await expect(byPrefix(`data:${ORG}:${PROJECT}:customer_analytics_db`)).resolves.toEqual([]);
      const projectReads = await request(gov)
        .get(`/governance/audit?action=data_connection.secret.read&project_id=${PROJECT}`)
        .set('authorization', as('alice'))
        .expect(200);
      expect(projectReads.body.data.map((e: { request_id: string }) => e.request_id)).toContain(
        res.headers['x-request-id'],
      );
    });

    it('should answer 409 for a duplicate name in the same scope', async () => {
      await seeded();
      const res = await api('post', '/assets/data').send(seedBody()).expect(409);
      expect(res.body.error.code).toBe('RESOURCE_ALREADY_EXISTS');
    });
  });

  describe('documented examples', () => {
    // The examples in the OpenAPI document are this service's real answers: the platform docs'
    // create body, sent in their org and project, answers exactly the documented connection.
    const DOC_ORG = 'acme-corp';
    const DOC_PROJECT = 'analytics-prod';
    const uri = CONNECTION_EXAMPLE.resource_uri;
    const EDIT_PROJECT = 'analytics-staging';
    const doc = (method: Method, path: string, project = DOC_PROJECT) =>
      call(method, path, 'alice', project, DOC_ORG);
    const withoutIds = (body: { error: Record<string, unknown> }) => ({
      error: { ...body.error, request_id: 'id', trace_id: 'id' },
    });
    let created: request.Response;

    beforeAll(async () => {
      await h.governance.createOrg(DOC_ORG, 'alice');
      await request(gov)
        .post('/governance/projects')
        .set('authorization', as('alice', DOC_ORG))
        .send({ id: DOC_PROJECT, name: DOC_PROJECT })
        .expect(201);
      // A second project for the edits, so the documented connection stays as documented.
      await request(gov)
        .post('/governance/projects')
        .set('authorization', as('alice', DOC_ORG))
        .send({ id: EDIT_PROJECT, name: EDIT_PROJECT })
        .expect(201);
      created = await doc('post', '/assets/data').send(CREATE_CONNECTION_EXAMPLE).expect(201);
    });

    it('should answer the documented create example with the documented connection', () => {
      expect(created.body).toEqual({
        ...CONNECTION_EXAMPLE,
        created_at: expect.any(String),
        updated_at: expect.any(String),
      });
    });

    it('should answer the documented secret, session and type catalog entry', async () => {
      expect((await doc('get', `/assets/data/${uri}/secret`).expect(200)).body).toEqual(
        CONNECTION_SECRET_EXAMPLE,
      );
      expect((await doc('get', '/assets/me').expect(200)).body).toEqual(SESSION_EXAMPLE);
      const types = await doc('get', '/assets/data/types').expect(200);
      expect(types.body.data).toContainEqual(CONNECTION_TYPES_EXAMPLE.data[0]);
    });

    it('should answer the documented rebind refusal to a new host without credentials', async () => {
      const res = await doc('patch', `/assets/data/${uri}`)
        .send({ database_config: UPDATE_CONNECTION_EXAMPLES.move.value.database_config })
        .expect(422);
      const document = (await request(http).get('/docs-json').expect(200)).body;
      const documented =
        document.paths['/assets/data/{resource_uri}'].patch.responses['422'].content['application/json']
          .examples.rebind.value;
      expect(withoutIds(res.body)).toEqual(withoutIds(documented));
      expect(documented.error.details.fields).toEqual([
        { field: 'database_config.host', message: expect.stringMatching(/^changes where/) },
      ]);
    });

    it('should accept the documented PUT and PATCH bodies', async () => {
      const copy = await doc('post', '/assets/data', EDIT_PROJECT)
        .send(CREATE_CONNECTION_EXAMPLE)
        .expect(201);
      const edit = (method: Method) => doc(method, `/assets/data/${copy.body.resource_uri}`, EDIT_PROJECT);
      const replaced = await edit('put').send(REPLACE_CONNECTION_EXAMPLE).expect(200);
      expect(replaced.body.database_config).toEqual({
        ...CONNECTION_EXAMPLE.database_config,
        ssl_mode: 'verify-full',
      });
      for (const example of Object.values(UPDATE_CONNECTION_EXAMPLES))
        await edit('patch').send(example.value).expect(200);
      const after = await edit('get').expect(200);
      expect(after.body).toMatchObject({
        status: 'DISABLED',
        description: UPDATE_CONNECTION_EXAMPLES.tags.value.description,
        tags: UPDATE_CONNECTION_EXAMPLES.tags.value.tags,
      });
      expect(after.body.database_config.host).toBe('pg-replica-2.example.com');
    });
  });

  describe('settings round trip', () => {
    // What a GET answers is valid input: a client can PUT the settings back unchanged, without
    // credentials, for every kind of config (with and without selected tables, storage).
    it.each([
      ['postgres with selected tables', seedBody()],
      [
        'snowflake (no selected_tables field)',
        {
          name: 'Round Trip Snowflake',
          connection_type: 'snowflake',
          database_config: { account: 'acme-xy12345', warehouse: 'COMPUTE_WH', database: 'ANALYTICS' },
          credentials: { username: 'reader', password: 'pw' },
        },
      ],
      [
        's3',
        {
          name: 'Round Trip Lake',
          connection_type: 's3',
          storage_config: { bucket: 'round-trip', region: 'eu-west-1' },
          credentials: { access_key: 'AKIAEXAMPLE', secret_key: 's3cr3t' },
        },
      ],
    ])('should take back what it answers for %s', async (_label, body) => {
      const created = await api('post', '/assets/data')
        .send({ ...body, name: `${body.name} ${_label.split(' ')[0]} rt` })
        .expect(201);
      const { resource_uri, name, connection_type, description, tags, pool } = created.body;
      const key = created.body.database_config ? 'database_config' : 'storage_config';
      const put = await api('put', `/assets/data/${resource_uri}`)
        .send({ name, connection_type, description, tags, pool, [key]: created.body[key] })
        .expect(200);
      expect(put.body[key]).toEqual(created.body[key]);
    });

    it('should accept db_schema and its alias schema, answer db_schema, and refuse both disagreeing', async () => {
      const base = { ...seedBody(), database_config: { host: 'h.example.com', database: 'a' } };
      for (const [name, config] of [
        ['Alias Schema', { schema: 'sales' }],
        ['Canonical Schema', { db_schema: 'sales' }],
        ['Both Schemas Agree', { schema: 'sales', db_schema: 'sales' }],
      ] as const) {
        const res = await api('post', '/assets/data')
          .send({ ...base, name, database_config: { ...base.database_config, ...config } })
          .expect(201);
        expect(res.body.database_config.db_schema).toBe('sales');
        expect(res.body.database_config).not.toHaveProperty('schema');
      }
      const both = await api('post', '/assets/data')
        .send({
          ...base,
          name: 'Both Schemas Differ',
          database_config: { ...base.database_config, schema: 'a', db_schema: 'b' },
        })
        .expect(422);
      expect(both.body.error.details).toEqual({
        fields: [
          {
            field: 'database_config.schema',
            message: 'conflicts with database_config.db_schema; send only one',
          },
        ],
      });
    });
  });

  describe('org-level connections', () => {
    const lake = `data:${ORG}::shared-lake`;
    const projectConnection = `data:${ORG}:${PROJECT}:project-analytics-db`;

    beforeAll(async () => {
      const res = await api('post', '/assets/data', 'alice', null)
        .send({
          name: 'Shared Lake',
          connection_type: 's3',
          storage_config: { bucket: 'raw-drops', region: 'eu-west-1' },
          credentials: { access_key: 'AKIAEXAMPLE', secret_key: CANARY },
        })
        .expect(201);
      expect(res.body).toMatchObject({ resource_uri: lake, project_id: null, scope: 'organization' });
      await api('post', '/assets/data')
        .send({ ...seedBody(), name: 'Project Analytics DB' })
        .expect(201);
    });

    it('should also create at org level with project_id null despite a project header', async () => {
      const res = await api('post', '/assets/data')
        .send({ ...seedBody(), name: 'Org Warehouse', project_id: null })
        .expect(201);
      expect(res.body.resource_uri).toBe(`data:${ORG}::org-warehouse`);
    });

    it.each([
      ['olivia', PROJECT, 200, 200],
      ['victor', PROJECT, 200, 403],
      ['oscar', 'other-proj', 200, 200],
      ['alice', null, 200, 200],
    ])('should let %s (header %s) read (%i) and execute (%i) it', async (user, project, read, secret) => {
      await api('get', `/assets/data/${lake}`, user, project).expect(read);
      await api('get', `/assets/data/${lake}/secret`, user, project).expect(secret);
    });

    it('should hide it from org members without a project role and from other orgs', async () => {
      await api('get', `/assets/data/${lake}`, 'mike', null).expect(404);
      await api('get', `/assets/data/${lake}`, 'mallory', null, 'globex').expect(404);
    });

    it('should not let project developers write, delete or create org-level connections', async () => {
      await api('patch', `/assets/data/${lake}`, 'dave').send({ description: 'x' }).expect(403);
      await api('delete', `/assets/data/${lake}`, 'dave').expect(403);
      // Their own org is no secret to them: 403, as for every org-level permission they lack.
      await api('post', '/assets/data', 'dave', null)
        .send({ ...seedBody(), name: 'Dave Org' })
        .expect(403);
    });

    it('should keep project connections invisible from other projects', async () => {
      await api('get', `/assets/data/${projectConnection}`, 'oscar', 'other-proj').expect(404);
      const list = await api('get', '/assets/data', 'oscar', 'other-proj').expect(200);
      expect(list.body.data.map((c: { resource_uri: string }) => c.resource_uri)).not.toContain(
        projectConnection,
      );
      expect(list.body.data.map((c: { resource_uri: string }) => c.resource_uri)).toContain(lake);
    });
  });

  describe('permissions by role', () => {
    const uri = `data:${ORG}:${PROJECT}:permissions-matrix`;

    beforeAll(async () => {
      await api('post', '/assets/data')
        .send({ ...seedBody(), name: 'Permissions Matrix' })
        .expect(201);
    });

    // user, header, can_read, can_execute, can_write, can_manage_secrets
    const table: Array<[string, string, string, number, number, number, number]> = [
      ['org owner', 'alice', PROJECT, 200, 200, 200, 200],
      ['project admin', 'adam', PROJECT, 200, 200, 200, 200],
      ['developer', 'dave', PROJECT, 200, 200, 200, 200],
      ['operator', 'olivia', PROJECT, 200, 200, 200, 403],
      ['viewer', 'victor', PROJECT, 200, 403, 403, 403],
      ['member of another project', 'oscar', 'other-proj', 404, 404, 404, 404],
    ];

    it.each(table)(
      'should apply the matrix to a %s',
      async (_role, user, project, read, execute, write, manage) => {
        await api('get', `/assets/data/${uri}`, user, project).expect(read);
        await api('get', `/assets/data/${uri}/secret`, user, project).expect(execute);
        await api('patch', `/assets/data/${uri}`, user, project)
          .send({ description: `edited by ${user}` })
          .expect(write);
        await api('patch', `/assets/data/${uri}`, user, project)
          .send({ credentials: { username: 'analytics_reader', password: CANARY } })
          .expect(manage);
      },
    );

    it('should hide everything from another org', async () => {
      await api('get', `/assets/data/${uri}`, 'mallory', null, 'globex').expect(404);
      await api('get', `/assets/data/${uri}/secret`, 'mallory', null, 'globex').expect(404);
      await api('delete', `/assets/data/${uri}`, 'mallory', null, 'globex').expect(404);
      await api('get', `/assets/data/${uri}`, 'mallory', PROJECT, 'globex').expect(404);
    });

    it.each([
      ['alice', 204],
      ['adam', 204],
      ['dave', 204],
      ['olivia', 403],
      ['victor', 403],
      ['oscar', 404],
    ])('should let %s delete (%i)', async (user, status) => {
      const name = `to-delete-by-${user}`;
      await api('post', '/assets/data')
        .send({ ...seedBody(), name })
        .expect(201);
      await api(
        'delete',
        `/assets/data/data:${ORG}:${PROJECT}:${name}`,
        user,
        user === 'oscar' ? 'other-proj' : PROJECT,
      ).expect(status);
    });

    it('should answer 401 on every route without a token', async () => {
      const routes: Array<['get' | 'post' | 'put' | 'patch' | 'delete', string]> = [
        ['get', '/assets/data/types'],
        ['get', '/assets/data'],
        ['post', '/assets/data'],
        ['get', `/assets/data/${uri}`],
        ['put', `/assets/data/${uri}`],
        ['patch', `/assets/data/${uri}`],
        ['delete', `/assets/data/${uri}`],
        ['get', `/assets/data/${uri}/secret`],
      ];
      for (const [method, path] of routes) {
        const res = await request(http)[method](path).set('x-project-id', PROJECT).expect(401);
        expect(res.body.error.code).toBe('INVALID_TOKEN');
      }
    });
  });

  describe('list', () => {
    // Its own org, so counts and filters see only what this describe creates: an org-level s3
    // connection and dave's four, whatever other describes have made in acme.
    const LIST_ORG = 'initech';
    const LIST_PROJECT = 'reporting';
    const api = (
      method: Method,
      path: string,
      user = 'alice',
      project: string | null = LIST_PROJECT,
      org = LIST_ORG,
    ) => call(method, path, user, project, org);

    beforeAll(async () => {
      await h.governance.createOrg(LIST_ORG, 'alice');
      await request(gov)
        .post('/governance/projects')
        .set('authorization', as('alice', LIST_ORG))
        .send({ id: LIST_PROJECT, name: LIST_PROJECT })
        .expect(201);
      await grant('dave', 'developer', `project:${LIST_PROJECT}`, LIST_ORG);
      await grant('mike', 'member', `organization:${LIST_ORG}`, LIST_ORG);
      await api('post', '/assets/data', 'alice', null)
        .send({
          name: 'Shared Lake',
          connection_type: 's3',
          storage_config: { bucket: 'raw-drops', region: 'eu-west-1' },
          credentials: { access_key: 'AKIAEXAMPLE', secret_key: CANARY },
        })
        .expect(201);
      for (const [name, tags] of [
        ['customer_db', ['pii', 'prod']],
        ['customerXdb', ['prod']],
        ['100% coverage', ['pii']],
        ['back\\slash', []],
      ] as Array<[string, string[]]>) {
        await api('post', '/assets/data', 'dave')
          .send({ ...seedBody(), name, tags })
          .expect(201);
      }
    });

    const names = (res: request.Response) => res.body.data.map((c: { name: string }) => c.name);

    it('should match search terms literally, case-insensitively', async () => {
      expect(names(await api('get', '/assets/data?search=customer_db').expect(200))).toEqual(['customer_db']);
      expect(names(await api('get', '/assets/data?search=CUSTOMERxDB').expect(200))).toEqual(['customerXdb']);
      expect(
        names(await api('get', `/assets/data?search=${encodeURIComponent('100%')}`).expect(200)),
      ).toEqual(['100% coverage']);
      expect(names(await api('get', `/assets/data?search=${encodeURIComponent('\\')}`).expect(200))).toEqual([
        'back\\slash',
      ]);
      expect(
        names(await api('get', '/assets/data?search=read%20replica').expect(200)).length,
      ).toBeGreaterThan(3);
    });

    it('should reject blank searches, bad sorts and out-of-range paging with 400', async () => {
      for (const query of [
        'search=%20%20',
        'sort=name:up',
        'sort=password:asc',
        'sort=name:asc;DROP TABLE x',
        'limit=0',
        'limit=101',
        'page=0',
        'status=GONE',
      ]) {
        const res = await api('get', `/assets/data?${query}`).expect(400);
        expect(res.body.error.code).toBe('INVALID_REQUEST');
      }
    });

    it('should filter by tags (AND), type, creator and its deprecated alias', async () => {
      expect(names(await api('get', '/assets/data?tags=pii,prod').expect(200))).toEqual(['customer_db']);
      expect(names(await api('get', '/assets/data?created_by=dave&sort=name:asc').expect(200))).toEqual([
        '100% coverage',
        'back\\slash',
        'customer_db',
        'customerXdb',
      ]);
      expect(
        names(await api('get', '/assets/data?owner_id=user:dave&sort=name:asc').expect(200)),
      ).toHaveLength(4);
      expect(names(await api('get', '/assets/data?connection_type=s3').expect(200))).toEqual(['Shared Lake']);
    });

    it('should page with totals and sort by an allow-listed field', async () => {
      const first = await api('get', '/assets/data?limit=2&page=1&sort=name:asc').expect(200);
      const all = await api('get', '/assets/data?limit=100&sort=name:asc').expect(200);
      expect(first.body.pagination).toMatchObject({
        page: 1,
        limit: 2,
        total_items: all.body.data.length,
        prev_page: null,
        next_page: 2,
      });
      expect(names(first)).toEqual(names(all).slice(0, 2));
      const scopes = new Set(all.body.data.map((c: { scope: string }) => c.scope));
      expect(scopes).toEqual(new Set(['project', 'organization']));
      expect(JSON.stringify(all.body)).not.toContain(CANARY);
    });

    it('should show nothing to a caller without access and org-level only without a header', async () => {
      const none = await api('get', '/assets/data', 'mike', null).expect(200);
      expect(none.body.data).toEqual([]);
      const orgOnly = await api('get', '/assets/data', 'alice', null).expect(200);
      expect(orgOnly.body.data.every((c: { project_id: string | null }) => c.project_id === null)).toBe(true);
    });
  });

  describe('rules', () => {
    const uri = `data:${ORG}:${PROJECT}:rules-subject`;

    beforeAll(async () => {
      await api('post', '/assets/data')
        .send({ ...seedBody(), name: 'Rules Subject' })
        .expect(201);
    });

    it('should let exactly one of several concurrent same-name creates win', async () => {
      const results = await Promise.all(
        Array.from({ length: 6 }, () =>
          api('post', '/assets/data').send({ ...seedBody(), name: 'Race Condition' }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
      const secrets = await h.governance.infra.database.dataSource.query(
        `SELECT name FROM secrets WHERE resource_uri = $1`,
        [`data:${ORG}:${PROJECT}:race-condition`],
      );
      expect(secrets).toHaveLength(1);
    });

    it('should refuse to send saved credentials to a new destination (422) and accept it with new ones', async () => {
      for (const [change, why] of [
        [{ host: 'attacker.example.com' }, /^changes where the stored credentials would be sent/],
        [{ port: 6543 }, /^changes where the stored credentials would be sent/],
        [{ ssl_mode: 'disable' }, /^weakens transport security/],
      ] as const) {
        const res = await api('patch', `/assets/data/${uri}`).send({ database_config: change }).expect(422);
        expect(res.body.error).toMatchObject({ code: 'REBIND_REQUIRES_CREDENTIALS' });
        expect(res.body.error.details).toEqual({
          fields: [
            { field: `database_config.${Object.keys(change)[0]}`, message: expect.stringMatching(why) },
          ],
        });
      }
      await api('put', `/assets/data/${uri}`)
        .send({ connection_type: 's3', storage_config: { bucket: 'b', region: 'us-east-1' } })
        .expect(422);
      const moved = await api('patch', `/assets/data/${uri}`)
        .send({
          database_config: { host: 'new-replica.example.com' },
          credentials: { username: 'u2', password: 'rotated-pw' },
        })
        .expect(200);
      expect(moved.body.database_config.host).toBe('new-replica.example.com');
      const secret = await api('get', `/assets/data/${uri}/secret`).expect(200);
      expect(secret.body.credentials).toEqual({ username: 'u2', password: 'rotated-pw' });
      const versions = await h.governance.infra.database.dataSource.query(
        `SELECT name FROM secrets WHERE resource_uri = $1`,
        [uri],
      );
      expect(versions).toEqual([{ name: `credentials-v${secret.body.version}` }]);
    });

    it('should keep the resource URI immutable and validate bodies against the type schema', async () => {
      await api('patch', `/assets/data/${uri}`)
        .send({ resource_uri: 'data:acme:analytics-prod:other' })
        .expect(422);
      const bad = await api('post', '/assets/data')
        .send({
          ...seedBody(),
          name: 'Bad Host',
          database_config: { host: 'postgres://u:p@h/db', database: 'x' },
        })
        .expect(422);
      expect(bad.body.error.code).toBe('VALIDATION_ERROR');
      expect(JSON.stringify(bad.body)).not.toContain(CANARY);
      await api('post', '/assets/data')
        .send({ ...seedBody(), name: 'Wrong Org', resource_uri: 'data:globex:analytics-prod:x' })
        .expect(422);
    });

    it('should keep the canary out of the Assets database entirely', async () => {
      const tables = await h.infra.database.dataSource.query(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`,
      );
      for (const { tablename } of tables as Array<{ tablename: string }>) {
        const rows = await h.infra.database.dataSource.query(`SELECT t::text AS row FROM "${tablename}" t`);
        expect(JSON.stringify(rows)).not.toContain(CANARY);
      }
      expect(tables.length).toBeGreaterThan(1);
    });

    it('should audit every secret read', async () => {
      const count = async () =>
        (
          await request(gov)
            .get('/governance/audit?action=data_connection.secret.read&page_size=100')
            .set('authorization', as('alice'))
            .expect(200)
        ).body.pagination.total_items as number;
      const before = await count();
      const first = await api('get', `/assets/data/${uri}/secret`).expect(200);
      await api('get', `/assets/data/${uri}/secret`, 'olivia').expect(200);
      expect(await count()).toBe(before + 2);
      const byId = await request(gov)
        .get('/governance/audit?action=data_connection.secret.read&page_size=100')
        .set('authorization', as('alice'))
        .expect(200);
      expect(
        byId.body.data.some(
          (e: { request_id: string; resource_id: string }) =>
            e.request_id === first.headers['x-request-id'] && e.resource_id.startsWith(uri),
        ),
      ).toBe(true);
    });

    it("should carry concurrent users' reads to Governance together, each answered and audited as its own", async () => {
      // Calls Assets made to Governance's forwarded-secret-reads route, and the reads they carried.
      const forwarded = async () => {
        let calls = 0;
        let reads = 0;
        for (const replica of h.replicas) {
          const histogram = replica.app
            .get(AppMetrics)
            .existing<Histogram>('forwarded_secret_reads_batch_size');
          for (const { metricName, value } of (await histogram?.get())?.values ?? []) {
            if (metricName?.endsWith('_count')) calls += value;
            if (metricName?.endsWith('_sum')) reads += value;
          }
        }
        return { calls, reads };
      };
      const before = await forwarded();
      const readers = Array.from({ length: 24 }, (_, i) => (i % 2 ? 'alice' : 'olivia'));
      const answers = await Promise.all(
        readers.map((user) => api('get', `/assets/data/${uri}/secret`, user).expect(200)),
      );
      const after = await forwarded();
      expect(after.reads - before.reads).toBe(readers.length);
      expect(after.calls - before.calls).toBeLessThan(readers.length);
      const first = answers[0].body as { credentials: unknown };
      for (const answer of answers) expect(answer.body.credentials).toEqual(first.credentials);

      const events = (await h.governance.infra.database.dataSource.query(
        `SELECT request_id, actor_id FROM audit_events WHERE action = 'data_connection.secret.read' AND request_id = ANY($1)`,
        [answers.map((a) => a.headers['x-request-id'])],
      )) as Array<{ request_id: string; actor_id: string }>;
      expect(events).toHaveLength(readers.length);
      const actorOf = new Map(events.map((e) => [e.request_id, e.actor_id]));
      answers.forEach((answer, i) => expect(actorOf.get(answer.headers['x-request-id'])).toBe(readers[i]));
    });

    it('should fail closed: no audit record, no credentials', async () => {
      const governanceDb = h.governance.infra.database.dataSource;
      await governanceDb.query('ALTER TABLE audit_events RENAME TO audit_events_offline');
      try {
        const res = await api('get', `/assets/data/${uri}/secret`).expect(503);
        expect(JSON.stringify(res.body)).not.toMatch(/rotated-pw|analytics_reader|canary/);
      } finally {
        await governanceDb.query('ALTER TABLE audit_events_offline RENAME TO audit_events');
      }
    });

    it('should delete the record, its tuples and its secret', async () => {
      await api('post', '/assets/data')
        .send({ ...seedBody(), name: 'Short Lived' })
        .expect(201);
      const uri = `data:${ORG}:${PROJECT}:short-lived`;
      await api('delete', `/assets/data/${uri}`).expect(204);
      await api('get', `/assets/data/${uri}`).expect(404);
      expect(
        await h.governance.infra.authz.readTuples({
          object: `data_connection:${ORG}/${PROJECT}/short-lived`,
        }),
      ).toEqual([]);
      expect(
        await h.governance.infra.database.dataSource.query(`SELECT 1 FROM secrets WHERE resource_uri = $1`, [
          uri,
        ]),
      ).toEqual([]);
      expect(
        await h.infra.database.dataSource.query(`SELECT 1 FROM data_connections WHERE resource_uri = $1`, [
          uri,
        ]),
      ).toEqual([]);
    });
  });

  describe('rebind protection against weaker transport', () => {
    const pg = (name: string, config: Record<string, unknown>) => ({
      name,
      connection_type: 'postgres',
      database_config: { host: 'tls.example.com', port: 5432, database: 'analytics', ...config },
      credentials: { username: 'reader', password: 'tls-pw' },
    });
    const rebindRefused = async (res: request.Response, field: string) => {
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'REBIND_REQUIRES_CREDENTIALS' });
      expect(res.body.error.details.fields.map((f: { field: string }) => f.field.split('.').pop())).toContain(
        field,
      );
    };

    it('should refuse an operator clearing ssl_mode (PATCH null) or omitting it (PUT), since its default is weaker', async () => {
      await api('post', '/assets/data')
        .send(pg('TLS Strict', { ssl_mode: 'verify-full' }))
        .expect(201);
      const uri = `data:${ORG}:${PROJECT}:tls-strict`;
      // olivia is an operator: can_write, but not can_manage_secrets.
      await rebindRefused(
        await api('patch', `/assets/data/${uri}`, 'olivia').send({ database_config: { ssl_mode: null } }),
        'ssl_mode',
      );
      await rebindRefused(
        await api('put', `/assets/data/${uri}`, 'olivia').send({
          connection_type: 'postgres',
          database_config: { host: 'tls.example.com', port: 5432, database: 'analytics' },
        }),
        'ssl_mode',
      );
      await rebindRefused(
        await api('patch', `/assets/data/${uri}`, 'olivia').send({
          database_config: { ssl_mode: 'require' },
        }),
        'ssl_mode',
      );
      expect((await api('get', `/assets/data/${uri}`).expect(200)).body.database_config.ssl_mode).toBe(
        'verify-full',
      );
      // Other settings and a stronger mode need no credentials; a weaker one with new credentials is allowed.
      await api('patch', `/assets/data/${uri}`, 'olivia')
        .send({ description: 'still strict', database_config: { ssl_mode: 'verify-full' } })
        .expect(200);
      const weakened = await api('patch', `/assets/data/${uri}`, 'dave')
        .send({
          database_config: { ssl_mode: null },
          credentials: { username: 'reader', password: 'new-tls-pw' },
        })
        .expect(200);
      expect(weakened.body.database_config.ssl_mode).toBe('prefer');
      await api('patch', `/assets/data/${uri}`, 'olivia')
        .send({ database_config: { ssl_mode: 'verify-ca' } })
        .expect(200);
    });

    it.each([
      [
        'mysql',
        'mysql ssl_mode cleared',
        { host: 'my.example.com', database: 'shop', ssl_mode: 'verify_identity' },
        { ssl_mode: null },
        'ssl_mode',
        { username: 'u', password: 'p' },
      ],
      [
        'mongodb',
        'mongodb tls off',
        { host: 'mongo.example.com', database: 'events' },
        { tls: false },
        'tls',
        { username: 'u', password: 'p' },
      ],
      [
        'oracle',
        'oracle ssl cleared',
        { host: 'ora.example.com', service_name: 'ORCLPDB1', ssl: true },
        { ssl: null },
        'ssl',
        { username: 'u', password: 'p' },
      ],
      [
        'redshift',
        'redshift below its default',
        { host: 'rs.example.com', database: 'dev' },
        { ssl_mode: 'prefer' },
        'ssl_mode',
        { username: 'u', password: 'p' },
      ],
      [
        'azure_blob',
        'azure default https to http',
        { account_name: 'acmelake', container: 'landing' },
        { endpoint: 'http://127.0.0.1:10000/acmelake' },
        'endpoint',
        { account_key: 'a2V5' },
      ],
      [
        's3',
        's3 https endpoint to http',
        { bucket: 'raw-drops', region: 'eu-west-1', endpoint: 'https://s3.example.com' },
        { endpoint: 'http://localhost:9000' },
        'endpoint',
        { access_key: 'AKIAEXAMPLE', secret_key: 's3cr3t' },
      ],
    ])(
      'should refuse to weaken %s transport without new credentials (%s)',
      async (type, label, config, patch, field, credentials) => {
        const key = ['s3', 'azure_blob'].includes(type) ? 'storage_config' : 'database_config';
        const name = `Weak ${label}`;
        const created = await api('post', '/assets/data')
          .send({ name, connection_type: type, [key]: config, credentials })
          .expect(201);
        const uri = created.body.resource_uri as string;
        await rebindRefused(
          await api('patch', `/assets/data/${uri}`, 'olivia').send({ [key]: patch }),
          field,
        );
        await api('patch', `/assets/data/${uri}`, 'dave')
          .send({ [key]: patch, credentials })
          .expect(200);
      },
    );

    it('should not count clearing a field whose default is as strong as a weakening', async () => {
      const created = await api('post', '/assets/data')
        .send({
          name: 'Mongo Default TLS',
          connection_type: 'mongodb',
          database_config: { host: 'mongo.example.com', database: 'events', tls: true },
          credentials: { username: 'u', password: 'p' },
        })
        .expect(201);
      const res = await api('patch', `/assets/data/${created.body.resource_uri}`, 'olivia')
        .send({ database_config: { tls: null } })
        .expect(200);
      expect(res.body.database_config.tls).toBe(true);
    });
  });

  describe('concurrent changes', () => {
    const secretsOf = (uri: string) =>
      h.governance.infra.secrets.list({ orgId: ORG, projectId: PROJECT, resourceUri: uri });

    it('should apply exactly one of concurrent credential changes at a time and answer 409 CONFLICT to writers that lost', async () => {
      await api('post', '/assets/data')
        .send({ ...seedBody(), name: 'Contended' })
        .expect(201);
      const uri = `data:${ORG}:${PROJECT}:contended`;
      const ports = [6001, 6002, 6003, 6004, 6005, 6006, 6007, 6008];
      const results = await Promise.all(
        ports.map((port) =>
          api('put', `/assets/data/${uri}`).send({
            connection_type: 'postgres',
            database_config: { host: 'pg.example.com', port, database: 'a' },
            credentials: { username: 'u', password: `pw-${port}` },
          }),
        ),
      );
      for (const res of results) {
        expect([200, 409]).toContain(res.status);
        if (res.status === 409) expect(res.body.error.code).toBe('CONFLICT');
      }
      const row = await api('get', `/assets/data/${uri}`).expect(200);
      const secret = await api('get', `/assets/data/${uri}/secret`).expect(200);
      expect(secret.body.credentials.password).toBe(`pw-${row.body.database_config.port}`);
      expect((await secretsOf(uri)).map((s) => s.name)).toEqual([`credentials-v${secret.body.version}`]);
    });

    it("should give a connection re-created under a deleted one's name new version numbers, and none of the old secrets", async () => {
      await api('post', '/assets/data')
        .send({ ...seedBody(), name: 'Phoenix' })
        .expect(201);
      const uri = `data:${ORG}:${PROJECT}:phoenix`;
      await api('patch', `/assets/data/${uri}`)
        .send({ credentials: { username: 'u', password: 'rotated-old-pw' } })
        .expect(200);
      const old = (await api('get', `/assets/data/${uri}/secret`).expect(200)).body.version as number;
      await api('delete', `/assets/data/${uri}`).expect(204);
      expect(await secretsOf(uri)).toEqual([]);
      await api('post', '/assets/data')
        .send({ ...seedBody(), name: 'Phoenix' })
        .expect(201);
      const reborn = await api('get', `/assets/data/${uri}/secret`, 'olivia').expect(200);
      expect(reborn.body.version).toBeGreaterThan(old);
      for (let version = 1; version <= old; version++) {
        await request(gov)
          .get(
            `/governance/resources/data-connections/${encodeURIComponent(uri)}/secrets/credentials-v${version}`,
          )
          .set('authorization', as('olivia'))
          .expect(404);
      }
    });
  });

  describe('verification', () => {
    // A real PostgreSQL to verify against, started here so the suite needs no machine service.
    let target: EmbeddedPostgres;
    beforeAll(async () => {
      target = await startEmbeddedPostgres({ dataDir: null });
    });
    afterAll(async () => {
      await target?.stop();
    });
    const localPg = (password = CANARY, extra: Record<string, unknown> = {}) => ({
      connection_type: 'postgres',
      database_config: {
        host: '127.0.0.1',
        port: Number(new URL(target.url).port),
        database: 'postgres',
        ssl_mode: 'disable',
        ...extra,
      },
      credentials: { username: 'postgres', password },
    });

    it('should verify before saving and report discovery without storing anything', async () => {
      const before = await h.infra.database.dataSource.query(
        'SELECT count(*)::int AS n FROM data_connections',
      );
      const res = await api('post', '/assets/data/verify', 'dave').send(localPg()).expect(200);
      expect(res.body).toMatchObject({ success: true, details: { truncated: expect.any(Boolean) } });
      expect(res.body.steps.map((s: { name: string }) => s.name)).toEqual(
        expect.arrayContaining(['resolve', 'egress_policy', 'connect', 'authenticate', 'discover']),
      );
      expect(Array.isArray(res.body.details.schemas)).toBe(true);
      expect(JSON.stringify(res.body)).not.toContain(CANARY);
      expect(
        await h.infra.database.dataSource.query('SELECT count(*)::int AS n FROM data_connections'),
      ).toEqual(before);
    });

    it('should refuse cloud metadata at the egress step with a 200 report', async () => {
      for (const host of ['169.254.169.254', '2852039166', '0xa9fea9fe', 'metadata.google.internal']) {
        const res = await api('post', '/assets/data/verify', 'dave').send({
          ...localPg(),
          database_config: { host, port: 80, database: 'x', ssl_mode: 'disable' },
        });
        expect(res.status).toBe(200);
        expect(res.body.success).toBe(false);
        expect(res.body.steps.find((s: { status: string }) => s.status === 'failed')?.name).toMatch(
          /egress_policy|resolve/,
        );
      }
    });

    it('should require can_create_resources to verify before saving', async () => {
      await api('post', '/assets/data/verify', 'victor').send(localPg()).expect(403);
      await api('post', '/assets/data/verify', 'mallory', PROJECT, 'globex').send(localPg()).expect(404);
      await api('post', '/assets/data/verify', 'mike', null).send(localPg()).expect(403);
      await request(http).post('/assets/data/verify').send(localPg()).expect(401);
      const bad = await api('post', '/assets/data/verify', 'dave')
        .send({
          ...localPg(),
          database_config: { host: 'h', port: 5432, database: 'x', sslrootcert: '/etc/passwd' },
        })
        .expect(422);
      expect(bad.body.error.code).toBe('VALIDATION_ERROR');
    });

    it('should re-verify a saved connection with its stored credentials and record the status', async () => {
      await api('post', '/assets/data', 'dave')
        .send({ ...localPg(), name: 'Local PG' })
        .expect(201);
      const uri = `data:${ORG}:${PROJECT}:local-pg`;
      await api('post', `/assets/data/${uri}/verify`, 'victor').send({}).expect(403);
      const ok = await api('post', `/assets/data/${uri}/verify`, 'olivia').send({}).expect(200);
      expect(ok.body.success).toBe(true);
      const after = await api('get', `/assets/data/${uri}`).expect(200);
      expect(after.body).toMatchObject({ status: 'ACTIVE', last_verification: { success: true } });
      expect(after.body.last_verified_at).toEqual(expect.any(String));

      await api('patch', `/assets/data/${uri}`, 'dave')
        .send({ database_config: { port: 1 }, credentials: { username: 'postgres', password: CANARY } })
        .expect(200);
      const failed = await api('post', `/assets/data/${uri}/verify`, 'dave').send({}).expect(200);
      expect(failed.body.success).toBe(false);
      expect((await api('get', `/assets/data/${uri}`).expect(200)).body.status).toBe('ERROR');
      await request(http).post(`/assets/data/${uri}/verify`).send({}).expect(401);
      await api('post', `/assets/data/${uri}/verify`, 'mallory', null, 'globex').send({}).expect(404);
    });
  });
});
