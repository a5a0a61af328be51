import { randomBytes } from 'node:crypto';
import { jest } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { startAssetsHarness, type AssetsHarness } from '../support/assets-harness.js';
import { startScratchPostgres, type ScratchPostgres } from '../support/scratch-postgres.js';
import { CLOCK } from '../../apps/assets/src/common/index.js';
import { GovernanceCredentialsStore } from '../../apps/assets/src/governance/governance-credentials.store.js';
import { GovernanceUnavailableError } from '../../apps/assets/src/governance/governance.client.js';
import { VerificationService } from '../../apps/assets/src/verification/verification.service.js';
import { ConnectionRotationSaga } from '../../apps/assets/src/connections/lifecycle/rotation-saga.js';
import { SecretSweepRepository } from '../../apps/assets/src/connections/persistence/secret-sweep.repository.js';
import { SecretStoreSweeper } from '../../apps/assets/src/connections/lifecycle/secret-store.sweeper.js';
import { GovernanceSecretInventory } from '../../apps/assets/src/governance/governance-secret-inventory.js';

const ORG = 'acme';
const PROJECT = 'rotations';
/** The machine's PostgreSQL: the destination the connections under rotation point at. */
const PG_ADMIN_URL = process.env.VERIFY_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const HOUR_MS = 3_600_000;

/**
 * Rotation end to end, against a real role in the machine's PostgreSQL whose password is changed
 * with ALTER ROLE. Time is the app's injected clock, moved by the tests (no sleeps).
 *
 * The machine's pg_hba.conf trusts 127.0.0.1, so PostgreSQL does not check passwords there: the
 * tests about passwords themselves use a server of their own with SCRAM authentication (`strict`).
 */
describe('Credential rotation (e2e)', () => {
  let h: AssetsHarness;
  let http: ReturnType<AssetsHarness['app']['getHttpServer']>;
  let gov: ReturnType<AssetsHarness['governance']['app']['getHttpServer']>;
  let admin: pg.Client;
  /** A PostgreSQL server that checks passwords (SCRAM). */
  let strict: ScratchPostgres;
  /** Set where a test injects faults into one app's providers: its requests go to that app only. */
  let pinned: ReturnType<AssetsHarness['app']['getHttpServer']> | undefined;
  let now = Date.now();
  const roles: string[] = [];
  const target = new URL(PG_ADMIN_URL);

  const as = (user: string, org = ORG) => h.governance.bearer(user, org);
  type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
  const api = (method: Method, path: string, user = 'alice', org = ORG, project: string | null = PROJECT) => {
    const agent = request(pinned ?? http);
    const req = agent[method](path).set('authorization', as(user, org));
    return project ? req.set('x-project-id', project) : req;
  };
  const grant = (user: string, relation: string, object: string) =>
    request(gov)
      .post('/governance/grants')
      .set('authorization', as('alice'))
      .send({ user: `user:${user}`, relation, object })
      .expect(201);

  const newRole = async (password: string, on: 'machine' | 'strict' = 'machine'): Promise<string> => {
    const role = `rotation_${randomBytes(5).toString('hex')}`;
    const sql = `CREATE ROLE ${role} LOGIN PASSWORD '${password}'`;
    if (on === 'strict') await strict.query(sql);
    else {
      await admin.query(sql);
      roles.push(role);
    }
    return role;
  };
  const credentialsOf = (username: string, password: string) => ({ username, password });
  const create = async (
    name: string,
    username: string,
    password: string,
    on: 'machine' | 'strict' = 'machine',
  ): Promise<string> => {
    const res = await api('post', '/assets/data')
      .send({
        name,
        connection_type: 'postgres',
        database_config: {
          host: on === 'strict' ? '127.0.0.1' : target.hostname,
          port: on === 'strict' ? strict.port : Number(target.port || 5432),
          database: target.pathname.slice(1) || 'postgres',
          ssl_mode: 'disable',
        },
        credentials: credentialsOf(username, password),
      })
      .expect(201);
    return res.body.resource_uri as string;
  };
  const rotate = (uri: string, body: Record<string, unknown>, user = 'alice') =>
    api('post', `/assets/data/${uri}/rotations`, user).send(body);
  const secret = (uri: string, version?: string) =>
    api('get', `/assets/data/${uri}/secret${version ? `?version=${version}` : ''}`, 'olivia');
  const storedVersions = async (uri: string): Promise<string[]> =>
    (
      (await h.governance.infra.database.dataSource.query(
        'SELECT name FROM secrets WHERE resource_uri = $1 ORDER BY name',
        [uri],
      )) as Array<{ name: string }>
    ).map((r) => r.name);
  /** The webhook events published for a connection (each also an audit event), one per type. */
  const eventsOf = async (uri: string): Promise<string[]> =>
    (
      (await h.infra.database.dataSource.query(
        'SELECT DISTINCT type FROM webhook_events WHERE resource_uri = $1 ORDER BY type',
        [uri],
      )) as Array<{ type: string }>
    ).map((r) => r.type);
  const pending = async (uri: string): Promise<number> =>
    Number(
      (
        await h.infra.database.dataSource.query(
          `SELECT count(*)::int AS n FROM connection_operations WHERE resource_uri = $1 AND status = 'pending'`,
          [uri],
        )
      )[0].n,
    );

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    strict = await startScratchPostgres();
    h = await startAssetsHarness({
      env: { RECONCILE_INTERVAL_MS: '0', SECRETS_SWEEP_INTERVAL_MS: '0' },
      overrides: [{ provide: CLOCK, useValue: () => now }],
    });
    http = h.app.getHttpServer();
    gov = h.governance.app.getHttpServer();
    await h.governance.createOrg(ORG, 'alice');
    await h.governance.createOrg('globex', 'mallory');
    await request(gov)
      .post('/governance/projects')
      .set('authorization', as('alice'))
      .send({ id: PROJECT, name: PROJECT })
      .expect(201);
    await grant('olivia', 'operator', `project:${PROJECT}`);
    await grant('victor', 'viewer', `project:${PROJECT}`);
  });

  afterAll(async () => {
    await h?.close();
    for (const role of roles) await admin?.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
    await admin?.end();
    await strict?.destroy();
  });

  beforeEach(() => {
    now = Date.now();
  });

  it('should stage, verify and promote a changed password, keeping the old one readable for the grace period', async () => {
    const role = await newRole('old-pw-1', 'strict');
    const uri = await create('Promoted', role, 'old-pw-1', 'strict');
    await strict.query(`ALTER ROLE ${role} PASSWORD 'new-pw-1'`);

    const res = await rotate(uri, {
      credentials: credentialsOf(role, 'new-pw-1'),
      grace_period_seconds: 3600,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      resource_uri: uri,
      status: 'promoted',
      from_version: 1,
      to_version: 2,
      auth_type: 'basic',
      grace_period_seconds: 3600,
      actor_id: 'alice',
      error_code: null,
      promoted_at: new Date(now).toISOString(),
      previous_version_expires_at: new Date(now + HOUR_MS).toISOString(),
    });
    expect(JSON.stringify(res.body)).not.toContain('new-pw-1');

    const active = await secret(uri).expect(200);
    expect(active.body).toEqual({
      resource_uri: uri,
      connection_type: 'postgres',
      auth_type: 'basic',
      credentials: credentialsOf(role, 'new-pw-1'),
      version: 2,
      active_version: 2,
      rotated_at: new Date(now).toISOString(),
      previous_version: 1,
      previous_version_expires_at: new Date(now + HOUR_MS).toISOString(),
    });
    for (const selector of ['previous', '1'])
      expect((await secret(uri, selector).expect(200)).body).toMatchObject({
        credentials: credentialsOf(role, 'old-pw-1'),
        version: 1,
        active_version: 2,
      });
    expect((await secret(uri, '2').expect(200)).body.version).toBe(2);
    expect((await secret(uri, '3').expect(404)).body.error.code).toBe('RESOURCE_NOT_FOUND');
    for (const bad of ['abc', '0', '-1', 'prev'])
      expect((await secret(uri, bad).expect(400)).body.error.code).toBe('INVALID_REQUEST');

    const history = await api('get', `/assets/data/${uri}/rotations`, 'victor').expect(200);
    expect(history.body).toMatchObject({
      data: [{ id: res.body.id, status: 'promoted' }],
      pagination: { page: 1, total_items: 1 },
    });
    expect((await api('get', `/assets/data/${uri}/rotations/${res.body.id}`).expect(200)).body).toEqual(
      res.body,
    );
    await api('get', `/assets/data/${uri}/rotations/00000000-0000-4000-8000-000000000000`).expect(404);
    await api('get', `/assets/data/${uri}/rotations/not-a-uuid`).expect(404);

    const audit = await request(gov)
      .get(`/governance/audit?resource_id=${encodeURIComponent(uri)}&page_size=100`)
      .set('authorization', as('alice'))
      .expect(200);
    const actions = (audit.body.data as Array<{ action: string }>).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['data_connection.rotation.started', 'data_connection.rotation.promoted']),
    );
    expect(JSON.stringify(audit.body)).not.toContain('new-pw-1');
    // The server now refuses the old password: rotating back to it fails verification.
    expect(
      (await rotate(uri, { credentials: credentialsOf(role, 'old-pw-1') }).expect(201)).body,
    ).toMatchObject({
      status: 'failed',
      error_code: 'auth_failed',
    });
    expect(await eventsOf(uri)).toEqual([
      'connection.rotation.failed',
      'connection.rotation.promoted',
      'connection.rotation.started',
    ]);
  });

  it('should leave the active version untouched when the new credentials fail verification', async () => {
    const role = await newRole('keep-pw', 'strict');
    const uri = await create('Refused', role, 'keep-pw', 'strict');

    const res = await rotate(uri, { credentials: credentialsOf(role, 'wrong-pw-xyz') }).expect(201);
    expect(res.body).toMatchObject({
      status: 'failed',
      from_version: 1,
      to_version: 2,
      error_code: 'auth_failed',
      error_message: expect.any(String),
      promoted_at: null,
      previous_version_expires_at: null,
    });
    expect(JSON.stringify(res.body)).not.toContain('wrong-pw-xyz');
    expect(await eventsOf(uri)).toEqual(['connection.rotation.failed', 'connection.rotation.started']);
    const active = await secret(uri).expect(200);
    expect(active.body).toMatchObject({ version: 1, credentials: credentialsOf(role, 'keep-pw') });
    expect(active.body).not.toHaveProperty('previous_version_expires_at');
    await secret(uri, 'previous').expect(404);
    await secret(uri, '2').expect(404);
    expect(await storedVersions(uri)).toEqual(['credentials-v1']);
    expect(await pending(uri)).toBe(0);
    // The connection takes other changes again at once.
    await api('patch', `/assets/data/${uri}`).send({ description: 'still here' }).expect(200);
  });

  it('should retire the previous version once its grace period ends, after which rollback is refused', async () => {
    const role = await newRole('r-old');
    const uri = await create('Retired', role, 'r-old');
    const res = await rotate(uri, {
      credentials: credentialsOf(role, 'r-new'),
      grace_period_seconds: 60,
    }).expect(201);
    expect(await storedVersions(uri)).toEqual(['credentials-v1', 'credentials-v2']);

    now += 60_000;
    // Expired: no longer served, even before the retirement pass deletes it.
    await secret(uri, 'previous').expect(404);
    await secret(uri, '1').expect(404);
    expect((await secret(uri).expect(200)).body).not.toHaveProperty('previous_version');
    // The pass is across tenants: other tests' rotations may expire too.
    expect((await h.reconciler.runOnce()).retired).toBeGreaterThanOrEqual(1);
    expect(await storedVersions(uri)).toEqual(['credentials-v2']);
    const retired = await api('get', `/assets/data/${uri}/rotations/${res.body.id}`).expect(200);
    expect(retired.body).toMatchObject({ status: 'retired', retired_at: new Date(now).toISOString() });

    const refused = await api('post', `/assets/data/${uri}/rotations/${res.body.id}/rollback`).expect(409);
    expect(refused.body.error.message).toMatch(/retired/);
    expect((await secret(uri).expect(200)).body).toMatchObject({
      version: 2,
      credentials: { password: 'r-new' },
    });
    // A second pass changes nothing more.
    await h.reconciler.runOnce();
    expect(await storedVersions(uri)).toEqual(['credentials-v2']);
  });

  it('should roll back to the previous version before retirement, keeping the rolled-back one in grace', async () => {
    const role = await newRole('b-old');
    const uri = await create('Rolled Back', role, 'b-old');
    const res = await rotate(uri, { credentials: credentialsOf(role, 'b-new') }).expect(201);
    const expiresAt = res.body.previous_version_expires_at as string;
    // The deployment default grace period (ROTATION_GRACE_PERIOD_DEFAULT_S): an hour.
    expect(Date.parse(expiresAt) - now).toBe(HOUR_MS);

    now += 10 * 60_000;
    const back = await api('post', `/assets/data/${uri}/rotations/${res.body.id}/rollback`).expect(200);
    expect(back.body).toMatchObject({ status: 'rolled_back', rolled_back_at: new Date(now).toISOString() });
    expect((await secret(uri).expect(200)).body).toMatchObject({
      version: 1,
      credentials: { password: 'b-old' },
      previous_version: 2,
      previous_version_expires_at: expiresAt,
    });
    expect((await secret(uri, 'previous').expect(200)).body).toMatchObject({
      version: 2,
      credentials: { password: 'b-new' },
    });
    const again = await api('post', `/assets/data/${uri}/rotations/${res.body.id}/rollback`).expect(409);
    expect(again.body.error.message).toMatch(/already rolled back/);

    now = Date.parse(expiresAt);
    expect((await h.reconciler.runOnce()).retired).toBeGreaterThanOrEqual(1);
    expect(await storedVersions(uri)).toEqual(['credentials-v1']);
    expect((await api('get', `/assets/data/${uri}/rotations/${res.body.id}`).expect(200)).body).toMatchObject(
      {
        status: 'retired',
        rolled_back_at: expect.any(String),
      },
    );
    const audit = await request(gov)
      .get(`/governance/audit?resource_id=${encodeURIComponent(uri)}&page_size=100`)
      .set('authorization', as('alice'))
      .expect(200);
    expect((audit.body.data as Array<{ action: string }>).map((e) => e.action)).toEqual(
      expect.arrayContaining(['data_connection.rotation.rolled_back', 'data_connection.rotation.retired']),
    );
  });

  it('should retire a version still in grace when a later rotation promotes, and a zero grace at once', async () => {
    const role = await newRole('c-1');
    const uri = await create('Chained', role, 'c-1');
    await rotate(uri, { credentials: credentialsOf(role, 'c-2') }).expect(201);
    const second = await rotate(uri, { credentials: credentialsOf(role, 'c-3') }).expect(201);
    expect(second.body).toMatchObject({ status: 'promoted', from_version: 2, to_version: 3 });
    // v1 was in grace; the second promotion superseded it and deleted it at once.
    expect(await storedVersions(uri)).toEqual(['credentials-v2', 'credentials-v3']);
    expect((await secret(uri, 'previous').expect(200)).body).toMatchObject({ version: 2 });
    const third = await rotate(uri, {
      credentials: credentialsOf(role, 'c-4'),
      grace_period_seconds: 0,
    }).expect(201);
    expect(third.body.status).toBe('promoted');
    expect(await storedVersions(uri)).toEqual(['credentials-v4']);
    await secret(uri, 'previous').expect(404);
  });

  it('should retire each expired version exactly once when retirement passes run side by side', async () => {
    const uris: string[] = [];
    for (const name of ['Pass A', 'Pass B', 'Pass C']) {
      const role = await newRole('q-old');
      const uri = await create(name, role, 'q-old');
      await rotate(uri, { credentials: credentialsOf(role, 'q-new'), grace_period_seconds: 30 }).expect(201);
      uris.push(uri);
    }
    now += 30_000;
    // Every replica's pass, twice over: SKIP LOCKED and the lease decide who retires what.
    const passes = await Promise.all(
      [...h.replicas, ...h.replicas].map((r) => r.app.get(ConnectionRotationSaga).retireDue()),
    );
    expect(passes.reduce((n, p) => n + p.failed, 0)).toBe(0);
    expect(passes.reduce((n, p) => n + p.retired, 0)).toBeGreaterThanOrEqual(3);
    for (const uri of uris) {
      expect(await storedVersions(uri)).toEqual(['credentials-v2']);
      const audit = await request(gov)
        .get(
          `/governance/audit?action=data_connection.rotation.retired&resource_id=${encodeURIComponent(uri)}`,
        )
        .set('authorization', as('alice'))
        .expect(200);
      expect(audit.body.data).toHaveLength(1);
    }
  });

  it('should rotate an org-level connection (no X-Project-ID)', async () => {
    const role = await newRole('o-old');
    const created = await api('post', '/assets/data', 'alice', ORG, null)
      .send({
        name: 'Org Level',
        connection_type: 'postgres',
        database_config: {
          host: target.hostname,
          port: Number(target.port || 5432),
          database: 'postgres',
          ssl_mode: 'disable',
        },
        credentials: credentialsOf(role, 'o-old'),
      })
      .expect(201);
    const uri = created.body.resource_uri as string;
    expect(uri).toBe(`data:${ORG}::org-level`);
    const res = await api('post', `/assets/data/${uri}/rotations`, 'alice', ORG, null)
      .send({ credentials: credentialsOf(role, 'o-new') })
      .expect(201);
    expect(res.body.status).toBe('promoted');
    const previous = await api(
      'get',
      `/assets/data/${uri}/secret?version=previous`,
      'alice',
      ORG,
      null,
    ).expect(200);
    expect(previous.body).toMatchObject({
      version: 1,
      active_version: 2,
      credentials: { password: 'o-old' },
    });
    await api('post', `/assets/data/${uri}/rotations/${res.body.id}/rollback`, 'alice', ORG, null).expect(
      200,
    );
    const history = await api('get', `/assets/data/${uri}/rotations`, 'alice', ORG, null).expect(200);
    expect(history.body.data).toEqual([expect.objectContaining({ id: res.body.id, status: 'rolled_back' })]);
  });

  it('should let exactly one of two concurrent rotations win; the other stores nothing', async () => {
    const role = await newRole('x-old');
    const uri = await create('Raced', role, 'x-old');
    const [a, b] = await Promise.all([
      rotate(uri, { credentials: credentialsOf(role, 'x-a') }),
      rotate(uri, { credentials: credentialsOf(role, 'x-b') }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error.code).toBe('CONFLICT');
    expect(await storedVersions(uri)).toHaveLength(2);
    expect((await api('get', `/assets/data/${uri}/rotations`).expect(200)).body.pagination.total_items).toBe(
      1,
    );
    // An update racing a rotation: one of them wins too.
    const [rotation, update] = await Promise.all([
      rotate(uri, { credentials: credentialsOf(role, 'x-c') }),
      api('patch', `/assets/data/${uri}`).send({ credentials: credentialsOf(role, 'x-d') }),
    ]);
    expect([rotation.status, update.status].filter((s) => s === 409)).toHaveLength(1);
  });

  it('should give every concurrent /secret reader a whole version, old or new, during a promotion', async () => {
    const role = await newRole('live-old');
    const uri = await create('Live', role, 'live-old');
    await admin.query(`ALTER ROLE ${role} PASSWORD 'live-new'`);
    const readers = 8;
    const reads: Array<{ status: number; body: Record<string, unknown>; afterPromotion: boolean }> = [];
    let rotating = true;
    const reader = async () => {
      // Keeps reading until the rotation is answered, then once more.
      let afterPromotion = false;
      for (;;) {
        const res = await secret(uri);
        reads.push({ status: res.status, body: res.body as Record<string, unknown>, afterPromotion });
        if (afterPromotion) return;
        afterPromotion = !rotating;
      }
    };
    const all = Array.from({ length: readers }, reader);
    const res = await rotate(uri, { credentials: credentialsOf(role, 'live-new') });
    rotating = false;
    await Promise.all(all);
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('promoted');
    expect(reads.length).toBeGreaterThan(readers);
    const whole = [
      { version: 1, credentials: credentialsOf(role, 'live-old') },
      { version: 2, credentials: credentialsOf(role, 'live-new') },
    ];
    for (const read of reads) {
      expect({ status: read.status, error: read.body.error }).toEqual({ status: 200, error: undefined });
      expect(whole).toContainEqual({ version: read.body.version, credentials: read.body.credentials });
    }
    // A read that started once the promotion was answered sees the new version.
    const later = reads.filter((r) => r.afterPromotion);
    expect(later.length).toBeGreaterThanOrEqual(readers);
    for (const read of later) expect(read.body.version).toBe(2);
  });

  describe('authorization', () => {
    let uri: string;
    let rotationId: string;
    beforeAll(async () => {
      const role = await newRole('z-old');
      uri = await create('Guarded', role, 'z-old');
      rotationId = (await rotate(uri, { credentials: credentialsOf(role, 'z-new') }).expect(201)).body.id;
    });
    const routes = (): Array<[Method, string]> => [
      ['post', `/assets/data/${uri}/rotations`],
      ['get', `/assets/data/${uri}/rotations`],
      ['get', `/assets/data/${uri}/rotations/${rotationId}`],
      ['post', `/assets/data/${uri}/rotations/${rotationId}/rollback`],
      ['get', `/assets/data/${uri}/secret?version=previous`],
    ];

    it('should answer 401 without a token on every rotation route', async () => {
      for (const [method, path] of routes()) {
        const res = await request(http)[method](path).set('x-project-id', PROJECT).send({});
        expect([path, res.status]).toEqual([path, 401]);
      }
    });

    it('should answer 404 to another tenant on every rotation route', async () => {
      for (const [method, path] of routes()) {
        const res = await api(method, path, 'mallory', 'globex', null).send({
          credentials: credentialsOf('x', 'y'),
        });
        expect([path, res.status]).toEqual([path, 404]);
        expect(res.body.error.code).toBe('RESOURCE_NOT_FOUND');
      }
    });

    it('should refuse a viewer without can_manage_secrets, who may still read the history', async () => {
      const refused = await rotate(uri, { credentials: credentialsOf('x', 'y') }, 'victor').expect(403);
      expect(refused.body.error.code).toBe('INSUFFICIENT_PERMISSIONS');
      await api('post', `/assets/data/${uri}/rotations/${rotationId}/rollback`, 'victor').expect(403);
      await api('get', `/assets/data/${uri}/rotations`, 'victor').expect(200);
      // An operator can read secrets but not manage them.
      await rotate(uri, { credentials: credentialsOf('x', 'y') }, 'olivia').expect(403);
      expect((await secret(uri).expect(200)).body.version).toBe(2);
    });

    it('should reject bad bodies with 4xx before anything is stored', async () => {
      for (const body of [
        {},
        { credentials: 'nope' },
        { credentials: credentialsOf('x', 'y'), grace_period_seconds: -1 },
        { credentials: credentialsOf('x', 'y'), grace_period_seconds: 7 * 24 * 3600 + 1 },
        { credentials: { username: 'x' } },
        { credentials: credentialsOf('x', 'y'), auth_type: 'token' },
      ]) {
        const res = await rotate(uri, body);
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }
      expect(
        (await api('get', `/assets/data/${uri}/rotations`).expect(200)).body.pagination.total_items,
      ).toBe(1);
    });
  });

  describe('interruption', () => {
    /** What a restart does: the dead request's lease runs out, and the reconciler takes over. */
    const restartAndReconcile = async () => {
      await h.infra.database.dataSource.query(
        `UPDATE connection_operations SET lease_until = now() - interval '1 second' WHERE status = 'pending'`,
      );
      return h.reconciler.runOnce();
    };

    // Faults are injected into the first replica's providers (E2E_REPLICAS=2 runs two).
    const first = () => h.replicas[0]!.app;
    beforeAll(() => {
      pinned = first().getHttpServer();
    });
    afterAll(() => {
      pinned = undefined;
    });
    afterEach(() => jest.restoreAllMocks());

    it('should undo a rotation whose process died after staging the new version', async () => {
      const role = await newRole('d-old');
      const uri = await create('Died Staged', role, 'd-old');
      // The process "dies" during verification: nothing after staging runs (its undo fails too).
      jest.spyOn(first().get(VerificationService), 'verify').mockRejectedValueOnce(new Error('process died'));
      jest
        .spyOn(first().get(GovernanceCredentialsStore), 'purge')
        .mockRejectedValueOnce(new GovernanceUnavailableError(null));
      expect((await rotate(uri, { credentials: credentialsOf(role, 'd-new') })).status).toBe(503);
      expect(await storedVersions(uri)).toEqual(['credentials-v1', 'credentials-v2']);
      expect(await pending(uri)).toBe(1);
      const [rotation] = (await api('get', `/assets/data/${uri}/rotations`).expect(200)).body.data;
      expect(rotation).toMatchObject({ status: 'verifying', to_version: 2 });
      // Meanwhile the connection is claimed: other writers get 409, readers the active version.
      await api('patch', `/assets/data/${uri}`).send({ description: 'x' }).expect(409);
      expect((await secret(uri).expect(200)).body).toMatchObject({ version: 1 });

      expect(await restartAndReconcile()).toMatchObject({ rolledBack: 1, failed: 0 });
      expect(await storedVersions(uri)).toEqual(['credentials-v1']);
      expect(await pending(uri)).toBe(0);
      expect(
        (await api('get', `/assets/data/${uri}/rotations/${rotation.id}`).expect(200)).body,
      ).toMatchObject({ status: 'failed', error_code: 'rotation_interrupted' });
      expect((await secret(uri).expect(200)).body).toMatchObject({
        version: 1,
        credentials: { password: 'd-old' },
      });
      // And the connection rotates normally afterwards.
      expect(
        (await rotate(uri, { credentials: credentialsOf(role, 'd-new') }).expect(201)).body,
      ).toMatchObject({ status: 'promoted', to_version: 3 });
    });

    it('should delete a staged version whose write landed although Governance answered with an error', async () => {
      const role = await newRole('g-old');
      const uri = await create('Governance Lost', role, 'g-old');
      const store = first().get(GovernanceCredentialsStore);
      const put = store.put.bind(store);
      jest.spyOn(store, 'put').mockImplementationOnce(async (...args) => {
        await put(...args);
        throw new GovernanceUnavailableError(null);
      });
      expect((await rotate(uri, { credentials: credentialsOf(role, 'g-new') })).status).toBe(503);
      expect(await storedVersions(uri)).toEqual(['credentials-v1']);
      expect(await pending(uri)).toBe(0);
      const [rotation] = (await api('get', `/assets/data/${uri}/rotations`).expect(200)).body.data;
      expect(rotation).toMatchObject({ status: 'failed', error_code: 'staging_failed' });
      expect((await secret(uri).expect(200)).body).toMatchObject({ version: 1 });
    });

    it('should retire a superseded version at the next pass when the request ended right after promotion', async () => {
      const role = await newRole('p-1');
      const uri = await create('Died Promoted', role, 'p-1');
      await rotate(uri, { credentials: credentialsOf(role, 'p-2') }).expect(201);
      // The request ends right after the switch committed: v1 (superseded) is not deleted yet.
      jest
        .spyOn(first().get(ConnectionRotationSaga), 'retireDue')
        .mockRejectedValueOnce(new Error('process died'));
      expect((await rotate(uri, { credentials: credentialsOf(role, 'p-3') }).expect(201)).body.status).toBe(
        'promoted',
      );
      expect(await storedVersions(uri)).toEqual(['credentials-v1', 'credentials-v2', 'credentials-v3']);
      await secret(uri, '1').expect(404);
      expect((await h.reconciler.runOnce()).retired).toBeGreaterThanOrEqual(1);
      expect(await storedVersions(uri)).toEqual(['credentials-v2', 'credentials-v3']);
    });

    it('should keep versions in grace out of the sweep and delete all of them with the connection', async () => {
      const role = await newRole('s-old');
      const uri = await create('Swept', role, 's-old');
      await rotate(uri, { credentials: credentialsOf(role, 's-new') }).expect(201);
      // A sweep long after both were written: v1 is in grace, so it stays (the retirement pass owns it).
      const later = () => Date.now() + 10 * HOUR_MS;
      const sweeper = new SecretStoreSweeper(
        first().get(SecretSweepRepository),
        first().get(GovernanceSecretInventory),
        {
          intervalMs: 0,
          graceMs: 60_000,
          now: later,
        },
      );
      const summary = await sweeper.runOnce();
      expect(summary.kept.in_grace).toBeGreaterThanOrEqual(1);
      expect(await storedVersions(uri)).toEqual(['credentials-v1', 'credentials-v2']);
      await api('delete', `/assets/data/${uri}`, 'alice').expect(204);
      expect(await storedVersions(uri)).toEqual([]);
    });
  });
});
