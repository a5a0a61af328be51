import request from 'supertest';
import { startAssetsHarness, type AssetsHarness } from '../support/assets-harness.js';
import { startScratchPostgres, type ScratchPostgres } from '../support/scratch-postgres.js';
import { CLOCK } from '../../apps/assets/src/common/index.js';
import { HealthScheduler } from '../../apps/assets/src/connections/health/health-scheduler.js';

const ORG = 'acme';
const PROJECT = 'analytics-prod';
const PASSWORD = 'reader-pw-5e1c9a';
const MINUTE = 60_000;

/**
 * Scheduled health checks against a real PostgreSQL with password authentication: the failures
 * the taxonomy names, caught as they happen to the server. Time is the test's clock, never a sleep.
 */
describe('Connection health (e2e)', () => {
  let h: AssetsHarness;
  let pg: ScratchPostgres;
  let http: ReturnType<AssetsHarness['app']['getHttpServer']>;
  let now = Date.parse('2026-06-01T08:00:00Z');
  const as = (user: string, org = ORG) => h.governance.bearer(user, org);
  const api = (method: 'get' | 'post' | 'patch', path: string, user = 'alice', org = ORG) =>
    request(http)[method](path).set('authorization', as(user, org)).set('x-project-id', PROJECT);
  const schedulers = () => h.replicas.map((r) => r.app.get(HealthScheduler));
  /** Every replica runs a pass at once: the leases must keep each check to one of them. */
  const tick = async (ms: number) => {
    now += ms;
    const summaries = await Promise.all(schedulers().map((s) => s.runOnce()));
    return summaries.reduce(
      (sum, s) => ({ checked: sum.checked + s.checked, placed: sum.placed + s.placed }),
      {
        checked: 0,
        placed: 0,
      },
    );
  };
  const uriOf = (name: string) => `data:${ORG}:${PROJECT}:${name}`;
  const connection = async (name: string) =>
    (await api('get', `/assets/data/${uriOf(name)}`).expect(200)).body;

  beforeAll(async () => {
    pg = await startScratchPostgres();
    await pg.query(`CREATE ROLE reader LOGIN PASSWORD '${PASSWORD}'`);
    await pg.query('CREATE TABLE public.orders (id int)');
    await pg.query('GRANT SELECT ON public.orders TO reader');
    h = await startAssetsHarness({
      env: { HEALTH_CHECK_TICK_MS: '0', HEALTH_CREDENTIALS_MAX_AGE_DAYS: '90' },
      overrides: [{ provide: CLOCK, useValue: () => now }],
    });
    http = h.app.getHttpServer();
    await h.governance.createOrg(ORG, 'alice');
    await h.governance.createOrg('globex', 'mallory');
    const gov = h.governance.app.getHttpServer();
    await request(gov)
      .post('/governance/projects')
      .set('authorization', as('alice'))
      .send({ id: PROJECT, name: PROJECT })
      .expect(201);
    await request(gov)
      .post('/governance/grants')
      .set('authorization', as('alice'))
      .send({ user: 'user:mike', relation: 'member', object: `organization:${ORG}` })
      .expect(201);
    await api('post', '/assets/data')
      .send({
        name: 'orders-db',
        connection_type: 'postgres',
        database_config: {
          host: '127.0.0.1',
          port: pg.port,
          database: 'postgres',
          ssl_mode: 'disable',
          selected_tables: ['orders'],
        },
        credentials: { username: 'reader', password: PASSWORD },
        health_check_interval_seconds: 60,
      })
      .expect(201);
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    await pg?.destroy();
  });

  it('should place the first check within one interval, then find the connection healthy', async () => {
    expect(await connection('orders-db')).toMatchObject({ health: 'unknown', next_check_at: null });
    expect((await tick(0)).placed).toBe(1);
    const placed = await connection('orders-db');
    expect(Date.parse(placed.next_check_at) - now).toBeLessThanOrEqual(MINUTE);
    expect((await tick(MINUTE)).checked).toBe(1);
    const checked = await connection('orders-db');
    expect(checked).toMatchObject({
      health: 'healthy',
      consecutive_failures: 0,
      last_checked_at: new Date(now).toISOString(),
      last_healthy_at: new Date(now).toISOString(),
      health_check_interval_seconds: 60,
      health_forecast: { credentials_max_age_days: 90 },
    });
    // The next check is one interval away, ±10%.
    const gap = Date.parse(checked.next_check_at) - now;
    expect(gap).toBeGreaterThanOrEqual(54_000);
    expect(gap).toBeLessThanOrEqual(66_000);
    // Not due yet: nothing runs.
    expect((await tick(30_000)).checked).toBe(0);
  });

  it('should catch a changed password as auth_failed', async () => {
    await pg.query(`ALTER ROLE reader PASSWORD 'changed-out-of-band'`);
    expect((await tick(MINUTE)).checked).toBe(1);
    expect(await connection('orders-db')).toMatchObject({ health: 'auth_failed', consecutive_failures: 1 });
    await pg.query(`ALTER ROLE reader PASSWORD '${PASSWORD}'`);
    await tick(2 * MINUTE);
    expect(await connection('orders-db')).toMatchObject({ health: 'healthy', consecutive_failures: 0 });
  });

  it('should catch a revoked SELECT on a selected table as permission_lost', async () => {
    await pg.query('REVOKE SELECT ON public.orders FROM reader');
    await tick(2 * MINUTE);
    const lost = await connection('orders-db');
    expect(lost.health).toBe('permission_lost');
    await pg.query('GRANT SELECT ON public.orders TO reader');
    await tick(2 * MINUTE);
    expect((await connection('orders-db')).health).toBe('healthy');
  });

  it('should catch a stopped server as unreachable, and list connections by health', async () => {
    await pg.stop();
    try {
      await tick(2 * MINUTE);
      expect(await connection('orders-db')).toMatchObject({ health: 'unreachable', consecutive_failures: 1 });
      const unreachable = await api('get', '/assets/data?health=unreachable').expect(200);
      expect(unreachable.body.data.map((c: { name: string }) => c.name)).toEqual(['orders-db']);
      const healthy = await api('get', '/assets/data?health=healthy').expect(200);
      expect(healthy.body.data).toEqual([]);
      await api('get', '/assets/data?health=sick').expect(400);
    } finally {
      await pg.start();
    }
  });

  it('should keep every result in the history, newest first, each from one replica only', async () => {
    const res = await api('get', `/assets/data/${uriOf('orders-db')}/health?limit=50`).expect(200);
    expect(res.body.data.map((r: { health: string }) => r.health)).toEqual([
      'unreachable',
      'healthy',
      'permission_lost',
      'healthy',
      'auth_failed',
      'healthy',
    ]);
    expect(res.body.pagination).toMatchObject({ total_items: 6 });
    expect(res.body.data[0]).toMatchObject({ error_code: 'unreachable', latency_ms: expect.any(Number) });
    expect(JSON.stringify(res.body)).not.toContain(PASSWORD);
    const page = await api('get', `/assets/data/${uriOf('orders-db')}/health?limit=2&page=2`).expect(200);
    expect(page.body.data.map((r: { health: string }) => r.health)).toEqual(['permission_lost', 'healthy']);
  });

  it('should read the credentials as the service account, audited with the purpose', async () => {
    const rows: Array<{ actor_type: string; actor_id: string; details: { purpose?: string } }> =
      await h.governance.infra.database.dataSource.query(
        `SELECT actor_type, actor_id, details FROM audit_events WHERE action = 'data_connection.secret.read' AND resource_id LIKE $1`,
        [`${uriOf('orders-db')}#%`],
      );
    const scheduled = rows.filter((r) => r.details?.purpose === 'health_check');
    expect(scheduled.length).toBe(6);
    expect(
      scheduled.every((r) => r.actor_type === 'service' && r.actor_id === 'service-account-assets'),
    ).toBe(true);
    const changes: Array<{ details: { from: string; to: string } }> =
      await h.governance.infra.database.dataSource.query(
        `SELECT details FROM audit_events WHERE action = 'data_connection.health.changed' AND resource_id = $1 ORDER BY "timestamp", id`,
        [uriOf('orders-db')],
      );
    expect(changes.map((c) => `${c.details.from}->${c.details.to}`)).toEqual([
      'unknown->healthy',
      'healthy->auth_failed',
      'auth_failed->healthy',
      'healthy->permission_lost',
      'permission_lost->healthy',
      'healthy->unreachable',
    ]);
  });

  it('should never schedule a connection whose checks are off, and validate the interval', async () => {
    const created = await api('post', '/assets/data')
      .send({
        name: 'unchecked-db',
        connection_type: 'postgres',
        database_config: { host: '127.0.0.1', port: pg.port, database: 'postgres', ssl_mode: 'disable' },
        credentials: { username: 'reader', password: PASSWORD },
        health_check_interval_seconds: 0,
      })
      .expect(201);
    expect(created.body).toMatchObject({ health_check_interval_seconds: 0, next_check_at: null });
    await tick(10 * MINUTE);
    expect(await connection('unchecked-db')).toMatchObject({ health: 'unknown', last_checked_at: null });
    for (const bad of [30, -1, 1.5, 8 * 24 * 3600, '60']) {
      const res = await api('patch', `/assets/data/${uriOf('unchecked-db')}`)
        .send({ health_check_interval_seconds: bad })
        .expect(422);
      expect(res.body.error.details.fields[0].field).toBe('health_check_interval_seconds');
    }
    // Turning them on places the first check again.
    const on = await api('patch', `/assets/data/${uriOf('unchecked-db')}`)
      .send({ health_check_interval_seconds: 300 })
      .expect(200);
    expect(on.body.health_check_interval_seconds).toBe(300);
    expect((await tick(0)).placed).toBe(1);
  });

  it('should answer 401 without a token, and 404 to another org or a caller who cannot read it', async () => {
    const path = `/assets/data/${uriOf('orders-db')}/health`;
    await request(http).get(path).set('x-project-id', PROJECT).expect(401);
    await api('get', path, 'mallory', 'globex').expect(404);
    // mike: an org member with no role in the project.
    await api('get', path, 'mike').expect(404);
  });
});
