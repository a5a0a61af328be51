import { generateKeyPairSync, randomInt } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import { startFakeSnowflake, TestPki } from '@app/testing';
import type { ResolvedAddress } from '../../../apps/assets/src/egress/egress-policy.js';
import { VerificationService } from '../../../apps/assets/src/verification/verification.service.js';
import { canary, captureLogs, makeService } from './verification-fixtures.js';

/**
 * snowflake-sdk runs whole verifications against a fake Snowflake account on loopback. The driver
 * always dials `<account>.snowflakecomputing.com:443` over HTTPS, so the fake listens on port 443
 * of a loopback address of its own (127.0.0.0/8 is all loopback), with a certificate for that name
 * from a CA made here and added to Node's default store (as NODE_EXTRA_CA_CERTS would at start);
 * only the egress policy's resolver maps the name to that address, so every request goes through
 * the pinned agent the driver hands the SDK.
 */
const ACCOUNT = 'myorg-verify';
const HOST = `${ACCOUNT}.snowflakecomputing.com`;
const ADDRESS = `127.83.${randomInt(1, 250)}.${randomInt(2, 250)}`;
const SILENT_ADDRESS = `127.84.${randomInt(1, 250)}.${randomInt(2, 250)}`;
const CLOSED_ADDRESS = `127.85.${randomInt(1, 250)}.${randomInt(2, 250)}`;

const password = canary();
const adminPassword = canary();
const lockPassword = canary();
const passphrase = canary();
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const plainKey = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const encryptedKey = privateKey
  .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase })
  .toString();
const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();

// A CA and a leaf it signed for the account host.
const pkiDir = new TestPki();
const pki = { ca: pkiDir.authority('verify-ca').cert, ...pkiDir.leaf('leaf', 'verify-ca', `DNS:${HOST}`) };
const originalCas = tls.getCACertificates('default');
tls.setDefaultCACertificates([...originalCas, pki.ca]);

const fake = await startFakeSnowflake({
  account: ACCOUNT,
  host: ADDRESS,
  port: 443,
  tls: { key: pki.key, cert: pki.cert },
  version: '9.12.0',
  warehouses: ['COMPUTE_WH'],
  users: [
    {
      name: 'svc_reader',
      password,
      defaultRole: 'REPORTING',
      roles: ['ANALYST'],
      defaultWarehouse: 'COMPUTE_WH',
    },
    {
      name: 'SVC_KEY',
      publicKeys: [publicKey.export({ type: 'spki', format: 'pem' }).toString()],
      defaultRole: 'REPORTING',
    },
    { name: 'admin', password: adminPassword, defaultRole: 'ACCOUNTADMIN' },
    { name: 'lockme', password: lockPassword, defaultRole: 'REPORTING' },
  ],
  databasesByRole: {
    REPORTING: ['ANALYTICS', 'RAW', 'STAGING', 'TMP_SCRATCH'],
    ANALYST: ['ANALYTICS'],
    PUBLIC: [],
    SYSADMIN: ['ADMIN_ONLY'],
  },
});

// Accepts TCP on 443 and never answers the TLS handshake.
const silentSockets = new Set<net.Socket>();
const silent = net.createServer((socket) => {
  silentSockets.add(socket);
  socket.on('error', () => undefined);
  socket.on('close', () => silentSockets.delete(socket));
  socket.resume();
});
await new Promise<void>((resolve) => silent.listen(443, SILENT_ADDRESS, resolve));

afterAll(async () => {
  tls.setDefaultCACertificates(originalCas);
  for (const s of silentSockets) s.destroy();
  await new Promise((resolve) => silent.close(resolve));
  await fake.close();
  pkiDir.dispose();
});

const at =
  (address: string) =>
  async (name: string): Promise<ResolvedAddress[]> =>
    name === HOST ? [{ address, family: 4 }] : [];

const basic = (credentials: Record<string, unknown> = {}, config: Record<string, unknown> = {}) => ({
  type: 'snowflake' as const,
  auth_type: 'basic',
  config: { auth_type: 'basic', account: ACCOUNT, warehouse: 'COMPUTE_WH', ...config },
  credentials: { username: 'svc_reader', password, ...credentials },
});
const keyPair = (credentials: Record<string, unknown> = {}) => ({
  type: 'snowflake' as const,
  auth_type: 'key_pair',
  config: { auth_type: 'key_pair', account: ACCOUNT },
  credentials: { username: 'svc_key', private_key: plainKey, ...credentials },
});

const steps = (report: { steps: Array<{ name: string; status: string }> }) =>
  report.steps.map((s) => [s.name, s.status]);
const SUCCESS_STEPS = [
  ['resolve', 'ok'],
  ['egress_policy', 'ok'],
  ['connect', 'ok'],
  ['tls', 'ok'],
  ['authenticate', 'ok'],
  ['discover', 'ok'],
  ['privileges', 'ok'],
];

/** Every session token the fake handed out, as the SDK sent it back. */
const sessionTokens = () =>
  fake.requests.flatMap((r) => (r.authorization ? [/Token="([^"]+)"/.exec(r.authorization)?.[1] ?? ''] : []));

describe(`${VerificationService.name} (snowflake, snowflake-sdk against a fake account over HTTPS)`, () => {
  const logs = captureLogs();
  const service = makeService({ resolver: at(ADDRESS), logger: logs.logger });
  afterAll(() => logs.restore());
  beforeEach(() => fake.unlockAll());

  it('should log in with a password, run the discovery queries with the session token and log out', async () => {
    const before = fake.requests.length;
    const report = await service.verify(basic(), { orgId: 'o1' });
    expect(report.success).toBe(true);
    expect(steps(report)).toEqual(SUCCESS_STEPS);
    expect(report.details.server_version).toBe('Snowflake 9.12.0');
    expect(report.details.schemas).toEqual(
      ['ANALYTICS', 'RAW', 'STAGING', 'TMP_SCRATCH'].map((name) => ({ name, tables: [] })),
    );
    expect(report.details.truncated).toBe(false);
    expect(report.steps.find((s) => s.name === 'privileges')?.message).toBe('current role REPORTING');
    expect(report.details.warnings ?? []).toEqual([]);

    const mine = fake.requests.slice(before);
    const login = mine[0]!;
    expect(login.method).toBe('POST');
    expect(login.path).toMatch(/^\/session\/v1\/login-request\?/);
    expect(new URL(login.path, 'https://x').searchParams.get('warehouse')).toBe('COMPUTE_WH');
    expect(login.authorization).toBeUndefined();
    expect(fake.logins.at(-1)).toMatchObject({
      ACCOUNT_NAME: ACCOUNT,
      LOGIN_NAME: 'svc_reader',
      AUTHENTICATOR: 'SNOWFLAKE',
      PASSWORD: password,
    });
    const queries = mine.filter((r) => r.path.startsWith('/queries/v1/query-request'));
    expect(queries).toHaveLength(3);
    for (const q of queries) expect(q.authorization).toMatch(/^Snowflake Token="ver:1-hint:[^"]+"$/);
    // LIMIT is max_objects + 1, so one row more than allowed tells discovery it was cut short.
    expect(fake.queries.slice(-3)).toEqual([
      'SELECT CURRENT_VERSION() AS "V"',
      expect.stringMatching(/^SHOW TERSE DATABASES LIMIT \d+$/),
      'SELECT CURRENT_ROLE() AS "R"',
    ]);
    expect(mine.some((r) => r.path.startsWith('/session?delete=true'))).toBe(true);
    expect(fake.openSessions()).toBe(0);
    expect(fake.unhandled).toEqual([]);
  });

  it('should bound discovery by max_objects and apply include/exclude filters', async () => {
    const bounded = await service.verify(basic(), { orgId: 'o1', maxObjects: 2 });
    expect(fake.queries).toContain('SHOW TERSE DATABASES LIMIT 3');
    expect(bounded.details).toMatchObject({
      schemas: [
        { name: 'ANALYTICS', tables: [] },
        { name: 'RAW', tables: [] },
      ],
      truncated: true,
    });
    const filtered = await service.verify(basic(), {
      orgId: 'o1',
      include: ['*A*'],
      exclude: ['TMP_*'],
    });
    expect(filtered.details.schemas?.map((s) => s.name)).toEqual(['ANALYTICS', 'RAW', 'STAGING']);
  });

  it('should use the role from the config for the session, and discover what that role sees', async () => {
    const report = await service.verify(basic({}, { role: 'ANALYST' }), { orgId: 'o1' });
    expect(report.success).toBe(true);
    expect(report.details.schemas).toEqual([{ name: 'ANALYTICS', tables: [] }]);
    expect(report.steps.find((s) => s.name === 'privileges')?.message).toBe('current role ANALYST');
  });

  it('should log in with a key pair: the SDK-signed RS256 JWT verifies against the registered key', async () => {
    const report = await service.verify(keyPair(), { orgId: 'o1' });
    expect(report.success).toBe(true);
    expect(steps(report)).toEqual(SUCCESS_STEPS);
    const login = fake.logins.at(-1)!;
    expect(login).toMatchObject({ AUTHENTICATOR: 'SNOWFLAKE_JWT', LOGIN_NAME: 'svc_key' });
    expect(login).not.toHaveProperty('PASSWORD');
    const payload = JSON.parse(
      Buffer.from(String(login['TOKEN']).split('.')[1]!, 'base64url').toString('utf8'),
    ) as Record<string, unknown>;
    expect(payload['sub']).toBe('MYORG-VERIFY.SVC_KEY');
    expect(payload['iss']).toMatch(/^MYORG-VERIFY\.SVC_KEY\.SHA256:[A-Za-z0-9+/]{43}=$/);
  });

  it('should decrypt a passphrase-protected key and log in with it', async () => {
    const report = await service.verify(
      keyPair({ private_key: encryptedKey, private_key_passphrase: passphrase }),
      { orgId: 'o1' },
    );
    expect(report.success).toBe(true);
    const wrong = await service.verify(
      keyPair({ private_key: encryptedKey, private_key_passphrase: 'not-the-passphrase' }),
      { orgId: 'o1' },
    );
    expect(wrong.details.error_code).toBe('invalid_config');
    expect(steps(wrong)).not.toContainEqual(['connect', 'ok']);
  });

  it('should classify a key the user has not registered as auth_failed (390144)', async () => {
    const report = await service.verify(keyPair({ private_key: otherKey }), { orgId: 'o1' });
    expect(report).toMatchObject({ success: false, details: { error_code: 'auth_failed' } });
    expect(report.message).toContain('390144');
    expect(report.steps.find((s) => s.name === 'authenticate')?.status).toBe('failed');
    expect(report.steps.find((s) => s.name === 'tls')?.status).toBe('ok');
  });

  it('should classify an expired JWT (server clock ahead of the 120 s lifetime) as auth_failed', async () => {
    fake.setClockOffset(10 * 60_000);
    try {
      const report = await service.verify(keyPair(), { orgId: 'o1' });
      expect(report).toMatchObject({ success: false, details: { error_code: 'auth_failed' } });
      expect(report.message).toContain('390144');
    } finally {
      fake.setClockOffset(0);
    }
  });

  it('should classify a wrong password and an unknown user alike: auth_failed (390100)', async () => {
    const wrong = await service.verify(basic({ password: canary() }), { orgId: 'o1' });
    const unknown = await service.verify(basic({ username: 'nobody_here' }), { orgId: 'o1' });
    for (const report of [wrong, unknown]) {
      expect(report).toMatchObject({ success: false, details: { error_code: 'auth_failed' } });
      expect(report.message).toContain('390100');
      expect(report.steps.find((s) => s.name === 'authenticate')?.status).toBe('failed');
    }
    expect(wrong.message).toBe(unknown.message);
  });

  it('should classify a user locked after repeated failures as auth_failed (390102), even with the right password', async () => {
    for (let i = 0; i < 5; i++) {
      const report = await service.verify(basic({ username: 'lockme', password: canary() }), { orgId: 'o1' });
      expect(report.message).toContain('390100');
    }
    const locked = await service.verify(basic({ username: 'lockme', password: lockPassword }), {
      orgId: 'o1',
    });
    expect(locked).toMatchObject({ success: false, details: { error_code: 'auth_failed' } });
    expect(locked.message).toContain('390102');
    fake.unlockAll();
    const unlocked = await service.verify(basic({ username: 'lockme', password: lockPassword }), {
      orgId: 'o1',
    });
    expect(unlocked.success).toBe(true);
  });

  it('should classify a role that is not granted as permission_denied (390189)', async () => {
    const report = await service.verify(basic({}, { role: 'SYSADMIN' }), { orgId: 'o1' });
    expect(report).toMatchObject({ success: false, details: { error_code: 'permission_denied' } });
    expect(report.message).toContain('390189');
  });

  it('should warn when the session runs as ACCOUNTADMIN', async () => {
    const report = await service.verify(basic({ username: 'admin', password: adminPassword }), {
      orgId: 'o1',
    });
    expect(report.success).toBe(true);
    expect(report.details.warnings).toContain('the session runs as ACCOUNTADMIN; use a read-only role');
    expect(report.details.schemas?.map((s) => s.name)).toContain('ADMIN_ONLY');
  });

  it('should not fetch a result chunk from any address but the pinned one, whatever its scheme', async () => {
    const hits: string[] = [];
    const stage = http.createServer((req, res) => {
      hits.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/json' }).end('["ANALYTICS"]');
    });
    await new Promise<void>((resolve) => stage.listen(0, '127.0.0.1', resolve));
    const { port } = stage.address() as net.AddressInfo;
    try {
      for (const url of [
        `http://127.0.0.1:${port}/stage/chunk_0`,
        `https://127.0.0.1:${port}/stage/chunk_0`,
      ]) {
        fake.controls.resultChunkUrl = url;
        const report = await service.verify(basic(), { orgId: 'o1' });
        expect(report).toMatchObject({ success: false, details: { error_code: 'egress_denied' } });
        expect(report.steps.find((s) => s.name === 'discover')?.status).toBe('failed');
      }
      expect(hits).toEqual([]);
    } finally {
      fake.controls.resultChunkUrl = undefined;
      stage.closeAllConnections();
      await new Promise((resolve) => stage.close(resolve));
    }
  });

  it('should never put a password, key, passphrase or session token in a report or a log line', async () => {
    const reports = [
      await service.verify(basic(), { orgId: 'o1' }),
      await service.verify(basic({ password: `${password}x` }), { orgId: 'o1' }),
      await service.verify(keyPair({ private_key: encryptedKey, private_key_passphrase: passphrase }), {
        orgId: 'o1',
      }),
      await service.verify(keyPair({ private_key: otherKey }), { orgId: 'o1' }),
    ];
    const tokens = sessionTokens();
    expect(tokens.length).toBeGreaterThan(0);
    const secrets = [
      password,
      adminPassword,
      lockPassword,
      passphrase,
      ...tokens,
      ...fake.logins.map((l) => String(l['TOKEN'] ?? '')).filter(Boolean),
      ...[plainKey, encryptedKey, otherKey].flatMap((k) => k.split('\n').filter((l) => l.length > 40)),
    ];
    const text = JSON.stringify(reports) + logs.lines.join('\n');
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});

describe(`${VerificationService.name} (snowflake, unreachable and silent endpoints)`, () => {
  it('should classify a refused connection as unreachable', async () => {
    const report = await makeService({ resolver: at(CLOSED_ADDRESS) }).verify(
      {
        type: 'snowflake',
        auth_type: 'basic',
        config: { auth_type: 'basic', account: ACCOUNT },
        credentials: { username: 'svc_reader', password },
      },
      { orgId: 'o1' },
    );
    expect(report).toMatchObject({ success: false, details: { error_code: 'unreachable' } });
    expect(report.steps.find((s) => s.name === 'connect')?.status).toBe('failed');
  });

  it('should time out on a server that accepts TCP and never answers the TLS handshake', async () => {
    const started = Date.now();
    const report = await makeService({
      resolver: at(SILENT_ADDRESS),
      env: { VERIFY_TIMEOUT_MS: '1500' },
    }).verify(
      {
        type: 'snowflake',
        auth_type: 'basic',
        config: { auth_type: 'basic', account: ACCOUNT },
        credentials: { username: 'svc_reader', password },
      },
      { orgId: 'o1' },
    );
    expect(report).toMatchObject({ success: false, details: { error_code: 'timeout' } });
    expect(report.steps.find((s) => s.name === 'tls')?.status).toBe('failed');
    expect(Date.now() - started).toBeLessThan(8000);
  });
});
