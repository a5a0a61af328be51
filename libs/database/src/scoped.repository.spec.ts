import type { DataSource } from 'typeorm';
import { SystemScope, type TenantScope } from '@app/core';
import { type Scope, ScopedRepository, scopeKeysOf, tenantColumns } from './scoped.repository.js';
import { isUniqueViolation } from './postgres-errors.js';

const CONNECTIONS = tenantColumns('data_connections', 'org_id', 'scope_key');
const LEASES = tenantColumns('secret_sweep_leases', 'org_id');

/**
 * Records the SQL and positional values a statement sends (outside a transaction, on the pool);
 * TypeORM's escaping only marks what it was given.
 */
function recordingDataSource(sent: Array<{ sql: string; params: unknown }>): DataSource {
  const driver = {
    escapeQueryWithParameters: (sql: string, params: Record<string, unknown>) => [`typeorm: ${sql}`, params],
    master: {
      query: async (sql: string, params: unknown) => {
        sent.push({ sql, params });
        return { rows: [] };
      },
    },
  };
  return { manager: { connection: { driver } }, driver } as unknown as DataSource;
}

class ProbeRepository extends ScopedRepository {
  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  byId(scope: Scope, id: string) {
    return this.sql(
      scope,
      (tenant) => `SELECT 1 FROM data_connections c WHERE ${tenant(CONNECTIONS, 'c')} AND c.id = :id`,
      { id },
    );
  }

  lease(scope: Scope) {
    return this.sql(scope, (tenant) => `SELECT 1 FROM secret_sweep_leases l WHERE ${tenant(LEASES, 'l')}`);
  }

  inList(scope: Scope, ids: string[]) {
    return this.sql(
      scope,
      (tenant) => `SELECT 1 FROM data_connections c WHERE ${tenant(CONNECTIONS, 'c')} AND c.id IN (:...ids)`,
      { ids },
    );
  }

  twice(scope: Scope, id: string) {
    return this.sql(
      scope,
      (tenant) =>
        `SELECT 1 FROM data_connections c WHERE ${tenant(CONNECTIONS, 'c')} AND (c.id = :id OR c.name = :id)`,
      { id },
    );
  }

  unfiltered(scope: Scope) {
    return this.sql(scope, () => 'SELECT 1 FROM data_connections');
  }

  shadowing(scope: Scope) {
    return this.sql(scope, (tenant) => `SELECT 1 FROM data_connections c WHERE ${tenant(CONNECTIONS, 'c')}`, {
      tenant_org: 'globex',
    });
  }
}

describe(ScopedRepository.name, () => {
  let sent: Array<{ sql: string; params: unknown }>;
  let repository: ProbeRepository;

  beforeEach(() => {
    sent = [];
    repository = new ProbeRepository(recordingDataSource(sent));
  });

  it("should filter a project scope on its org and on its project's and the org level's keys", async () => {
    await repository.byId({ orgId: 'acme', projectId: 'analytics' }, 'c1');
    expect(sent).toEqual([
      {
        sql: 'SELECT 1 FROM data_connections c WHERE (c.org_id = $1 AND c.scope_key = ANY($2)) AND c.id = $3',
        params: ['acme', ['analytics', ''], 'c1'],
      },
    ]);
  });

  it("should give a failed statement TypeORM's error shape, so unique violations are still recognised", async () => {
    const dataSource = recordingDataSource(sent) as unknown as { driver: { master: { query: unknown } } };
    dataSource.driver.master.query = () =>
      Promise.reject(Object.assign(new Error('duplicate key'), { code: '23505', constraint: 'uq_name' }));
    const probe = new ProbeRepository(dataSource as unknown as DataSource);
    const error = await probe.byId({ orgId: 'acme', projectId: null }, 'c1').catch((e: unknown) => e);
    expect(isUniqueViolation(error, 'uq_name')).toBe(true);
  });

  it('should filter an org-level scope on the org level only', async () => {
    await repository.byId({ orgId: 'acme', projectId: null }, 'c1');
    expect(sent[0]?.params).toEqual(['acme', [''], 'c1']);
  });

  it('should filter a table tenanted by org alone on the org', async () => {
    await repository.lease({ orgId: 'acme', projectId: 'analytics' });
    expect(sent[0]?.sql).toBe('SELECT 1 FROM secret_sweep_leases l WHERE (l.org_id = $1)');
  });

  it('should let a named system job reach every tenant, or every project of one org once narrowed', async () => {
    const job = SystemScope.of('reconciler');
    await repository.byId(job, 'c1');
    await repository.byId(job.inOrg('acme'), 'c1');
    expect(sent.map((s) => s.sql)).toEqual([
      'SELECT 1 FROM data_connections c WHERE TRUE AND c.id = $1',
      'SELECT 1 FROM data_connections c WHERE (c.org_id = $1) AND c.id = $2',
    ]);
    expect(sent.map((s) => s.params)).toEqual([['c1'], ['acme', 'c1']]);
    expect(job.inOrg('acme').job).toBe('reconciler');
  });

  it('should number a name used twice once, the same on every call of the statement', async () => {
    await repository.twice({ orgId: 'acme', projectId: null }, 'c1');
    await repository.twice({ orgId: 'globex', projectId: null }, 'c2');
    expect(sent).toEqual([
      {
        sql: 'SELECT 1 FROM data_connections c WHERE (c.org_id = $1 AND c.scope_key = ANY($2)) AND (c.id = $3 OR c.name = $3)',
        params: ['acme', [''], 'c1'],
      },
      {
        sql: 'SELECT 1 FROM data_connections c WHERE (c.org_id = $1 AND c.scope_key = ANY($2)) AND (c.id = $3 OR c.name = $3)',
        params: ['globex', [''], 'c2'],
      },
    ]);
  });

  it("should leave a statement that spreads a list (its text depends on the list's length) to TypeORM", async () => {
    await repository.inList({ orgId: 'acme', projectId: null }, ['c1', 'c2']);
    expect(sent[0]?.sql).toMatch(/^typeorm: /);
    expect(sent[0]?.params).toEqual({ ids: ['c1', 'c2'], tenant_org: 'acme', tenant_keys: [''] });
  });

  it('should refuse a statement that never asks for the tenant filter, before anything is sent', async () => {
    await expect(repository.unfiltered({ orgId: 'acme', projectId: null })).rejects.toThrow(
      'must filter on its tenant',
    );
    await expect(repository.unfiltered(SystemScope.of('janitor'))).rejects.toThrow(
      'must filter on its tenant',
    );
    expect(sent).toEqual([]);
  });

  it("should refuse parameters that would shadow the tenant filter's", async () => {
    await expect(repository.shadowing({ orgId: 'acme', projectId: null })).rejects.toThrow('tenant filter');
    expect(sent).toEqual([]);
  });

  it('should not take a plain object for a system scope', () => {
    const tenant: TenantScope = { orgId: 'acme', projectId: null };
    // @ts-expect-error a SystemScope is made by SystemScope.of(job), never written by hand
    const forged: SystemScope = { job: 'reconciler', orgId: null };
    expect(forged instanceof SystemScope).toBe(false);
    expect(scopeKeysOf(tenant)).toEqual(['']);
  });
});
