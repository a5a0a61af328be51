import net from 'node:net';
import mysql from 'mysql2/promise';
import { buildMysqlOptions } from '../../../apps/assets/src/verification/drivers/mysql/mysql.driver.js';
import { VerificationService } from '../../../apps/assets/src/verification/verification.service.js';
import { canary, makeService, suffix } from './verification-fixtures.js';

const id = suffix();
const database = `verify_${id}`;
const user = `verify_${id}`;
const password = canary();
const admin = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root' });
await admin.query(`CREATE DATABASE \`${database}\``);
await admin.query(`CREATE TABLE \`${database}\`.orders (id INT PRIMARY KEY)`);
await admin.query(`CREATE TABLE \`${database}\`.customers (id INT PRIMARY KEY)`);
await admin.query(`CREATE VIEW \`${database}\`.big_orders AS SELECT id FROM \`${database}\`.orders`);
await admin.query(`CREATE USER '${user}'@'127.0.0.1' IDENTIFIED BY ?`, [password]);
// A pattern grant, so an unknown database under it is ER_BAD_DB_ERROR rather than access denied.
await admin.query(`GRANT SELECT ON \`verify\\_${id}%\`.* TO '${user}'@'127.0.0.1'`);
afterAll(async () => {
  await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await admin.query(`DROP USER IF EXISTS '${user}'@'127.0.0.1'`);
  await admin.end();
});

const input = (config: Record<string, unknown> = {}, credentials: Record<string, unknown> = {}) => ({
  type: 'mysql' as const,
  auth_type: 'basic',
  config: { auth_type: 'basic', host: '127.0.0.1', port: 3306, database, ssl_mode: 'disable', ...config },
  credentials: { username: user, password, ...credentials },
});

describe(`${VerificationService.name} (mysql, real MariaDB)`, () => {
  const service = makeService();

  it('should verify and discover the tables and views of the database', async () => {
    const report = await service.verify(input(), {
      orgId: 'o1',
      selectedTables: ['orders', `${database}.gone`],
    });
    expect(report.success).toBe(true);
    expect(report.details.server_version).toMatch(/^MariaDB \d+\.\d+/);
    expect(report.details.schemas).toEqual([
      {
        name: database,
        tables: [
          { name: 'big_orders', type: 'view' },
          { name: 'customers', type: 'table' },
          { name: 'orders', type: 'table' },
        ],
      },
    ]);
    expect(report.details.missing_selected_tables).toEqual([`${database}.gone`]);
    expect(report.steps.map((s) => s.status)).toEqual(['ok', 'ok', 'ok', 'skipped', 'ok', 'ok', 'ok']);
    expect(report.details.warnings).not.toContain('this credential is a superuser; use a read-only user');
  });

  it('should filter and truncate discovery', async () => {
    const report = await service.verify(input(), {
      orgId: 'o1',
      include: [`${database}.*`],
      exclude: ['*.big_*'],
      maxObjects: 1,
    });
    expect(report.details.schemas).toEqual([
      { name: database, tables: [{ name: 'customers', type: 'table' }] },
    ]);
    expect(report.details.truncated).toBe(true);
  });

  it('should classify a wrong password as auth_failed', async () => {
    const report = await service.verify(input({}, { password: `${password}x` }), { orgId: 'o1' });
    expect(report).toMatchObject({ success: false, details: { error_code: 'auth_failed' } });
    expect(report.steps.find((s) => s.name === 'authenticate')?.status).toBe('failed');
  });

  it('should classify an unknown database as not_found', async () => {
    const report = await service.verify(input({ database: `${database}_missing` }), { orgId: 'o1' });
    expect(report).toMatchObject({ success: false, details: { error_code: 'not_found' } });
  });

  it('should fail at tls when TLS is required and fall back for preferred', async () => {
    for (const ssl_mode of ['required', 'verify_ca', 'verify_identity']) {
      const report = await service.verify(input({ ssl_mode }), { orgId: 'o1' });
      expect(report).toMatchObject({ success: false, details: { error_code: 'tls_error' } });
      expect(report.steps.find((s) => s.name === 'tls')?.status).toBe('failed');
      expect(report.steps.find((s) => s.name === 'authenticate')?.status).toBe('skipped');
    }
    const preferred = await service.verify(input({ ssl_mode: 'preferred' }), { orgId: 'o1' });
    expect(preferred.success).toBe(true);
    expect(preferred.details.warnings).toContain(
      'the connection is not encrypted: the server does not offer TLS',
    );
  });

  it('should warn about a superuser credential', async () => {
    await admin.query(`CREATE USER '${user}_su'@'127.0.0.1' IDENTIFIED BY ?`, [password]);
    await admin.query(`GRANT ALL PRIVILEGES ON *.* TO '${user}_su'@'127.0.0.1'`);
    try {
      const report = await service.verify(input({}, { username: `${user}_su` }), { orgId: 'o1' });
      expect(report.details.warnings).toContain('this credential is a superuser; use a read-only user');
    } finally {
      await admin.query(`DROP USER '${user}_su'@'127.0.0.1'`);
    }
  });

  it('should build connections that cannot read local files even when the server allows LOCAL INFILE', async () => {
    const dest = { hostname: '127.0.0.1', address: '127.0.0.1', family: 4 as const, port: 3306 };
    const options = buildMysqlOptions({ user, password, database }, dest, undefined, 2000, () =>
      net.connect({ host: dest.address, port: dest.port }),
    );
    expect(options).not.toHaveProperty('infileStreamFactory');
    const conn = await mysql.createConnection(options);
    try {
      await expect(conn.query(`LOAD DATA LOCAL INFILE '/etc/passwd' INTO TABLE orders`)).rejects.toThrow();
      await expect(conn.query('SELECT 1; SELECT 2')).rejects.toThrow();
    } finally {
      await conn.end();
    }
  });
});
