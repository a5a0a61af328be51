import mysql from 'mysql2/promise';
import { VerificationService } from '../../../apps/assets/src/verification/verification.service.js';
import type { VerificationReport } from '../../../apps/assets/src/verification/verification.types.js';
import {
  canary,
  captureLogs,
  createPgFixture,
  makeService,
  pgInput,
  silentServer,
  suffix,
} from './verification-fixtures.js';

const password = canary();
const fixture = await createPgFixture(password);
const mysqlUser = `verify_${suffix()}`;
const admin = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root' });
await admin.query(`CREATE USER '${mysqlUser}'@'127.0.0.1' IDENTIFIED BY ?`, [password]);
afterAll(async () => {
  await fixture.drop();
  await admin.query(`DROP USER IF EXISTS '${mysqlUser}'@'127.0.0.1'`);
  await admin.end();
});

describe(`${VerificationService.name} (injection)`, () => {
  const service = makeService();

  it.each([
    ['host with a libpq option', { host: 'localhost?sslrootcert=/etc/passwd' }],
    ['host with a URL', { host: 'postgres://evil:5432/db' }],
    ['host with userinfo', { host: 'user@127.0.0.1' }],
    ['database with a host override', { database: 'test?host=169.254.169.254' }],
    ['database with a conninfo fragment', { database: 'test host=evil' }],
    ['a connection string field', { connectionString: 'postgres://x@169.254.169.254/db' }],
    ['a file option', { sslrootcert: '/etc/passwd' }],
    ['a raw options field', { options: '-c log_statement=all' }],
    ['a non-integer port', { port: '5432; DROP' }],
    ['an unknown ssl_mode', { ssl_mode: 'no-verify' }],
  ])('should reject %s as invalid_config before resolving', async (_label, config) => {
    const report = await service.verify(pgInput({ config }), { orgId: 'inj' });
    expect(report).toMatchObject({ success: false, details: { error_code: 'invalid_config' } });
    expect(report.steps.find((s) => s.name === 'resolve')?.status).toBe('failed');
    expect(report.steps.find((s) => s.name === 'connect')?.status).toBe('skipped');
  });

  it('should reject credential fields that are paths or unknown options', async () => {
    for (const credentials of [
      { sslkey: '/etc/ssl/private/key.pem' },
      { ca_cert: '/etc/ssl/certs/ca.pem' },
      { client_key: 'file:///etc/passwd' },
    ]) {
      const report = await service.verify(pgInput({ credentials }), { orgId: 'inj' });
      expect(report.details.error_code).toBe('invalid_config');
    }
  });

  it('should reject mysql fields that would enable local infile or pass flags', async () => {
    for (const config of [
      { flags: 'LOCAL_FILES' },
      { localInfile: true },
      { infileStreamFactory: 'x' },
      { multipleStatements: true },
      { socketPath: '/run/mysqld/mysqld.sock' },
    ]) {
      const report = await service.verify(
        {
          type: 'mysql',
          auth_type: 'basic',
          config: { host: '127.0.0.1', database: 'mysql', ...config },
          credentials: { username: 'u', password: 'p' },
        },
        { orgId: 'inj' },
      );
      expect(report.details.error_code).toBe('invalid_config');
    }
  });
});

describe(`${VerificationService.name} (scrubbing)`, () => {
  it('should keep the canary password out of every report and every log line', async () => {
    const logs = captureLogs();
    const server = await silentServer();
    const reports: VerificationReport[] = [];
    try {
      const service = makeService({ logger: logs.logger, env: { VERIFY_TIMEOUT_MS: '500' } });
      const pg = (config: Record<string, unknown>, username = fixture.role) =>
        service.verify(
          pgInput({ config: { database: fixture.database, ...config }, credentials: { username, password } }),
          { orgId: 'scrub' },
        );
      reports.push(await pg({}));
      reports.push(await pg({}, 'no_such_role'));
      reports.push(await pg({ database: 'no_such_db' }));
      reports.push(await pg({ ssl_mode: 'require' }));
      reports.push(await pg({ port: server.port }));
      reports.push(await pg({ host: '169.254.169.254' }));
      reports.push(await pg({ host: `${password}.example` }));
      for (const pw of [password, `${password}-wrong`]) {
        reports.push(
          await service.verify(
            {
              type: 'mysql',
              auth_type: 'basic',
              config: { host: '127.0.0.1', database: 'mysql', ssl_mode: 'preferred' },
              credentials: { username: mysqlUser, password: pw },
            },
            { orgId: 'scrub' },
          ),
        );
      }
    } finally {
      logs.restore();
      await server.close();
    }
    expect(reports.some((r) => r.success)).toBe(true);
    expect(reports.filter((r) => !r.success).length).toBeGreaterThanOrEqual(6);
    expect(logs.lines.length).toBeGreaterThan(0);
    const haystack = JSON.stringify(reports) + '\n' + logs.lines.join('\n');
    for (const form of [
      password,
      encodeURIComponent(password),
      Buffer.from(password).toString('base64').replace(/=+$/, ''),
      Buffer.from(password).toString('base64url'),
    ]) {
      expect(haystack).not.toContain(form);
    }
  });
});
