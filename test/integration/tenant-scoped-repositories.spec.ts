import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { SystemScope, type TenantScope } from '@app/core';
import { type Database, ScopedRepository, ScopedTransaction } from '@app/database';
import { ConnectionsRepository } from '../../apps/assets/src/connections/persistence/connections.repository.js';
import { ConnectionOperationsRepository } from '../../apps/assets/src/connections/persistence/connection-operations.repository.js';
import { SecretSweepRepository } from '../../apps/assets/src/connections/persistence/secret-sweep.repository.js';
import { DATA_CONNECTIONS } from '../../apps/assets/src/connections/persistence/connection.tables.js';
import { DataConnectionEntity } from '../../apps/assets/src/connections/persistence/data-connection.entity.js';
import { newConnectionRow } from '../support/connection-rows.js';
import { FilesRepository } from '../../apps/assets/src/storage/persistence/files.repository.js';
import { openAppTestDatabase } from '../support/app-test-database.js';

const ACME_ANALYTICS: TenantScope = { orgId: 'acme', projectId: 'analytics' };
const ACME_BILLING: TenantScope = { orgId: 'acme', projectId: 'billing' };
const ACME_ORG_LEVEL: TenantScope = { orgId: 'acme', projectId: null };
/** Same project name in another org. */
const GLOBEX_ANALYTICS: TenantScope = { orgId: 'globex', projectId: 'analytics' };
const OTHER_TENANTS: Array<[string, TenantScope]> = [
  ['another org (same project name)', GLOBEX_ANALYTICS],
  ['another project of the same org', ACME_BILLING],
  ['the org level of the same org', ACME_ORG_LEVEL],
];

const newRow = (scope: TenantScope, slug: string) => newConnectionRow(scope, slug);

/** A repository that tries to run a statement without the tenant filter, and one with a top-level OR. */
class LeakyRepository extends ScopedRepository {
  constructor(database: Database) {
    super(database.dataSource);
  }

  unfiltered(scope: TenantScope): Promise<unknown[]> {
    return this.sql(scope, () => 'SELECT id FROM data_connections');
  }

  async orAtTopLevel(scope: TenantScope): Promise<unknown[]> {
    return this.selectFrom(scope, DATA_CONNECTIONS, 'c', (q) =>
      q.where(`c.lifecycle = 'active'`).orWhere(`c.lifecycle = 'deleting'`),
    ).getMany();
  }
}

/** insertInto as the repositories call it, for comparing its rows with TypeORM's own insert. */
class InsertProbe extends ScopedRepository {
  constructor(database: Database) {
    super(database.dataSource);
  }

  insert(scope: TenantScope, rows: DataConnectionEntity[], tx?: ScopedTransaction): Promise<void> {
    return this.insertInto(scope, DATA_CONNECTIONS, rows, tx);
  }
}

/**
 * The repositories add the tenant filter themselves: a call with another tenant's scope finds
 * nothing and changes nothing, and only a named SystemScope reaches across tenants.
 */
describe('Tenant-scoped repositories (PostgreSQL)', () => {
  let db: Database;
  let connections: ConnectionsRepository;
  let operations: ConnectionOperationsRepository;

  const rowOf = async (id: string) =>
    (
      (await db.dataSource.query(
        `SELECT lifecycle, status, last_verified_at, revision FROM data_connections WHERE id = $1`,
        [id],
      )) as Array<Record<string, unknown>>
    )[0];
  const operationOf = async (id: string) =>
    (
      (await db.dataSource.query(
        `SELECT status, lease_until, last_error FROM connection_operations WHERE id = $1`,
        [id],
      )) as Array<Record<string, unknown>>
    )[0];

  /** A connection that is still provisioning, with its pending create operation. */
  const provisioning = async (scope: TenantScope, slug: string) => {
    const row = newRow(scope, slug);
    const op = await connections.insertProvisioning(scope, row, 'alice');
    return { row, op };
  };
  const active = async (scope: TenantScope, slug: string) => {
    const { row, op } = await provisioning(scope, slug);
    await connections.activate(scope, row.id, op.id);
    return (await connections.findActive(scope, row.resourceUri))!;
  };

  beforeAll(async () => {
    db = await openAppTestDatabase('assets', 'tenancy');
    connections = new ConnectionsRepository(db.dataSource);
    operations = new ConnectionOperationsRepository(db.dataSource);
  });

  afterAll(async () => {
    await db?.close();
  });

  describe(ConnectionsRepository.name, () => {
    it('should find a connection in its own scope and not in any other', async () => {
      const row = await active(ACME_ANALYTICS, 'finds-own');
      expect(row).toMatchObject({ orgId: 'acme', projectId: 'analytics', lifecycle: 'active' });
      for (const [, scope] of OTHER_TENANTS)
        expect(await connections.findActive(scope, row.resourceUri)).toBeNull();
      for (const [, scope] of OTHER_TENANTS)
        expect(await connections.findAnyLifecycle(scope, row.id)).toBeNull();
    });

    it('should show an org-level connection in every project of its org, and nowhere else', async () => {
      const row = await active(ACME_ORG_LEVEL, 'org-wide');
      expect(await connections.findActive(ACME_ANALYTICS, row.resourceUri)).toMatchObject({ id: row.id });
      expect(await connections.findActive(ACME_BILLING, row.resourceUri)).toMatchObject({ id: row.id });
      expect(await connections.findActive(GLOBEX_ANALYTICS, row.resourceUri)).toBeNull();
      expect(await connections.findActive({ orgId: 'globex', projectId: null }, row.resourceUri)).toBeNull();
    });

    it("should list only the scope's connections", async () => {
      const initech = { orgId: 'initech', projectId: 'analytics' };
      const listed = await active(initech, 'initech-listed');
      await active(ACME_ANALYTICS, 'acme-not-listed');
      const all = { project: true, orgLevel: true, orgLevelCreatedBy: 'alice' };
      const [rows, total] = await connections.list(initech, all, { page: 1, limit: 100 });
      expect(rows.map((r) => r.id)).toEqual([listed.id]);
      expect(total).toBe(1);
      const [inBilling] = await connections.list(ACME_BILLING, all, { page: 1, limit: 100 });
      expect(
        inBilling.every((r) => r.orgId === 'acme' && (r.projectId === 'billing' || r.projectId === null)),
      ).toBe(true);
    });

    it.each(OTHER_TENANTS)('should not record a verification through %s', async (_who, other) => {
      const row = await active(ACME_ANALYTICS, `verify-${other.orgId}-${other.projectId ?? 'org'}`);
      await connections.recordVerification(other, row.id, 'ERROR', {
        success: false,
        message: 'no',
        latency_ms: 1,
      });
      expect(await rowOf(row.id)).toMatchObject({ status: 'PENDING', last_verified_at: null });
      await connections.recordVerification(ACME_ANALYTICS, row.id, 'ACTIVE', {
        success: true,
        message: 'ok',
        latency_ms: 1,
      });
      expect(await rowOf(row.id)).toMatchObject({ status: 'ACTIVE', last_verified_at: expect.any(Date) });
    });

    it.each(OTHER_TENANTS)('should not activate a connection through %s', async (_who, other) => {
      const { row, op } = await provisioning(
        ACME_ANALYTICS,
        `activate-${other.orgId}-${other.projectId ?? 'org'}`,
      );
      await connections.activate(other, row.id, op.id);
      expect(await rowOf(row.id)).toMatchObject({ lifecycle: 'provisioning' });
      expect(await operationOf(op.id)).toMatchObject({ status: 'pending' });
    });

    it.each(OTHER_TENANTS)(
      'should not delete a row or close its operation through %s',
      async (_who, other) => {
        const { row, op } = await provisioning(
          ACME_ANALYTICS,
          `delete-${other.orgId}-${other.projectId ?? 'org'}`,
        );
        await connections.deleteRowAndFinish(other, row.id, op.id, 'rolled_back');
        expect(await rowOf(row.id)).toMatchObject({ lifecycle: 'provisioning' });
        expect(await operationOf(op.id)).toMatchObject({ status: 'pending' });
        await connections.deleteRowAndFinish(ACME_ANALYTICS, row.id, op.id, 'rolled_back');
        expect(await rowOf(row.id)).toBeUndefined();
        expect(await operationOf(op.id)).toMatchObject({ status: 'rolled_back' });
      },
    );

    it.each(OTHER_TENANTS)(
      'should answer 404 to a write through %s and change nothing',
      async (_who, other) => {
        const row = await active(ACME_ANALYTICS, `write-${other.orgId}-${other.projectId ?? 'org'}`);
        const notFound = expect.objectContaining({ status: 404 });
        await expect(connections.assertCurrent(other, row)).rejects.toEqual(notFound);
        await expect(connections.update(other, row, { description: 'hijacked' })).rejects.toEqual(notFound);
        await expect(connections.beginCredentialsUpdate(other, row, 'mallory')).rejects.toEqual(notFound);
        await expect(connections.beginDelete(other, row, 'mallory')).rejects.toEqual(notFound);
        expect(await rowOf(row.id)).toMatchObject({ lifecycle: 'active', revision: row.revision });
        expect(await operations.versionsToPurge(ACME_ANALYTICS, row.id)).toEqual([]);
      },
    );

    it('should refuse to insert a row outside the scope it is given', async () => {
      const row = newRow(ACME_ANALYTICS, 'inserted-elsewhere');
      await expect(connections.insertProvisioning(GLOBEX_ANALYTICS, row, 'mallory')).rejects.toThrow(
        'outside its tenant scope',
      );
      await expect(connections.insertProvisioning(ACME_BILLING, row, 'mallory')).rejects.toThrow(
        'outside its tenant scope',
      );
      expect(await rowOf(row.id)).toBeUndefined();
      const versions = (await db.dataSource.query(
        `SELECT 1 FROM connection_secret_versions WHERE resource_uri = $1`,
        [row.resourceUri],
      )) as unknown[];
      expect(versions).toEqual([]);
    });

    it("should insert rows exactly as TypeORM's own insert does, on the pool and in a transaction", async () => {
      const probe = new InsertProbe(db);
      const entity = (slug: string): DataConnectionEntity => {
        const now = new Date('2026-12-04T05:00:00.123Z');
        const row = {
          ...newRow(ACME_ANALYTICS, slug),
          description: 'it\'s "quoted" and $1',
          tags: ['a', 'b,c', ''],
          config: { host: 'db.example.com', nested: { list: [1, null, 'x'] } },
          selectedTables: ['public.orders'],
          lastVerification: null,
          credentialsVersion: 1,
          previousCredentialsVersion: null,
          previousVersionExpiresAt: null,
          rotatedAt: now,
          revision: 1,
          lifecycle: 'provisioning',
          createdAt: now,
          updatedAt: now,
        };
        // Left out: the column's DEFAULT applies, as with TypeORM.
        return row as unknown as DataConnectionEntity;
      };
      const [viaPool, viaTx, viaTypeorm] = [entity('via-pool'), entity('via-tx'), entity('via-typeorm')];
      await probe.insert(ACME_ANALYTICS, [viaPool]);
      await db.dataSource.transaction((manager) =>
        probe.insert(ACME_ANALYTICS, [viaTx], ScopedTransaction.of(manager)),
      );
      await db.dataSource.getRepository(DataConnectionEntity).insert(viaTypeorm as never);
      const stored = (await db.dataSource.query(
        `SELECT name, to_jsonb(c) - 'id' - 'resource_uri' - 'name' AS row FROM data_connections c
          WHERE id = ANY($1) ORDER BY name`,
        [[viaPool.id, viaTx.id, viaTypeorm.id]],
      )) as Array<{ name: string; row: Record<string, unknown> }>;
      expect(stored.map((r) => r.name)).toEqual(['via-pool', 'via-tx', 'via-typeorm']);
      expect(stored[0].row).toEqual(stored[2].row);
      expect(stored[1].row).toEqual(stored[2].row);
      expect(stored[2].row).toMatchObject({
        tags: ['a', 'b,c', ''],
        health: 'unknown',
        consecutive_failures: 0,
      });
    });

    it('should refuse a statement that never asks for the tenant filter, and a top-level OR', async () => {
      const leaky = new LeakyRepository(db);
      await expect(leaky.unfiltered(ACME_ANALYTICS)).rejects.toThrow('must filter on its tenant');
      await expect(leaky.orAtTopLevel(ACME_ANALYTICS)).rejects.toThrow('top-level OR');
    });
  });

  describe(ConnectionOperationsRepository.name, () => {
    it.each(OTHER_TENANTS)("should not touch another tenant's operation through %s", async (_who, other) => {
      const { row, op } = await provisioning(
        ACME_ANALYTICS,
        `ops-${other.orgId}-${other.projectId ?? 'org'}`,
      );
      await operations.fail(other, op.id, 'retry after Error');
      await operations.finish(other, op.id, 'completed');
      await operations.finishIfPending(other, op.id, 'rolled_back');
      await operations.release(other, op.id);
      expect(await operationOf(op.id)).toMatchObject({ status: 'pending', last_error: null });
      expect(await operations.versionsToPurge(other, row.id)).toEqual([]);
      expect(await operations.versionsToPurge(ACME_ANALYTICS, row.id)).toEqual([1]);
    });

    it("should claim every tenant's expired operations only under the reconciler's SystemScope", async () => {
      const acme = await provisioning(ACME_ANALYTICS, 'claimed-acme');
      const globex = await provisioning(GLOBEX_ANALYTICS, 'claimed-globex');
      await db.dataSource.query(
        `UPDATE connection_operations SET lease_until = now() - interval '1 second' WHERE id = ANY($1::uuid[])`,
        [[acme.op.id, globex.op.id]],
      );
      const claimed = await operations.claimExpired(SystemScope.of('reconciler'), 100, 60_000);
      expect(claimed.map((op) => op.id)).toEqual(expect.arrayContaining([acme.op.id, globex.op.id]));
      // Each claimed operation carries its own tenant scope for every later call.
      expect(claimed.find((op) => op.id === globex.op.id)).toMatchObject({
        orgId: 'globex',
        projectId: 'analytics',
      });
    });

    it('should not compile a cross-tenant claim without a SystemScope', () => {
      const claimWithTenantScope = () =>
        // @ts-expect-error a tenant's scope is not a system job's: reaching across tenants needs SystemScope.of(job)
        operations.claimExpired(ACME_ANALYTICS, 100, 60_000);
      expect(typeof claimWithTenantScope).toBe('function');
    });
  });

  describe(SecretSweepRepository.name, () => {
    it('should read one org only once the sweep scope is narrowed to it', async () => {
      const sweep = new SecretSweepRepository(db.dataSource);
      const row = await active(ACME_ANALYTICS, 'swept');
      await active(GLOBEX_ANALYTICS, 'swept-too');
      const system = SystemScope.of('secret-sweep');
      expect(await sweep.orgsWithCredentials(system)).toEqual(expect.arrayContaining(['acme', 'globex']));
      expect(
        (await sweep.credentialsState(system.inOrg('acme'), [row.resourceUri])).current.get(row.resourceUri),
      ).toBe(1);
      expect((await sweep.credentialsState(system.inOrg('globex'), [row.resourceUri])).current.size).toBe(0);
      expect(await sweep.knownResourceUris(system.inOrg('globex'))).not.toContain(row.resourceUri);
      await expect(sweep.credentialsState(system, [row.resourceUri])).rejects.toThrow('inOrg');
    });
  });

  describe(FilesRepository.name, () => {
    const reservation = (scope: TenantScope & { projectId: string }, key: string) => ({
      id: randomUUID(),
      orgId: scope.orgId,
      projectId: scope.projectId,
      resourceUri: `file:${scope.orgId}:${scope.projectId}:${key}`,
      name: key,
      key,
      storageKey: `${scope.orgId}/${scope.projectId}/files/${key}`,
      description: null,
      tags: [],
      contentType: 'text/plain',
      size: 0,
      etag: null,
      status: 'uploading' as const,
      connectionUri: null,
      createdBy: 'alice',
    });
    const analytics = { orgId: 'acme', projectId: 'analytics' };

    it.each(OTHER_TENANTS)(
      "should neither see nor change another tenant's file through %s",
      async (_who, other) => {
        const files = new FilesRepository(db.dataSource);
        const file = await files.reserve(
          analytics,
          reservation(analytics, `report-${other.orgId}-${other.projectId ?? 'org'}`),
        );
        const removed = jest.fn(async () => undefined);
        expect(await files.whileReserved(other, file.id, async () => 'published')).toBeNull();
        expect(await files.markReady(other, file.id, { size: 1, etag: 'x' })).toBe(false);
        expect(await files.deleteWith(other, file.id, { readyOnly: false }, removed)).toBe(false);
        expect(removed).not.toHaveBeenCalled();
        expect(await files.markReady(analytics, file.id, { size: 1, etag: 'x' })).toBe(true);
        expect(await files.findByUri(other, file.resourceUri)).toBeNull();
        expect((await files.listReady(other, 0, 100))[0].map((f) => f.id)).not.toContain(file.id);
        expect(await files.findByUri(analytics, file.resourceUri)).toMatchObject({
          id: file.id,
          status: 'ready',
        });
      },
    );

    it('should refuse to reserve a file outside the scope it is given', async () => {
      const files = new FilesRepository(db.dataSource);
      await expect(
        files.reserve({ orgId: 'globex', projectId: 'analytics' }, reservation(analytics, 'smuggled')),
      ).rejects.toThrow('outside its tenant scope');
    });
  });
});
