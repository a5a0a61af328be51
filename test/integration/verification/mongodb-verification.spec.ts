import net from 'node:net';
import { MongoClient, MongoServerError } from 'mongodb';
import { startFakeMongo, type FakeMongoOptions, type RunningFakeMongo, TestPki } from '@app/testing';
import { classifyMongoError } from '../../../apps/assets/src/verification/drivers/mongodb/mongodb.driver.js';
import { DriverError } from '../../../apps/assets/src/verification/driver-error.js';
import { VerificationService } from '../../../apps/assets/src/verification/verification.service.js';
import { canary, captureLogs, makeService, silentServer } from './verification-fixtures.js';

// A name that only the egress resolver knows: the driver reaching the fake at all proves it used
// the pinned address rather than its own DNS lookup.
const HOST = 'mongo.verify.test';
const resolver = async () => [{ address: '127.0.0.1', family: 4 as const }];
const password = canary();
const adminPassword = canary();

const databases: FakeMongoOptions['databases'] = {
  events: [
    { name: 'orders' },
    { name: 'customers' },
    { name: 'big_orders', type: 'view' },
    { name: 'metrics', type: 'timeseries' },
    { name: 'tmp_scratch' },
    { name: 'system.views' },
  ],
  billing: [{ name: 'invoices' }],
};
const users: FakeMongoOptions['users'] = [
  { user: 'reader', db: 'admin', password, roles: [{ role: 'read', db: 'events' }] },
  { user: 'writer', db: 'events', password, roles: [{ role: 'readWrite', db: 'events' }] },
  { user: 'admin', db: 'admin', password: adminPassword, roles: [{ role: 'root', db: 'admin' }] },
  { user: 'billing', db: 'admin', password, roles: [{ role: 'read', db: 'billing' }] },
  {
    user: 'legacy',
    db: 'admin',
    password,
    roles: [{ role: 'read', db: 'events' }],
    mechanisms: ['SCRAM-SHA-1'],
  },
];

const fake = await startFakeMongo({ users, databases });
afterAll(() => fake.close());

const input = (
  config: Record<string, unknown> = {},
  credentials: Record<string, unknown> = {},
  port = fake.port,
) => ({
  type: 'mongodb' as const,
  auth_type: 'basic',
  config: { auth_type: 'basic', host: HOST, port, database: 'events', tls: false, ...config },
  credentials: { username: 'reader', password, ...credentials },
});
const stepStatus = (report: { steps: Array<{ name: string; status: string }> }) =>
  Object.fromEntries(report.steps.map((s) => [s.name, s.status]));

/** Every place a credential could surface: the report, the log lines and the URI-escaped forms. */
function expectNoSecret(haystacks: string[], secret: string) {
  for (const form of [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')])
    for (const text of haystacks) expect(text).not.toContain(form);
}

describe(`${VerificationService.name} (mongodb, wire-protocol fake mongod 7.0)`, () => {
  const logs = captureLogs();
  const service = makeService({ resolver, logger: logs.logger });
  afterAll(() => logs.restore());

  it('should authenticate with a SCRAM-SHA-256 proof and discover the collections, views and time series', async () => {
    const before = fake.auth.length;
    const report = await service.verify(input(), { orgId: 'o1' });
    expect(report.success).toBe(true);
    expect(report.details.server_version).toBe('MongoDB 7.0.14');
    expect(report.details.schemas).toEqual([
      {
        name: 'events',
        tables: [
          { name: 'big_orders', type: 'view' },
          { name: 'customers', type: 'collection' },
          { name: 'metrics', type: 'timeseries' },
          { name: 'orders', type: 'collection' },
          { name: 'tmp_scratch', type: 'collection' },
        ],
      },
    ]);
    expect(stepStatus(report)).toMatchObject({
      connect: 'ok',
      tls: 'skipped',
      authenticate: 'ok',
      discover: 'ok',
      privileges: 'ok',
    });
    // A read-only user: no role warning, only the plaintext one.
    expect(report.details.warnings).toEqual(['TLS is off: the password exchange and data are not encrypted']);
    // One successful SCRAM-SHA-256 conversation, begun inside the handshake (speculative).
    expect(fake.auth.slice(before)).toEqual([
      { user: 'reader', db: 'admin', mechanism: 'SCRAM-SHA-256', ok: true, speculative: true },
    ]);
    const sent = fake.commands.map((c) => c.command);
    expect(sent).toEqual(
      expect.arrayContaining([
        'ismaster',
        'saslContinue',
        'buildInfo',
        'listCollections',
        'connectionStatus',
      ]),
    );
    expect(fake.commands.filter((c) => c.opCode === 'OP_QUERY').map((c) => c.command)).toEqual(
      expect.arrayContaining(['ismaster']),
    );
    expect(fake.unhandled).toEqual([]);
  });

  it('should bound discovery by max_objects and apply include/exclude filters', async () => {
    // The first two the server lists (catalog order), sorted.
    const bounded = await service.verify(input(), { orgId: 'o1', maxObjects: 2 });
    expect(bounded.details.schemas?.[0]?.tables.map((t) => t.name)).toEqual(['customers', 'orders']);
    expect(bounded.details.truncated).toBe(true);
    const filtered = await service.verify(input(), {
      orgId: 'o1',
      include: ['events.*'],
      exclude: ['*.tmp_*', 'events.big_*'],
    });
    expect(filtered.details.schemas?.[0]?.tables.map((t) => t.name)).toEqual([
      'customers',
      'metrics',
      'orders',
    ]);
    expect(filtered.details.truncated).toBeFalsy();
  });

  it('should fall back to SCRAM-SHA-1 for a user that has only SHA-1 credentials', async () => {
    const before = fake.auth.length;
    const report = await service.verify(input({}, { username: 'legacy' }), { orgId: 'o1' });
    expect(report.success).toBe(true);
    // The speculative SCRAM-SHA-256 start finds no SHA-256 credentials and is dropped; the driver
    // then follows saslSupportedMechs.
    expect(fake.auth.slice(before)).toEqual([
      { user: 'legacy', db: 'admin', mechanism: 'SCRAM-SHA-256', ok: false, speculative: true },
      { user: 'legacy', db: 'admin', mechanism: 'SCRAM-SHA-1', ok: true, speculative: false },
    ]);
  });

  it('should use auth_source for the SCRAM conversation and warn that a readWrite user can write', async () => {
    const before = fake.auth.length;
    const report = await service.verify(input({ auth_source: 'events' }, { username: 'writer' }), {
      orgId: 'o1',
    });
    expect(report.success).toBe(true);
    expect(fake.auth.slice(before)).toEqual([
      { user: 'writer', db: 'events', mechanism: 'SCRAM-SHA-256', ok: true, speculative: true },
    ]);
    expect(report.details.warnings).toContain('this credential can write; a read-only user is enough');
    // The same user under the default authSource (admin) does not exist there.
    const wrongSource = await service.verify(input({}, { username: 'writer' }), { orgId: 'o1' });
    expect(wrongSource.details.error_code).toBe('auth_failed');
  });

  it('should warn about a root credential', async () => {
    const report = await service.verify(input({}, { username: 'admin', password: adminPassword }), {
      orgId: 'o1',
    });
    expect(report.success).toBe(true);
    expect(report.details.warnings).toContain(
      'this credential has administrative roles; use a read-only user',
    );
  });

  it('should classify a wrong password as auth_failed (18) after the server rejected the proof', async () => {
    const before = fake.auth.length;
    const wrong = `${password}x`;
    const report = await service.verify(input({}, { password: wrong }), { orgId: 'o1' });
    expect(report).toMatchObject({ success: false, details: { error_code: 'auth_failed' } });
    expect(report.message).toContain('(AuthenticationFailed)');
    expect(stepStatus(report)).toMatchObject({ connect: 'ok', authenticate: 'failed' });
    expect(stepStatus(report).discover ?? 'skipped').toBe('skipped');
    expect(fake.auth.slice(before)).toEqual([
      { user: 'reader', db: 'admin', mechanism: 'SCRAM-SHA-256', ok: false, speculative: true },
    ]);
    expectNoSecret([JSON.stringify(report), ...logs.lines], wrong);
  });

  it('should classify an unknown user exactly like a wrong password', async () => {
    const before = fake.auth.length;
    const report = await service.verify(input({}, { username: 'nobody' }), { orgId: 'o1' });
    expect(report).toMatchObject({ success: false, details: { error_code: 'auth_failed' } });
    expect(report.message).toContain('(AuthenticationFailed)');
    expect(stepStatus(report)).toMatchObject({ connect: 'ok', authenticate: 'failed' });
    // Speculative attempt dropped silently, then the explicit saslStart refused.
    expect(fake.auth.slice(before).map((a) => [a.user, a.ok, a.speculative])).toEqual([
      ['nobody', false, true],
      ['nobody', false, false],
    ]);
  });

  it('should classify a user without any privilege on the database as permission_denied (13)', async () => {
    const report = await service.verify(input({}, { username: 'billing' }), { orgId: 'o1' });
    expect(report).toMatchObject({ success: false, details: { error_code: 'permission_denied' } });
    expect(report.message).toContain('(Unauthorized)');
    expect(stepStatus(report)).toMatchObject({ authenticate: 'ok', discover: 'failed' });
    // The same user lists its own database.
    const own = await service.verify(input({ database: 'billing' }, { username: 'billing' }), {
      orgId: 'o1',
    });
    expect(own.details.schemas).toEqual([
      { name: 'billing', tables: [{ name: 'invoices', type: 'collection' }] },
    ]);
  });

  it('should check the replica set name the server reports', async () => {
    const rs = await startFakeMongo({ users, databases, setName: 'rs0' });
    try {
      const ok = await service.verify(input({ replica_set: 'rs0' }, {}, rs.port), { orgId: 'o1' });
      expect(ok.success).toBe(true);
      const other = await service.verify(input({ replica_set: 'rs1' }, {}, rs.port), { orgId: 'o1' });
      expect(other.details.error_code).toBe('invalid_config');
    } finally {
      await rs.close();
    }
  });

  it('should classify a closed port as unreachable and a server that never answers as timeout', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const closedPort = (probe.address() as net.AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const quick = makeService({ resolver, env: { VERIFY_TIMEOUT_MS: '1000' } });
    const refused = await quick.verify(input({}, {}, closedPort), { orgId: 'o1' });
    expect(refused).toMatchObject({ success: false, details: { error_code: 'unreachable' } });
    expect(stepStatus(refused).connect).toBe('failed');

    const silent = await silentServer();
    try {
      const started = Date.now();
      const report = await quick.verify(input({}, {}, silent.port), { orgId: 'o1' });
      expect(report).toMatchObject({ success: false, details: { error_code: 'timeout' } });
      expect(Date.now() - started).toBeLessThan(8000);
    } finally {
      await silent.close();
    }
  });

  it('should never put the password on the wire, in the report or in the logs', async () => {
    const start = fake.received().length;
    await service.verify(input(), { orgId: 'o1' });
    await service.verify(input({}, { password: `${password}x` }), { orgId: 'o1' });
    const wire = fake.received().subarray(start);
    expect(wire.length).toBeGreaterThan(0);
    expect(wire.includes(Buffer.from(password))).toBe(false);
    expectNoSecret(logs.lines, password);
    expectNoSecret(logs.lines, adminPassword);
  });

  it('should surface a real Unauthorized reply as MongoServerError 13 and classify it', async () => {
    const client = new MongoClient(`mongodb://127.0.0.1:${fake.port}/`, {
      directConnection: true,
      auth: { username: 'billing', password },
      serverSelectionTimeoutMS: 2000,
    });
    try {
      const error = await client
        .db('events')
        .listCollections({}, { nameOnly: false })
        .toArray()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MongoServerError);
      expect(error).toMatchObject({ code: 13, codeName: 'Unauthorized' });
      const classified = classifyMongoError(error);
      expect(classified).toBeInstanceOf(DriverError);
      expect((classified as DriverError).code).toBe('permission_denied');
      const own = await client.db('admin').command({ listDatabases: 1, nameOnly: true });
      expect(own['databases']).toEqual([{ name: 'billing' }]);
      const refused = await client
        .db('admin')
        .command({ listDatabases: 1, authorizedDatabases: false })
        .catch((e: unknown) => e);
      expect(refused).toMatchObject({ code: 13 });
    } finally {
      await client.close();
    }
  });

  it('should page a cursor with getMore and kill it when the client stops early', async () => {
    const client = new MongoClient(`mongodb://127.0.0.1:${fake.port}/`, {
      directConnection: true,
      auth: { username: 'reader', password },
      serverSelectionTimeoutMS: 2000,
    });
    try {
      let before = fake.commands.length;
      const all = await client.db('events').listCollections({}, { nameOnly: true, batchSize: 2 }).toArray();
      expect(all.map((c) => c.name)).toEqual(databases['events']!.map((c) => c.name));
      expect(fake.commands.slice(before).filter((c) => c.command === 'getMore')).toHaveLength(2);
      before = fake.commands.length;
      const cursor = client.db('events').listCollections({}, { nameOnly: true, batchSize: 2 });
      await cursor.next();
      await cursor.close();
      expect(fake.commands.slice(before).map((c) => c.command)).toEqual(['listCollections', 'killCursors']);
    } finally {
      await client.close();
    }
  });
});

describe(`${VerificationService.name} (mongodb over TLS, wire-protocol fake mongod 7.0)`, () => {
  let pki: TestPki | undefined;
  let tlsFake: RunningFakeMongo;
  let ca: string;
  let rogueCa: string;
  // Short, because the driver keeps retrying a failed TLS handshake until server selection gives up.
  const service = makeService({ resolver, env: { VERIFY_TIMEOUT_MS: '3000' } });

  beforeAll(async () => {
    pki = new TestPki();
    ca = pki.authority('test-ca').cert;
    rogueCa = pki.authority('rogue-ca').cert;
    const leaf = pki.leaf('leaf', 'test-ca', `DNS:${HOST}`);
    tlsFake = await startFakeMongo({
      users,
      databases,
      tls: leaf,
    });
  });
  afterAll(async () => {
    await tlsFake?.close();
    pki?.dispose();
  });

  const tlsInput = (credentials: Record<string, unknown> = {}) =>
    input({ tls: true }, { ca_cert: ca, ...credentials }, tlsFake.port);

  it('should verify the certificate against ca_cert and the configured host name, then authenticate', async () => {
    const report = await service.verify(tlsInput(), { orgId: 'o1' });
    expect(report.success).toBe(true);
    expect(stepStatus(report)).toMatchObject({
      connect: 'ok',
      tls: 'ok',
      authenticate: 'ok',
      discover: 'ok',
    });
    expect(report.details.warnings ?? []).not.toContain(
      'TLS is off: the password exchange and data are not encrypted',
    );
  });

  it('should fail at tls for a certificate from another CA', async () => {
    const report = await service.verify(tlsInput({ ca_cert: rogueCa }), { orgId: 'o1' });
    expect(report).toMatchObject({ success: false, details: { error_code: 'tls_error' } });
    expect(stepStatus(report)).toMatchObject({ tls: 'failed' });
    expect(stepStatus(report).authenticate ?? 'skipped').toBe('skipped');
  });

  it('should fail, not fall back to plaintext, when tls=false meets a TLS-only server', async () => {
    const report = await service.verify(input({ tls: false }, {}, tlsFake.port), { orgId: 'o1' });
    expect(report.success).toBe(false);
    expect(stepStatus(report).authenticate ?? 'skipped').toBe('skipped');
    expect(report.details.error_code).toBe('unreachable');
  });

  it('should classify a wrong password over TLS as auth_failed with TLS recorded ok', async () => {
    const report = await service.verify(tlsInput({ password: `${password}x` }), { orgId: 'o1' });
    expect(report).toMatchObject({ success: false, details: { error_code: 'auth_failed' } });
    expect(stepStatus(report)).toMatchObject({ connect: 'ok', tls: 'ok', authenticate: 'failed' });
  });
});
