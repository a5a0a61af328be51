import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeCouchbase, type FakeCouchbaseOptions, TestPki } from '@app/testing';
import type { ResolvedAddress } from '../../../apps/assets/src/egress/egress-policy.js';
import type { VerificationReport } from '../../../apps/assets/src/verification/verification.types.js';
import { canary, captureLogs, makeService, silentServer } from './verification-fixtures.js';

const HOST = 'cb.verify.test';
const PASSWORD = canary();
const ADMIN_PASSWORD = canary();

// Self-signed certificates for HOST and for another name.
const pki = new TestPki();
const cert = pki.selfSigned(HOST, `DNS:${HOST}`);
const otherCert = pki.selfSigned('other.verify.test', 'DNS:other.verify.test');

const cluster: Omit<FakeCouchbaseOptions, 'tls'> = {
  users: {
    reader: {
      password: PASSWORD,
      roles: [
        { role: 'data_reader', bucket_name: 'travel-sample', scope_name: '*', collection_name: '*' },
        { role: 'query_select', bucket_name: 'travel-sample', scope_name: '*', collection_name: '*' },
        { role: 'data_reader', bucket_name: 'beer-sample', scope_name: '*', collection_name: '*' },
      ],
    },
    noquery: {
      password: PASSWORD,
      roles: [{ role: 'data_reader', bucket_name: 'travel-sample', scope_name: '*', collection_name: '*' }],
    },
    beer: {
      password: PASSWORD,
      roles: [{ role: 'data_reader', bucket_name: 'beer-sample', scope_name: '*', collection_name: '*' }],
    },
    Administrator: { password: ADMIN_PASSWORD, roles: [{ role: 'admin' }] },
    writer: {
      password: PASSWORD,
      roles: [
        { role: 'data_writer', bucket_name: 'travel-sample', scope_name: '*', collection_name: '*' },
        { role: 'query_select', bucket_name: 'travel-sample' },
      ],
    },
  },
  buckets: [
    {
      name: 'travel-sample',
      scopes: {
        inventory: ['route', 'airline', 'airport', 'hotel', 'landmark'],
        tenant_agent_00: ['users', 'bookings'],
        _system: ['_mobile', '_query'],
      },
    },
    { name: 'beer-sample', scopes: {} },
    { name: 'secret-bucket', scopes: { hr: ['salaries'] } },
  ],
};

const plain = await startFakeCouchbase(cluster);
const secure = await startFakeCouchbase({ ...cluster, tls: cert });

/** A listener that must never see a request: the target of refused redirects. */
const elsewhereSeen: string[] = [];
const elsewhere: Server = createServer((req, res) => {
  elsewhereSeen.push(`${req.method} ${req.url}`);
  res.writeHead(200, { 'content-type': 'application/json' }).end('{"nodes":[]}');
});
await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
const elsewherePort = (elsewhere.address() as AddressInfo).port;

afterAll(async () => {
  await plain.close();
  await secure.close();
  elsewhere.closeAllConnections();
  await new Promise((resolve) => elsewhere.close(resolve));
  pki.dispose();
});

/** Every name resolves to loopback, so a real hostname (and its certificate) can be used. */
const loopback = async (): Promise<ResolvedAddress[]> => [{ address: '127.0.0.1', family: 4 }];
const service = (env: Record<string, string> = {}, logger?: ReturnType<typeof captureLogs>['logger']) =>
  makeService({ resolver: loopback, env: { VERIFY_TIMEOUT_MS: '5000', ...env }, logger });

function input(
  config: Record<string, unknown> = {},
  credentials: Record<string, unknown> = {},
  fake = plain,
) {
  return {
    type: 'couchbase' as const,
    auth_type: 'basic',
    config: {
      auth_type: 'basic',
      host: HOST,
      port: fake.managementPort,
      query_port: fake.queryPort,
      tls: fake === secure,
      bucket: 'travel-sample',
      ...config,
    },
    credentials: {
      username: 'reader',
      password: PASSWORD,
      ...(fake === secure ? { ca_cert: cert.cert } : {}),
      ...credentials,
    },
  };
}

const step = (report: VerificationReport, name: string) => report.steps.find((s) => s.name === name)?.status;

describe('VerificationService (couchbase, fake Couchbase Server 7.x REST)', () => {
  it('should authenticate with basic auth, discover bucket.scope.collection keyspaces and check query access', async () => {
    const before = plain.requests.length;
    const report = await service().verify(input(), { orgId: 'o1' });
    expect(report.success).toBe(true);
    expect(report.steps.map((s) => [s.name, s.status])).toEqual([
      ['resolve', 'ok'],
      ['egress_policy', 'ok'],
      ['connect', 'ok'],
      ['tls', 'skipped'],
      ['authenticate', 'ok'],
      ['discover', 'ok'],
      ['privileges', 'ok'],
    ]);
    expect(report.details.server_version).toBe('Couchbase Server 7.2.4-7070-enterprise');
    // _system (the server's own collections) is left out; scopes and collections come sorted.
    expect(report.details.schemas).toEqual([
      { name: 'travel-sample._default', tables: [{ name: '_default', type: 'collection' }] },
      {
        name: 'travel-sample.inventory',
        tables: ['airline', 'airport', 'hotel', 'landmark', 'route'].map((name) => ({
          name,
          type: 'collection',
        })),
      },
      {
        name: 'travel-sample.tenant_agent_00',
        tables: [
          { name: 'bookings', type: 'collection' },
          { name: 'users', type: 'collection' },
        ],
      },
    ]);
    expect(report.details.truncated).toBe(false);
    expect(report.details.warnings).toEqual([
      'TLS is off: the password (HTTP basic auth) and data are sent unencrypted',
    ]);
    expect(report.steps.find((s) => s.name === 'privileges')?.message).toContain(
      'query access to travel-sample._default._default',
    );
    expect(plain.requests.slice(before)).toEqual([
      'GET /pools/default reader',
      'GET /pools/default/buckets/travel-sample/scopes reader',
      'GET /whoami reader',
      'POST /query/service reader',
    ]);
    expect(plain.unhandled).toEqual([]);
  });

  it('should discover every visible bucket, filtered and bounded by max_objects', async () => {
    const all = await service().verify(input({ bucket: undefined }), { orgId: 'o1' });
    expect(all.success).toBe(true);
    // reader holds no role on secret-bucket, so the server does not list it.
    expect(all.details.schemas?.map((s) => s.name)).toEqual([
      'beer-sample._default',
      'travel-sample._default',
      'travel-sample.inventory',
      'travel-sample.tenant_agent_00',
    ]);
    expect(all.steps.find((s) => s.name === 'privileges')?.message).toContain('query service reachable');

    const bounded = await service().verify(input({ bucket: undefined }), {
      orgId: 'o1',
      include: ['travel-sample.inventory.*', 'beer-sample.*'],
      exclude: ['*.route'],
      maxObjects: 3,
    });
    expect(bounded.details.truncated).toBe(true);
    expect(bounded.details.schemas).toEqual([
      { name: 'beer-sample._default', tables: [{ name: '_default', type: 'collection' }] },
      {
        name: 'travel-sample.inventory',
        tables: [
          { name: 'airline', type: 'collection' },
          { name: 'airport', type: 'collection' },
        ],
      },
    ]);
  });

  it('should report selected keyspaces that do not exist', async () => {
    const report = await service().verify(input(), {
      orgId: 'o1',
      selectedTables: ['inventory.airline', 'travel-sample.inventory.nope', 'hotel', '_default'],
    });
    expect(report.success).toBe(true);
    expect(report.details.missing_selected_tables).toEqual(['travel-sample.inventory.nope', 'hotel']);
  });

  it.each([
    ['a wrong password', { password: 'not-the-password' }],
    ['an unknown user', { username: 'nobody' }],
  ])('should classify %s (401, empty body) as auth_failed', async (_what, credentials) => {
    const before = plain.requests.length;
    const report = await service().verify(input({}, credentials), { orgId: 'o1' });
    expect(report).toMatchObject({ success: false, details: { error_code: 'auth_failed' } });
    expect(report.message).toContain('(POOLS_HTTP_401)');
    expect(step(report, 'connect')).toBe('ok');
    expect(step(report, 'authenticate')).toBe('failed');
    expect(step(report, 'discover')).toBe('skipped');
    expect(plain.requests.slice(before)).toEqual(['GET /pools/default -']);
  });

  it('should fail a bucket the user has no role on as permission_denied, naming the permission', async () => {
    const report = await service().verify(input({}, { username: 'beer' }), { orgId: 'o1' });
    expect(report).toMatchObject({ success: false, details: { error_code: 'permission_denied' } });
    expect(report.message).toContain('(SCOPES_HTTP_403)');
    expect(step(report, 'authenticate')).toBe('ok');
    expect(step(report, 'discover')).toBe('failed');
    expect(report.details.warnings).toContain(
      "reading bucket travel-sample's collections needs cluster.collection[travel-sample:.:.].collections!read",
    );
  });

  it('should classify a bucket that does not exist as not_found', async () => {
    const report = await service().verify(
      input({ bucket: 'no-such-bucket' }, { username: 'Administrator', password: ADMIN_PASSWORD }),
      { orgId: 'o1' },
    );
    expect(report).toMatchObject({ success: false, details: { error_code: 'not_found' } });
    expect(report.message).toContain('(SCOPES_HTTP_404)');
  });

  it('should warn about cluster-wide admin roles and write roles (least privilege)', async () => {
    const admin = await service().verify(input({}, { username: 'Administrator', password: ADMIN_PASSWORD }), {
      orgId: 'o1',
    });
    expect(admin.success).toBe(true);
    expect(admin.details.warnings).toContain(
      'this credential holds cluster-wide administrative roles (admin); use a user with data_reader or query_select on the bucket',
    );
    const writer = await service().verify(input({}, { username: 'writer' }), { orgId: 'o1' });
    expect(writer.success).toBe(true);
    expect(writer.details.warnings).toContain(
      'this credential can write or administer buckets; data_reader or query_select is enough',
    );
    const reader = await service().verify(input(), { orgId: 'o1' });
    expect(reader.details.warnings.some((w) => /admin|write/.test(w))).toBe(false);
  });

  it('should warn when the Query service refuses the keyspace (13014) or cannot be reached', async () => {
    const noQuery = await service().verify(input({}, { username: 'noquery' }), { orgId: 'o1' });
    expect(noQuery.success).toBe(true);
    expect(noQuery.details.warnings).toContain(
      'this credential cannot query travel-sample._default._default: grant query_select on it (Query error 13014)',
    );

    const closed = await silentServer();
    const port = closed.port;
    await closed.close();
    const noService = await service().verify(input({ query_port: port }), { orgId: 'o1' });
    expect(noService.success).toBe(true);
    expect(noService.details.warnings).toContain(
      `the Query service on port ${port} could not be checked (ECONNREFUSED); set query_port or check_query=false`,
    );

    const before = plain.requests.length;
    const skipped = await service().verify(input({ check_query: false }), { orgId: 'o1' });
    expect(skipped.success).toBe(true);
    expect(plain.requests.slice(before)).not.toContain('POST /query/service reader');
  });

  it('should classify a closed port as unreachable and a silent one as timeout', async () => {
    const closed = await silentServer();
    const port = closed.port;
    await closed.close();
    const refused = await service().verify(input({ port }), { orgId: 'o1' });
    expect(refused).toMatchObject({ success: false, details: { error_code: 'unreachable' } });
    expect(step(refused, 'connect')).toBe('failed');

    const silent = await silentServer();
    try {
      const started = Date.now();
      const report = await service({ VERIFY_TIMEOUT_MS: '800' }).verify(input({ port: silent.port }), {
        orgId: 'o1',
      });
      expect(report).toMatchObject({ success: false, details: { error_code: 'timeout' } });
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await silent.close();
    }
  });

  it('should verify over TLS against the given CA and the host name, on both services', async () => {
    const before = secure.requests.length;
    const report = await service().verify(input({}, {}, secure), { orgId: 'o1' });
    expect(report.success).toBe(true);
    expect(step(report, 'tls')).toBe('ok');
    expect(report.details.warnings).toEqual([]);
    expect(secure.requests.slice(before)).toContain('POST /query/service reader');

    const noCa = await service().verify(input({}, { ca_cert: undefined }, secure), { orgId: 'o1' });
    expect(noCa).toMatchObject({ success: false, details: { error_code: 'tls_error' } });
    expect(step(noCa, 'tls')).toBe('failed');

    const wrongCa = await service().verify(input({}, { ca_cert: otherCert.cert }, secure), { orgId: 'o1' });
    expect(wrongCa).toMatchObject({ success: false, details: { error_code: 'tls_error' } });

    // tls=true against a plain-HTTP node: the handshake fails, nothing is sent in clear.
    const plainBefore = plain.requests.length;
    const mismatch = await service().verify(input({ tls: true }, { ca_cert: cert.cert }), { orgId: 'o1' });
    expect(mismatch).toMatchObject({ success: false, details: { error_code: 'tls_error' } });
    expect(plain.requests.length).toBe(plainBefore);
  });

  it('should refuse a redirect from the cluster manager and never reach its target', async () => {
    for (const status of [301, 302, 307, 308]) {
      plain.redirectOnce('/pools/default', `http://127.0.0.1:${elsewherePort}/pools/default`, status);
      const report = await service().verify(input(), { orgId: 'o1' });
      expect(report).toMatchObject({ success: false, details: { error_code: 'egress_denied' } });
      expect(report.message).toContain(`redirect (HTTP ${status})`);
    }
    plain.redirectOnce('/pools/default/buckets/travel-sample/scopes', '/elsewhere');
    const later = await service().verify(input(), { orgId: 'o1' });
    expect(later).toMatchObject({ success: false, details: { error_code: 'egress_denied' } });
    expect(step(later, 'discover')).toBe('failed');
    // The Query service's own agent refuses too; management already proved the credential.
    plain.redirectOnce('/query/service', `http://127.0.0.1:${elsewherePort}/query/service`, 307);
    const query = await service().verify(input(), { orgId: 'o1' });
    expect(query.success).toBe(true);
    expect(query.details.warnings).toContain(
      `the Query service on port ${plain.queryPort} could not be checked (EREDIRECT_REFUSED); set query_port or check_query=false`,
    );
    expect(elsewhereSeen).toEqual([]);
  });

  it('should never put the password, in any encoding, in a report or a log line', async () => {
    const capture = captureLogs();
    const reports: VerificationReport[] = [];
    try {
      const svc = service({}, capture.logger);
      reports.push(await svc.verify(input({}, { password: `${PASSWORD}x` }), { orgId: 'o1' }));
      reports.push(await svc.verify(input(), { orgId: 'o1' }));
      reports.push(await svc.verify(input({}, { username: 'beer' }), { orgId: 'o1' }));
      reports.push(await svc.verify(input({}, {}, secure), { orgId: 'o1' }));
    } finally {
      capture.restore();
    }
    expect(reports.map((r) => r.success)).toEqual([false, true, false, true]);
    const text = JSON.stringify(reports) + capture.lines.join('\n');
    for (const secret of [PASSWORD, `${PASSWORD}x`]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(encodeURIComponent(secret));
      expect(text).not.toContain(JSON.stringify(secret).slice(1, -1));
    }
    for (const user of ['reader', 'beer']) {
      const basic = Buffer.from(`${user}:${PASSWORD}`).toString('base64');
      expect(text).not.toContain(basic);
      // The fake saw exactly that header: the assertion above would catch a leak of what was sent.
      expect(plain.authorizations).toContain(`Basic ${basic}`);
    }
  });
});
