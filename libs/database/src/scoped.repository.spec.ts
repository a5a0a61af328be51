import type { DataSource } from 'typeorm';
import { SystemScope, type TenantScope } from '@app/core';
import { type Scope, ScopedRepository, scopeKeysOf, tenantColumns } from './scoped.repository.js';

const CONNECTIONS = tenantColumns('data_connections', 'org_id', 'scope_key');
const LEASES = tenantColumns('secret_sweep_leases', 'org_id');

/** Records the SQL and named parameters a statement would send (TypeORM's escaping is left out). */
function recordingDataSource(sent: Array<{ sql: string; params: Record<string, unknown> }>): DataSource {
  const manager = {
    connection: {
      driver: { escapeQueryWithParameters: (sql: string, params: Record<string, unknown>) => [sql, params] },
    },
    query: async (sql: string, params: Record<string, unknown>) => {
      sent.push({ sql, params });
      return [];
    },
  };
  return { manager } as unknown as DataSource;
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
  let sent: Array<{ sql: string; params: Record<string, unknown> }>;
  let repository: ProbeRepository;

  beforeEach(() => {
    sent = [];
    repository = new ProbeRepository(recordingDataSource(sent));
  });

  it("should filter a project scope on its org and on its project's and the org level's keys", async () => {
    await repository.byId({ orgId: 'acme', projectId: 'analytics' }, 'c1');
    expect(sent).toEqual([
      {
        sql: 'SELECT 1 FROM data_connections c WHERE (c.org_id = :tenant_org AND c.scope_key = ANY(:tenant_keys)) AND c.id = :id',
        params: { id: 'c1', tenant_org: 'acme', tenant_keys: ['analytics', ''] },
      },
    ]);
  });

  it('should filter an org-level scope on the org level only', async () => {
    await repository.byId({ orgId: 'acme', projectId: null }, 'c1');
    expect(sent[0]?.params).toMatchObject({ tenant_org: 'acme', tenant_keys: [''] });
  });

  it('should filter a table tenanted by org alone on the org', async () => {
    await repository.lease({ orgId: 'acme', projectId: 'analytics' });
    expect(sent[0]?.sql).toBe('SELECT 1 FROM secret_sweep_leases l WHERE (l.org_id = :tenant_org)');
  });

  it('should let a named system job reach every tenant, or every project of one org once narrowed', async () => {
    const job = SystemScope.of('reconciler');
    await repository.byId(job, 'c1');
    await repository.byId(job.inOrg('acme'), 'c1');
    expect(sent.map((s) => s.sql)).toEqual([
      'SELECT 1 FROM data_connections c WHERE TRUE AND c.id = :id',
      'SELECT 1 FROM data_connections c WHERE (c.org_id = :tenant_org) AND c.id = :id',
    ]);
    expect(sent.map((s) => s.params)).toEqual([{ id: 'c1' }, { id: 'c1', tenant_org: 'acme' }]);
    expect(job.inOrg('acme').job).toBe('reconciler');
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
