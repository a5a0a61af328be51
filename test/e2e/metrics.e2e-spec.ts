import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { AppMetrics, type MetricsServer, startMetricsServer } from '@app/core';
import { UploadSlots } from '../../apps/assets/src/storage/upload-slots.js';
import { startAssetsHarness, type AssetsHarness } from '../support/assets-harness.js';

const ORG = 'acme';
const PROJECT = 'analytics-prod';

/** One sample of a Prometheus text exposition: its labels and value. */
interface Sample {
  labels: Record<string, string>;
  value: number;
}

/** The samples of `name` in an exposition (labels parsed; values as numbers). */
function samples(text: string, name: string): Sample[] {
  const out: Sample[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[key] = value;
    out.push({ labels, value: Number(match[3]) });
  }
  return out;
}

const valueOf = (text: string, name: string, labels: Record<string, string> = {}): number | undefined =>
  samples(text, name).find((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;

describe('Prometheus metrics (e2e)', () => {
  let h: AssetsHarness;
  let http: ReturnType<AssetsHarness['app']['getHttpServer']>;
  let assetsMetrics: MetricsServer;
  let governanceMetrics: MetricsServer;
  let alice: string;

  const scrape = async (server: MetricsServer, path = '/metrics') => {
    const res = await fetch(`http://127.0.0.1:${server.port}${path}`);
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };
  const api = (method: 'get' | 'post' | 'put', path: string) =>
    request(http)[method](path).set('authorization', alice).set('x-project-id', PROJECT);

  /** A saved connection (its credentials go to Governance's secrets backend); returns its URI. */
  const createConnection = async (name: string): Promise<string> => {
    const created = await api('post', '/assets/data')
      .send({
        name,
        connection_type: 'postgres',
        database_config: { host: 'db.example.com', port: 5432, database: 'm' },
        credentials: { username: 'u', password: 'metrics-canary-pw' },
      })
      .expect(201);
    return created.body.resource_uri as string;
  };

  beforeAll(async () => {
    // One replica even under E2E_REPLICAS: the series read here are one process's own.
    h = await startAssetsHarness({ replicas: 1, env: { OBSTORE_BACKEND: 'local' } });
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    http = h.app.getHttpServer();
    // The bootstrap starts these on ASSETS_METRICS_PORT / GOVERNANCE_METRICS_PORT; here on free ports.
    assetsMetrics = await startMetricsServer(h.app.get(AppMetrics), { port: 0, host: '127.0.0.1' });
    governanceMetrics = await startMetricsServer(h.governance.app.get(AppMetrics), {
      port: 0,
      host: '127.0.0.1',
    });
    await h.governance.createOrg(ORG, 'alice');
    alice = h.governance.bearer('alice', ORG);
    await request(h.governance.app.getHttpServer())
      .post('/governance/projects')
      .set('authorization', alice)
      .send({ id: PROJECT, name: PROJECT })
      .expect(201);
  });

  afterAll(async () => {
    await assetsMetrics?.close();
    await governanceMetrics?.close();
    await h?.close();
  });

  it('should give each app its own registry, prefixed by the app', () => {
    const assets = h.app.get(AppMetrics);
    const governance = h.governance.app.get(AppMetrics);
    expect(assets).not.toBe(governance);
    expect(assets.registry).not.toBe(governance.registry);
    expect(assets.prefix).toBe('assets_');
    expect(governance.prefix).toBe('governance_');
  });

  it('should count requests by templated route, never the concrete URI, and count a 404 as an error', async () => {
    const before = (await scrape(assetsMetrics)).text;
    const uri = await createConnection('Metrics DB');
    for (let i = 0; i < 3; i++) await api('get', `/assets/data/${encodeURIComponent(uri)}`).expect(200);
    await api('get', `/assets/data/${encodeURIComponent(`data:${ORG}:${PROJECT}:no-such-db`)}`).expect(404);
    await request(http).get('/assets/no/such/route').expect(404);

    const { status, type, text } = await scrape(assetsMetrics);
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    const route = '/assets/data/:resource_uri';
    const ok = { route, method: 'GET', status_class: '2xx' };
    const delta = (name: string, labels: Record<string, string>) =>
      (valueOf(text, name, labels) ?? 0) - (valueOf(before, name, labels) ?? 0);
    expect(delta('assets_http_request_duration_seconds_count', ok)).toBe(3);
    expect(delta('assets_http_request_duration_seconds_sum', ok)).toBeGreaterThan(0);
    expect(delta('assets_http_request_duration_seconds_bucket', { ...ok, le: '+Inf' })).toBe(3);
    expect(delta('assets_http_request_duration_seconds_count', { ...ok, status_class: '4xx' })).toBe(1);
    expect(delta('assets_http_request_errors_total', { route, method: 'GET', status: '404' })).toBe(1);
    // A path no route matches has one label value, not its URL.
    expect(
      valueOf(text, 'assets_http_request_errors_total', { route: 'unmatched', method: 'GET', status: '404' }),
    ).toBeGreaterThanOrEqual(1);
    const creates = { route: '/assets/data', method: 'POST', status_class: '2xx' };
    expect(valueOf(text, 'assets_http_request_duration_seconds_count', creates)).toBe(
      (valueOf(before, 'assets_http_request_duration_seconds_count', creates) ?? 0) + 1,
    );
    // No label anywhere holds a concrete URI.
    expect(text).not.toContain(uri);
    expect(text).not.toContain('no-such-db');
    expect(text).not.toContain('/assets/no/such/route');
  });

  it('should time authz checks, count check cache hits and time the secrets backend', async () => {
    const uri = await createConnection('Secret Metrics DB');
    const path = `/assets/data/${encodeURIComponent(uri)}`;
    for (let i = 0; i < 3; i++) await api('get', path).expect(200);
    await api('get', `${path}/secret`).expect(200);
    const { text } = await scrape(assetsMetrics);
    expect(
      samples(text, 'assets_authz_request_duration_seconds_count').reduce((n, s) => n + s.value, 0),
    ).toBeGreaterThan(0);
    // Three reads of one connection by one user: the later checks come from the cache.
    expect(valueOf(text, 'assets_authz_check_cache_total', { result: 'hit' })).toBeGreaterThan(0);
    expect(valueOf(text, 'assets_authz_check_cache_total', { result: 'miss' })).toBeGreaterThan(0);
    // Served from the first scrape on (refreshes happen only near an entry's expiry; unit-tested).
    expect(valueOf(text, 'assets_authz_check_cache_refreshes_total')).toBeGreaterThanOrEqual(0);

    // The user's read went to Governance in a forwarded call: one call, one read.
    expect(valueOf(text, 'assets_forwarded_secret_reads_batch_size_count')).toBeGreaterThanOrEqual(1);
    expect(
      valueOf(text, 'assets_forwarded_secret_reads_batch_size_bucket', { le: '1' }),
    ).toBeGreaterThanOrEqual(1);

    const governance = (await scrape(governanceMetrics)).text;
    // Reading the connection's secret went through Governance's secrets backend.
    const reads = samples(governance, 'governance_secrets_backend_duration_seconds_count').filter(
      (s) => s.labels.operation === 'get' && s.labels.outcome === 'ok',
    );
    expect(reads).toHaveLength(1);
    expect(reads[0].value).toBeGreaterThanOrEqual(1);
    expect(reads[0].labels.backend).toEqual(expect.any(String));
    expect(governance).toContain('# TYPE governance_secrets_backend_errors_total counter');
    expect(governance).toContain('# TYPE governance_audit_write_failures_total counter');
    // The read's audit event went in through the group-committed append: one statement, one event.
    expect(valueOf(governance, 'governance_audit_append_batch_size_count')).toBeGreaterThanOrEqual(1);
    expect(
      valueOf(governance, 'governance_audit_append_batch_size_bucket', { le: '1' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      samples(governance, 'governance_http_request_duration_seconds_count').some(
        (s) => s.labels.route === '/governance/projects' && s.labels.method === 'POST',
      ),
    ).toBe(true);
  });

  it('should count verification outcomes by type and error_code', async () => {
    const res = await api('post', '/assets/data/verify')
      .send({
        connection_type: 'postgres',
        database_config: { host: '169.254.169.254', port: 80, database: 'x', ssl_mode: 'disable' },
        credentials: { username: 'u', password: 'p' },
      })
      .expect(200);
    expect(res.body.success).toBe(false);
    const errorCode = res.body.details.error_code as string;
    expect(errorCode).toEqual(expect.any(String));

    const { text } = await scrape(assetsMetrics);
    expect(
      valueOf(text, 'assets_verifications_total', {
        type: 'postgres',
        outcome: 'failure',
        error_code: errorCode,
      }),
    ).toBe(1);
  });

  it('should show the upload slots in use while an upload streams, and free them after', async () => {
    const before = (await scrape(assetsMetrics)).text;
    expect(valueOf(before, 'assets_upload_slots_in_use')).toBe(0);
    expect(valueOf(before, 'assets_upload_slots_limit')).toBeGreaterThan(0);

    const { port } = http.address() as AddressInfo;
    const held = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'PUT',
      path: '/assets/storage/metrics/slow/1.bin',
      headers: { authorization: alice, 'x-project-id': PROJECT, 'content-length': String(1024 * 1024) },
    });
    held.on('error', () => undefined);
    held.write(Buffer.alloc(1024, 1));
    let inUse: number | undefined;
    for (let i = 0; i < 200 && inUse !== 1; i++) {
      inUse = valueOf((await scrape(assetsMetrics)).text, 'assets_upload_slots_in_use');
      if (inUse !== 1) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(inUse).toBe(1);
    held.destroy();
    await h.app.get(UploadSlots).drained();
    expect(valueOf((await scrape(assetsMetrics)).text, 'assets_upload_slots_in_use')).toBe(0);
  });

  it('should read the reconciler backlog, the DB pool and the process metrics at scrape time', async () => {
    const { text } = await scrape(assetsMetrics);
    expect(valueOf(text, 'assets_reconciler_pending_operations')).toBe(0);
    expect(valueOf(text, 'assets_reconciler_oldest_pending_age_seconds')).toBe(0);
    expect(valueOf(text, 'assets_db_pool_connections')).toBeGreaterThanOrEqual(1);
    expect(valueOf(text, 'assets_db_pool_idle_connections')).toBeGreaterThanOrEqual(0);
    expect(valueOf(text, 'assets_db_pool_waiting_requests')).toBe(0);
    expect(valueOf(text, 'assets_process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(valueOf(text, 'assets_nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
  });

  it('should count a pending operation in the backlog with its age', async () => {
    const uri = await createConnection('Backlog DB');
    await h.infra.database.dataSource.query(
      `INSERT INTO connection_operations (id, connection_id, org_id, project_id, resource_uri, kind, secret_version, actor_id, status, attempts, lease_until, created_at, updated_at)
       SELECT gen_random_uuid(), c.id, c.org_id, c.project_id, c.resource_uri, 'update_credentials', 1, 'alice', 'pending', 0,
              now() + interval '1 hour', now() - interval '90 seconds', now()
         FROM data_connections c WHERE c.resource_uri = $1`,
      [uri],
    );
    // Past the one-second memo of the previous scrape.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const { text } = await scrape(assetsMetrics);
    expect(valueOf(text, 'assets_reconciler_pending_operations')).toBe(1);
    expect(valueOf(text, 'assets_reconciler_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(90);
    await h.infra.database.dataSource.query(`DELETE FROM connection_operations WHERE status = 'pending'`);
  });

  it('should serve only GET /metrics on the metrics listener', async () => {
    expect((await scrape(assetsMetrics, '/')).status).toBe(404);
    expect((await scrape(assetsMetrics, '/health/live')).status).toBe(404);
  });

  it('should never serve /metrics on the public listeners', async () => {
    await request(http).get('/metrics').expect(404);
    await request(http).get('/assets/metrics').expect(404);
    await request(h.governance.app.getHttpServer()).get('/metrics').expect(404);
  });
});
