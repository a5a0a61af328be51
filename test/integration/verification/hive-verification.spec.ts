import { makeTestCertificate, startFakeTcliService, type FakeTable } from '@app/testing';
import { DRIVERS } from '../../../apps/assets/src/verification/driver.registry.js';
import { EgressPolicy } from '../../../apps/assets/src/egress/egress-policy.js';
import { loadVerificationConfig } from '../../../apps/assets/src/verification/verification.config.js';
import { VerificationService } from '../../../apps/assets/src/verification/verification.service.js';
import ttypes from '@databricks/sql/thrift/TCLIService_types.js';
import { createPinnedAgent } from '../../../apps/assets/src/egress/index.js';
import {
  HiveStatusError,
  loadHiveSdk,
  rowSetToRows,
  TcliHttpClient,
} from '../../../apps/assets/src/verification/drivers/hive/hive.driver.js';
import thrift from 'thrift';
import { canary, captureLogs, silentServer } from './verification-fixtures.js';

// The Hive driver (thrift's HTTP client with the generated TCLIService client) against the
// loopback TCLIService fake in HiveServer2 HTTP mode, through the egress policy with the server's
// hostname pinned to 127.0.0.1.
const HOST = 'hive.verify.test';
const USER = 'analyst';
const PASSWORD = canary();
const TABLES: FakeTable[] = [
  { catalog: 'hive', schema: 'default', name: 'scratch', type: 'TABLE' },
  { catalog: 'hive', schema: 'sales', name: 'orders', type: 'TABLE' },
  { catalog: 'hive', schema: 'sales', name: 'customers', type: 'TABLE' },
  { catalog: 'hive', schema: 'sales', name: 'big_orders', type: 'VIEW' },
  { catalog: 'hive', schema: 'analytics', name: 'daily', type: 'MATERIALIZED_VIEW' },
];

const pki = makeTestCertificate(HOST);
const common = {
  flavor: 'hive' as const,
  users: { [USER]: PASSWORD },
  tables: TABLES,
  version: '3.1.3 r4df4d75b',
  denied: ['analytics'],
};
const https = await startFakeTcliService({ ...common, httpPath: '/cliservice', tls: pki });
const plain = await startFakeTcliService({ ...common, httpPath: '/cliservice' });
// A HiveServer2 older than protocol V6 (Hive 0.13): results come back row-based.
const old = await startFakeTcliService({ ...common, httpPath: '/cliservice', serverProtocol: 4 });
afterAll(async () => {
  await Promise.all([https.close(), plain.close(), old.close()]);
});

function service(env: Record<string, string> = {}): VerificationService {
  const config = loadVerificationConfig({ NODE_ENV: 'test', ...env });
  const policy = new EgressPolicy({
    production: false,
    protectedPorts: config.protectedPorts,
    resolver: async () => [{ address: '127.0.0.1', family: 4 }],
  });
  return new VerificationService(config, policy, DRIVERS);
}

const input = (config: Record<string, unknown> = {}, credentials: Record<string, unknown> = {}) => ({
  type: 'hive' as const,
  auth_type: 'basic',
  config: { auth_type: 'basic', host: HOST, port: https.port, ...config },
  credentials: { username: USER, password: PASSWORD, ca_cert: pki.ca, ...credentials },
});

const statusOf = (report: { steps: Array<{ name: string; status: string }> }, name: string) =>
  report.steps.find((s) => s.name === name)?.status;

const ALL = [
  { name: 'analytics', tables: [{ name: 'daily', type: 'materialized_view' }] },
  { name: 'default', tables: [{ name: 'scratch', type: 'table' }] },
  {
    name: 'sales',
    tables: [
      { name: 'big_orders', type: 'view' },
      { name: 'customers', type: 'table' },
      { name: 'orders', type: 'table' },
    ],
  },
];

describe(`${VerificationService.name} (hive, TCLIService over HTTP against a HiveServer2 fake)`, () => {
  const verifier = service();

  it('should open a session over HTTPS with HTTP Basic, read the version and discover every database', async () => {
    const before = https.calls.length;
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
    expect(report.details.server_version).toBe('Apache Hive 3.1.3');
    expect(report.details.schemas).toEqual(ALL);
    expect(report.details.truncated).toBe(false);
    expect(report.details.warnings).toEqual([]);
    // What went over the wire: Basic credentials on each request, Hive protocol V10.
    expect(https.authorizations.at(-1)).toBe(
      `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`,
    );
    expect(https.openRequests.at(-1)).toMatchObject({ clientProtocol: 9, username: USER });
    expect(https.calls.slice(before)).toEqual([
      'OpenSession',
      'GetInfo',
      'GetTables',
      'FetchResults',
      'CloseOperation',
      'CloseSession',
    ]);
    expect(https.openSessions()).toBe(0);
    expect(https.openOperations()).toBe(0);
  });

  it('should open the session in the configured database, filter and truncate', async () => {
    const sales = await verifier.verify(input({ database: 'sales' }), { orgId: 'o1' });
    expect(https.openRequests.at(-1)?.configuration).toEqual({ 'use:database': 'sales' });
    expect(sales.details.schemas).toEqual([ALL[2]]);
    const filtered = await verifier.verify(input(), {
      orgId: 'o1',
      include: ['sales.*', 'analytics.*'],
      exclude: ['*.big_*'],
    });
    expect(filtered.details.schemas).toEqual([
      ALL[0],
      {
        name: 'sales',
        tables: [
          { name: 'customers', type: 'table' },
          { name: 'orders', type: 'table' },
        ],
      },
    ]);
    const bounded = await verifier.verify(input(), { orgId: 'o1', maxObjects: 2 });
    expect(bounded.details.truncated).toBe(true);
    expect(bounded.details.schemas?.flatMap((s) => s.tables)).toHaveLength(2);
    expect(https.openOperations()).toBe(0);
  });

  it('should report selected tables that do not exist', async () => {
    const report = await verifier.verify(input({ database: 'sales' }), {
      orgId: 'o1',
      selectedTables: ['orders', 'sales.gone', 'analytics.daily', 'analytics.vanished'],
    });
    expect(report.success).toBe(true);
    expect(report.details.missing_selected_tables).toEqual(['sales.gone', 'analytics.vanished']);
  });

  it('should speak plain HTTP when tls is off, with a warning', async () => {
    const report = await verifier.verify(input({ port: plain.port, tls: false }), { orgId: 'o1' });
    expect(report.success).toBe(true);
    expect(statusOf(report, 'tls')).toBe('skipped');
    expect(report.details.warnings).toContain(
      'the connection uses plain HTTP: the password and all data are sent unencrypted',
    );
    expect(report.details.schemas).toEqual(ALL);
  });

  it('should read row-based results from a server older than protocol V6', async () => {
    const report = await verifier.verify(input({ port: old.port, tls: false }), { orgId: 'o1' });
    expect(report.success).toBe(true);
    expect(report.details.schemas).toEqual(ALL);
  });

  it.each([
    ['a wrong password', { password: `${PASSWORD}x` }],
    ['an unknown user', { username: 'nobody' }],
  ])('should classify %s (HTTP 401) as auth_failed without echoing the password', async (_, creds) => {
    const logs = captureLogs();
    let report;
    try {
      report = await verifier.verify(input({}, creds), { orgId: 'o1' });
    } finally {
      logs.restore();
    }
    expect(report).toMatchObject({ success: false, details: { error_code: 'auth_failed' } });
    expect(report.message).toContain('HTTP_401');
    expect(statusOf(report, 'tls')).toBe('ok');
    expect(statusOf(report, 'authenticate')).toBe('failed');
    expect(statusOf(report, 'discover')).toBe('skipped');
    const text = JSON.stringify(report) + logs.lines.join('\n');
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(Buffer.from(`${USER}:${PASSWORD}`).toString('base64'));
  });

  it('should classify a wrong HTTP path (HTTP 404) as not_found', async () => {
    const report = await verifier.verify(input({ http_path: 'hive2' }), { orgId: 'o1' });
    expect(report).toMatchObject({ success: false, details: { error_code: 'not_found' } });
    expect(report.message).toContain('HTTP_404');
  });

  it('should classify the server’s SQL errors: a missing database, a database the user may not use', async () => {
    const report = await verifier.verify(input({ database: 'nosuch' }), { orgId: 'o1' });
    expect(report).toMatchObject({ success: false, details: { error_code: 'not_found' } });
    expect(report.message).toContain('HIVE_10072');
    expect(statusOf(report, 'authenticate')).toBe('failed');
    expect(JSON.stringify(report)).not.toContain(PASSWORD);
    const denied = await verifier.verify(input({ database: 'analytics' }), { orgId: 'o1' });
    expect(denied).toMatchObject({ success: false, details: { error_code: 'permission_denied' } });
    expect(denied.message).toContain('HIVE_40000');
    expect(JSON.stringify(denied)).not.toContain(USER);
  });

  it('should fail at tls against a certificate it does not trust, and refuse the binary transport', async () => {
    const other = makeTestCertificate(HOST);
    const report = await verifier.verify(input({}, { ca_cert: other.ca }), { orgId: 'o1' });
    expect(report).toMatchObject({ success: false, details: { error_code: 'tls_error' } });
    expect(statusOf(report, 'tls')).toBe('failed');
    const binary = await verifier.verify(input({ transport: 'binary', port: 10000 }), { orgId: 'o1' });
    expect(binary.details.error_code).toBe('invalid_config');
  });

  it('should classify a closed port as unreachable and a silent server as a timeout', async () => {
    const closed = await silentServer();
    const port = closed.port;
    await closed.close();
    const refused = await verifier.verify(input({ port }), { orgId: 'o1' });
    expect(refused).toMatchObject({ success: false, details: { error_code: 'unreachable' } });
    const silent = await silentServer();
    try {
      const started = performance.now();
      const report = await service({ VERIFY_TIMEOUT_MS: '1000' }).verify(
        input({ port: silent.port, tls: false }),
        { orgId: 'o1' },
      );
      expect(performance.now() - started).toBeLessThan(1500);
      expect(report).toMatchObject({ success: false, details: { error_code: 'timeout' } });
      expect(statusOf(report, 'authenticate')).toBe('failed');
    } finally {
      await silent.close();
    }
  });

  it('should answer the other metadata calls and refuse unknown handles as HiveServer2 does', async () => {
    const dest = { hostname: HOST, address: '127.0.0.1', family: 4 as const, port: plain.port };
    const agent = createPinnedAgent(dest, { https: false });
    const settings = {
      host: HOST,
      port: plain.port,
      httpPath: '/cliservice',
      tls: false,
      username: USER,
      password: PASSWORD,
    };
    const rpc = new TcliHttpClient(await loadHiveSdk(), settings, dest, agent);
    type Op = { operationHandle: unknown };
    const fetchAll = async (op: Op) => {
      const page = await rpc.call<{ results: Parameters<typeof rowSetToRows>[0]; hasMoreRows: boolean }>(
        'FetchResults',
        new ttypes.TFetchResultsReq({
          operationHandle: op.operationHandle as never,
          orientation: ttypes.TFetchOrientation.FETCH_NEXT,
          maxRows: new thrift.Int64(100),
        }),
      );
      expect(page.hasMoreRows).toBe(false);
      return rowSetToRows(page.results);
    };
    try {
      const { sessionHandle } = await rpc.call<{ sessionHandle: never; serverProtocolVersion: number }>(
        'OpenSession',
        new ttypes.TOpenSessionReq({
          client_protocol: ttypes.TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10,
        }),
      );
      const schemas = await rpc.call<Op>(
        'GetSchemas',
        new ttypes.TGetSchemasReq({ sessionHandle, schemaName: 's%' }),
      );
      expect(await fetchAll(schemas)).toEqual([['sales', '']]);
      const catalogs = await rpc.call<Op>('GetCatalogs', new ttypes.TGetCatalogsReq({ sessionHandle }));
      expect(await fetchAll(catalogs)).toEqual([]);
      const version = await rpc.call<Op>(
        'ExecuteStatement',
        new ttypes.TExecuteStatementReq({ sessionHandle, statement: 'SELECT version()' }),
      );
      const state = await rpc.call<{ operationState: number }>(
        'GetOperationStatus',
        new ttypes.TGetOperationStatusReq({ operationHandle: version.operationHandle as never }),
      );
      expect(state.operationState).toBe(ttypes.TOperationState.FINISHED_STATE);
      expect(await fetchAll(version)).toEqual([['3.1.3 r4df4d75b']]);
      await expect(
        rpc.call(
          'ExecuteStatement',
          new ttypes.TExecuteStatementReq({ sessionHandle, statement: 'DROP TABLE x' }),
        ),
      ).rejects.toMatchObject({ sqlState: '42000', errorCode: 40000 });
      await rpc.call('CloseSession', new ttypes.TCloseSessionReq({ sessionHandle }));
      const gone = rpc.call('GetCatalogs', new ttypes.TGetCatalogsReq({ sessionHandle }));
      await expect(gone).rejects.toBeInstanceOf(HiveStatusError);
      await expect(gone).rejects.toThrow('Invalid SessionHandle');
      expect(plain.unhandled).toEqual(['DROP TABLE x']);
    } finally {
      agent.destroyAll();
    }
  });
});
