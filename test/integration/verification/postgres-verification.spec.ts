import { VerificationService } from '../../../apps/assets/src/verification/verification.service.js';
import { canary, createPgFixture, makeService, pgInput } from './verification-fixtures.js';

const password = canary();
const fixture = await createPgFixture(password);
afterAll(() => fixture.drop());

const asRole = (config: Record<string, unknown> = {}, credentials: Record<string, unknown> = {}) =>
  pgInput({
    config: { database: fixture.database, ...config },
    credentials: { username: fixture.role, password, ...credentials },
  });

describe(`${VerificationService.name} (postgres, real server)`, () => {
  const service = makeService();

  it('should verify and discover schemas, tables, views and partitioned tables', async () => {
    const report = await service.verify(asRole(), { orgId: 'o1' });
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
    expect(report.details.server_version).toMatch(/^PostgreSQL \d+/);
    expect(report.details.schemas).toEqual([
      {
        name: 'analytics',
        tables: [
          { name: 'daily', type: 'materialized_view' },
          { name: 'events', type: 'partitioned_table' },
        ],
      },
      { name: 'public', tables: [{ name: 'tmp_scratch', type: 'table' }] },
      {
        name: 'sales',
        tables: [
          { name: 'big_orders', type: 'view' },
          { name: 'customers', type: 'table' },
          { name: 'orders', type: 'table' },
        ],
      },
    ]);
    expect(report.details.truncated).toBe(false);
    expect(report.steps.find((s) => s.name === 'privileges')?.message).toBe(
      'SELECT on 1 of 6 discovered objects',
    );
    expect(report.details.warnings).not.toContain('this credential is a superuser; use a read-only role');
  });

  it('should warn when the credential is a superuser', async () => {
    const report = await service.verify(asRole({}, { username: 'postgres' }), { orgId: 'o1' });
    expect(report.details.warnings).toContain('this credential is a superuser; use a read-only role');
  });

  it('should apply include/exclude patterns and truncate at max objects', async () => {
    const filtered = await service.verify(asRole(), {
      orgId: 'o1',
      include: ['sales.*', 'analytics.d*'],
      exclude: ['sales.big_*'],
    });
    expect(filtered.details.schemas).toEqual([
      { name: 'analytics', tables: [{ name: 'daily', type: 'materialized_view' }] },
      {
        name: 'sales',
        tables: [
          { name: 'customers', type: 'table' },
          { name: 'orders', type: 'table' },
        ],
      },
    ]);
    const truncated = await service.verify(asRole(), { orgId: 'o1', maxObjects: 2 });
    expect(truncated.details.truncated).toBe(true);
    expect(truncated.details.schemas?.flatMap((s) => s.tables)).toHaveLength(2);
  });

  it('should report selected tables that no longer exist', async () => {
    const report = await service.verify(asRole({ db_schema: 'sales' }), {
      orgId: 'o1',
      selectedTables: ['sales.orders', 'customers', 'sales.gone', 'analytics.vanished'],
    });
    expect(report.success).toBe(true);
    expect(report.details.missing_selected_tables).toEqual(['sales.gone', 'analytics.vanished']);
    expect(report.details.warnings).toEqual(
      expect.arrayContaining([
        'selected table sales.gone no longer exists',
        'selected table analytics.vanished no longer exists',
      ]),
    );
  });

  // The local pg_hba.conf trusts 127.0.0.1, so a wrong password is accepted; a role that does not
  // exist is the only credential failure this server can produce (SQLSTATE 28000).
  it('should classify an unknown role as auth_failed at authenticate', async () => {
    const report = await service.verify(asRole({}, { username: `nobody_${fixture.role}` }), { orgId: 'o1' });
    expect(report).toMatchObject({ success: false, details: { error_code: 'auth_failed' } });
    expect(report.steps.find((s) => s.name === 'authenticate')?.status).toBe('failed');
    expect(report.steps.find((s) => s.name === 'discover')?.status).toBe('skipped');
  });

  it('should classify an unknown database as not_found', async () => {
    const report = await service.verify(asRole({ database: `${fixture.database}_missing` }), { orgId: 'o1' });
    expect(report).toMatchObject({ success: false, details: { error_code: 'not_found' } });
    expect(report.steps.find((s) => s.name === 'authenticate')?.status).toBe('failed');
  });

  it('should fail at tls with tls_error when TLS is required but the server has none', async () => {
    for (const ssl_mode of ['require', 'verify-ca', 'verify-full']) {
      const report = await service.verify(asRole({ ssl_mode }), { orgId: 'o1' });
      expect(report).toMatchObject({ success: false, details: { error_code: 'tls_error' } });
      expect(report.steps.map((s) => [s.name, s.status]).slice(2)).toEqual([
        ['connect', 'ok'],
        ['tls', 'failed'],
        ['authenticate', 'skipped'],
        ['discover', 'skipped'],
        ['privileges', 'skipped'],
      ]);
    }
  });

  it('should fall back to plain text for prefer and allow, with a warning', async () => {
    for (const ssl_mode of ['prefer', 'allow']) {
      const report = await service.verify(asRole({ ssl_mode }), { orgId: 'o1' });
      expect(report.success).toBe(true);
      expect(report.steps.find((s) => s.name === 'tls')).toMatchObject({ status: 'skipped' });
      expect(report.details.warnings).toContain(
        'the connection is not encrypted: the server does not offer TLS',
      );
    }
  });

  it('should verify through the redshift driver with the Postgres catalog fallback', async () => {
    const report = await service.verify(
      { ...asRole({ ssl_mode: 'disable', port: 5432 }), type: 'redshift' },
      { orgId: 'o1' },
    );
    expect(report.success).toBe(true);
    expect(report.steps.find((s) => s.name === 'discover')?.message).toContain('via the Postgres catalog');
    expect(report.details.schemas?.map((s) => s.name)).toEqual(['analytics', 'public', 'sales']);
    const required = await service.verify(
      { ...asRole({ port: 5432, ssl_mode: undefined }), type: 'redshift' },
      { orgId: 'o1' },
    );
    expect(required.details.error_code).toBe('tls_error');
  });
});
