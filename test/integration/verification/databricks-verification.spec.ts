import { makeTestCertificate, startFakeTcliService, type FakeTable } from '@app/testing';
import { DRIVERS } from '../../../apps/assets/src/verification/driver.registry.js';
import { DatabricksDriver } from '../../../apps/assets/src/verification/drivers/databricks/databricks.driver.js';
import { EgressPolicy } from '../../../apps/assets/src/egress/egress-policy.js';
import { loadVerificationConfig } from '../../../apps/assets/src/verification/verification.config.js';
import { VerificationService } from '../../../apps/assets/src/verification/verification.service.js';
import { canary, captureLogs, silentServer } from './verification-fixtures.js';

// The real @databricks/sql client (Thrift TBinaryProtocol over HTTPS, certificate checked against
// the workspace name) against the loopback TCLIService fake, reached through the egress policy with
// the workspace hostname pinned to 127.0.0.1.
const HOST = 'dbc-a1b2c3d4-e5f6.cloud.databricks.com';
const HTTP_PATH = '/sql/1.0/warehouses/1234567890abcdef';
const TOKEN = `dapi${canary().replace(/[^A-Za-z0-9]/g, '')}`;
const TABLES: FakeTable[] = [
  { catalog: 'main', schema: 'sales', name: 'orders', type: 'TABLE' },
  { catalog: 'main', schema: 'sales', name: 'customers', type: 'TABLE' },
  { catalog: 'main', schema: 'sales', name: 'big_orders', type: 'VIEW' },
  { catalog: 'main', schema: 'analytics', name: 'daily', type: 'MATERIALIZED VIEW' },
  { catalog: 'main', schema: 'analytics', name: 'clicks', type: 'STREAMING TABLE' },
  { catalog: 'samples', schema: 'nyctaxi', name: 'trips', type: 'TABLE' },
];

const pki = makeTestCertificate(HOST);
const fake = await startFakeTcliService({
  flavor: 'databricks',
  httpPath: HTTP_PATH,
  tls: { key: pki.key, cert: pki.cert },
  token: TOKEN,
  tables: TABLES,
  version: '2025.15',
  denied: ['samples'],
});
afterAll(() => fake.close());

function service(options: { port?: number; ca?: string } = {}, env: Record<string, string> = {}) {
  const config = loadVerificationConfig({ NODE_ENV: 'test', ...env });
  const policy = new EgressPolicy({
    production: false,
    protectedPorts: config.protectedPorts,
    resolver: async () => [{ address: '127.0.0.1', family: 4 }],
  });
  const databricks = new DatabricksDriver({ port: fake.port, ca: pki.ca, ...options });
  return new VerificationService(config, policy, { ...DRIVERS, databricks });
}

const input = (config: Record<string, unknown> = {}, token = TOKEN) => ({
  type: 'databricks' as const,
  auth_type: 'token',
  config: { auth_type: 'token', host: HOST, http_path: HTTP_PATH, catalog: 'main', ...config },
  credentials: { token },
});

const statusOf = (report: { steps: Array<{ name: string; status: string }> }, name: string) =>
  report.steps.find((s) => s.name === name)?.status;

describe(`${VerificationService.name} (databricks, @databricks/sql against a TCLIService fake)`, () => {
  const verifier = service();

  it('should open a session with the token, read the version and discover the catalog’s tables', async () => {
    const before = fake.calls.length;
    const report = await verifier.verify(input(), { orgId: 'o1' });
    expect(report.success).toBe(true);
    expect(report.steps.map((s) => [s.name, s.status])).toEqual([
      ['resolve', 'ok'],
      ['egress_policy', 'ok'],
      ['connect', 'ok'],
      ['tls', 'ok'],
      ['authenticate', 'ok'],
      ['discover', 'ok'],
    ]);
    expect(report.details.server_version).toBe('Databricks SQL 2025.15');
    expect(report.details.schemas).toEqual([
      {
        name: 'main.analytics',
        tables: [
          { name: 'clicks', type: 'streaming_table' },
          { name: 'daily', type: 'materialized_view' },
        ],
      },
      {
        name: 'main.sales',
        tables: [
          { name: 'big_orders', type: 'view' },
          { name: 'customers', type: 'table' },
          { name: 'orders', type: 'table' },
        ],
      },
    ]);
    expect(report.details.truncated).toBe(false);
    // What the SDK really sent: the PAT as a bearer token, the Spark protocol, the catalog.
    expect(fake.authorizations.at(-1)).toBe(`Bearer ${TOKEN}`);
    expect(fake.openRequests.at(-1)?.clientProtocol).toBe(0xa508);
    // The warehouse answers with direct results (first page, status and close in one response),
    // so each operation is a single round trip.
    expect(fake.calls.slice(before)).toEqual([
      'OpenSession',
      'ExecuteStatement',
      'GetTables',
      'CloseSession',
    ]);
    expect(fake.unhandled).toEqual([]);
    expect(fake.openSessions()).toBe(0);
    expect(fake.openOperations()).toBe(0);
  });

  it('should narrow to the configured schema, apply include/exclude and truncate at max objects', async () => {
    const schema = await verifier.verify(input({ db_schema: 'sales' }), { orgId: 'o1' });
    expect(schema.details.schemas).toEqual([
      {
        name: 'main.sales',
        tables: [
          { name: 'big_orders', type: 'view' },
          { name: 'customers', type: 'table' },
          { name: 'orders', type: 'table' },
        ],
      },
    ]);
    const filtered = await verifier.verify(input(), {
      orgId: 'o1',
      include: ['main.sales.*', 'main.analytics.d*'],
      exclude: ['*.big_*'],
    });
    expect(filtered.details.schemas).toEqual([
      { name: 'main.analytics', tables: [{ name: 'daily', type: 'materialized_view' }] },
      {
        name: 'main.sales',
        tables: [
          { name: 'customers', type: 'table' },
          { name: 'orders', type: 'table' },
        ],
      },
    ]);
    const before = fake.calls.length;
    const bounded = await verifier.verify(input(), { orgId: 'o1', maxObjects: 2 });
    expect(bounded.details.truncated).toBe(true);
    expect(bounded.details.schemas?.flatMap((s) => s.tables)).toHaveLength(2);
    // Only max_objects + 1 rows were asked for; the rest of the listing stayed on the server,
    // and the still-open operation was closed by the client.
    expect(fake.calls.slice(before)).toContain('CloseOperation');
    expect(fake.openSessions()).toBe(0);
    expect(fake.openOperations()).toBe(0);
  });

  it('should classify a token the workspace rejects (HTTP 403) as auth_failed, never echoing it', async () => {
    const logs = captureLogs();
    const wrong = `dapi${canary().replace(/[^A-Za-z0-9]/g, '')}`;
    let report;
    try {
      report = await verifier.verify(input({}, wrong), { orgId: 'o1' });
    } finally {
      logs.restore();
    }
    expect(report).toMatchObject({ success: false, details: { error_code: 'auth_failed' } });
    expect(report.message).toContain('HTTP_403');
    expect(statusOf(report, 'tls')).toBe('ok');
    expect(statusOf(report, 'authenticate')).toBe('failed');
    expect(statusOf(report, 'discover')).toBe('skipped');
    expect(fake.authorizations.at(-1)).toBe(`Bearer ${wrong}`);
    const text = JSON.stringify(report) + logs.lines.join('\n');
    expect(text).not.toContain(wrong);
    expect(text).not.toContain(TOKEN);
  });

  it('should classify a wrong HTTP path (no such warehouse, HTTP 404) as not_found', async () => {
    const report = await verifier.verify(input({ http_path: '/sql/1.0/warehouses/0000000000000000' }), {
      orgId: 'o1',
    });
    expect(report).toMatchObject({ success: false, details: { error_code: 'not_found' } });
    expect(report.message).toContain('HTTP_404');
    expect(statusOf(report, 'authenticate')).toBe('failed');
  });

  it('should classify the server’s SQL errors (missing catalog or schema, no USE CATALOG) by their error class', async () => {
    const catalog = await verifier.verify(input({ catalog: 'nosuch' }), { orgId: 'o1' });
    expect(catalog).toMatchObject({ success: false, details: { error_code: 'not_found' } });
    expect(catalog.message).toContain('CATALOG_NOT_FOUND');
    const schema = await verifier.verify(input({ db_schema: 'nosuch' }), { orgId: 'o1' });
    expect(schema).toMatchObject({ success: false, details: { error_code: 'not_found' } });
    expect(schema.message).toContain('SCHEMA_NOT_FOUND');
    const denied = await verifier.verify(input({ catalog: 'samples' }), { orgId: 'o1' });
    expect(denied).toMatchObject({ success: false, details: { error_code: 'permission_denied' } });
    expect(denied.message).toContain('INSUFFICIENT_PERMISSIONS');
    expect(JSON.stringify([catalog, schema, denied])).not.toContain(TOKEN);
  });

  it('should fail at tls when the certificate is not trusted', async () => {
    const untrusted = service({ ca: makeTestCertificate(HOST).ca });
    const report = await untrusted.verify(input(), { orgId: 'o1' });
    expect(report).toMatchObject({ success: false, details: { error_code: 'tls_error' } });
    expect(statusOf(report, 'connect')).toBe('ok');
    expect(statusOf(report, 'tls')).toBe('failed');
  });

  it('should classify a workspace nobody answers on as unreachable', async () => {
    const closed = await startFakeTcliService({
      flavor: 'databricks',
      httpPath: HTTP_PATH,
      tables: [],
      version: 'x',
    });
    const port = closed.port;
    await closed.close();
    const report = await service({ port }).verify(input(), { orgId: 'o1' });
    expect(report).toMatchObject({ success: false, details: { error_code: 'unreachable' } });
    expect(statusOf(report, 'connect')).toBe('failed');
  });

  it('should time out against a server that accepts and never answers', async () => {
    const silent = await silentServer();
    try {
      const started = performance.now();
      const report = await service({ port: silent.port }, { VERIFY_TIMEOUT_MS: '1000' }).verify(input(), {
        orgId: 'o1',
      });
      // Without the timeout the call would hang until jest gives up (60 s); the margin absorbs a
      // loaded CI machine (a run with two builds beside it took 2.25 s).
      expect(performance.now() - started).toBeLessThan(5000);
      expect(report).toMatchObject({ success: false, details: { error_code: 'timeout' } });
      expect(statusOf(report, 'connect')).toBe('ok');
      expect(statusOf(report, 'tls')).toBe('failed');
    } finally {
      await silent.close();
    }
  });
});
