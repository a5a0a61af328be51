import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { ErrorCode, SystemScope, type TenantScope } from '@app/core';
import type { Database } from '@app/database';
import { appFailureOf } from '@app/testing';
import { ConnectionOperationsRepository } from '../../apps/assets/src/connections/persistence/connection-operations.repository.js';
import {
  type NewConnectionRow,
  ConnectionsRepository,
  type Visibility,
} from '../../apps/assets/src/connections/persistence/connections.repository.js';
import type { DataConnectionEntity } from '../../apps/assets/src/connections/persistence/data-connection.entity.js';
import { openAppTestDatabase } from '../support/app-test-database.js';
import { newConnectionRow } from '../support/connection-rows.js';

const ORG = 'acme';
const PROJECT: TenantScope = { orgId: ORG, projectId: 'analytics' };
const OTHER_PROJECT: TenantScope = { orgId: ORG, projectId: 'billing' };
const ORG_LEVEL: TenantScope = { orgId: ORG, projectId: null };
const OTHER_ORG: TenantScope = { orgId: 'globex', projectId: 'analytics' };
const ALL: Visibility = { project: true, orgLevel: true, orgLevelCreatedBy: null };

/**
 * ConnectionsRepository and ConnectionOperationsRepository against PostgreSQL, with the real
 * migrations: tenant filters, the revision compare-and-set, one pending operation per connection,
 * version numbers that are never reused, and listing with its filters.
 */
describe(ConnectionsRepository.name, () => {
  let db: Database;
  let connections: ConnectionsRepository;
  let operations: ConnectionOperationsRepository;

  beforeAll(async () => {
    db = await openAppTestDatabase('assets', 'connrepo');
    connections = new ConnectionsRepository(db.dataSource);
    operations = new ConnectionOperationsRepository(db.dataSource);
  });

  afterAll(async () => {
    await db?.close();
  });

  /** A row named `name`, under a URI of its own (a slug of the name and a random suffix). */
  const newRow = (scope: TenantScope, name: string, extra: Partial<DataConnectionEntity> = {}) =>
    newConnectionRow(scope, `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${randomUUID().slice(0, 8)}`, {
      name,
      config: { host: 'db.example.com', port: 5432 },
      ...(extra as Partial<NewConnectionRow>),
    });

  /** Inserted and made visible, as a finished create leaves it. */
  const active = async (
    scope: TenantScope,
    name: string,
    extra: Partial<DataConnectionEntity> = {},
  ): Promise<DataConnectionEntity> => {
    const row = newRow(scope, name, extra);
    const op = await connections.insertProvisioning(scope, row, 'alice');
    await connections.activate(scope, row.id, op.id);
    return (await connections.findActive(scope, row.resourceUri))!;
  };

  describe('insertProvisioning and activate', () => {
    it('should keep the row hidden until activated, with version 1 and an open create operation', async () => {
      const row = newRow(PROJECT, 'Hidden');
      const op = await connections.insertProvisioning(PROJECT, row, 'alice');
      expect(op).toMatchObject({
        kind: 'create',
        status: 'pending',
        secretVersion: 1,
        previousSecretVersion: null,
        attempts: 0,
      });
      expect(await connections.findActive(PROJECT, row.resourceUri)).toBeNull();
      expect(await connections.findAnyLifecycle(PROJECT, row.id)).toMatchObject({
        lifecycle: 'provisioning',
        revision: 1,
        credentialsVersion: 1,
      });

      await connections.activate(PROJECT, row.id, op.id);
      expect(await connections.findActive(PROJECT, row.resourceUri)).toMatchObject({
        id: row.id,
        lifecycle: 'active',
        name: 'Hidden',
      });
      expect(await operations.versionsToPurge(PROJECT, row.id)).toEqual([]);
    });

    it('should answer 409 for a second name or URI in the scope, and allow the name in another project', async () => {
      const first = await active(PROJECT, 'Twin');
      expect(
        (await appFailureOf(connections.insertProvisioning(PROJECT, newRow(PROJECT, 'Twin'), 'alice'))).code,
      ).toBe(ErrorCode.RESOURCE_ALREADY_EXISTS);
      expect(
        (
          await appFailureOf(
            connections.insertProvisioning(
              PROJECT,
              { ...newRow(PROJECT, 'Other'), resourceUri: first.resourceUri },
              'alice',
            ),
          )
        ).code,
      ).toBe(ErrorCode.RESOURCE_ALREADY_EXISTS);
      await expect(active(OTHER_PROJECT, 'Twin')).resolves.toMatchObject({ name: 'Twin' });
    });

    it('should refuse a row outside the given scope', async () => {
      await expect(
        connections.insertProvisioning(PROJECT, newRow(OTHER_ORG, 'Elsewhere'), 'alice'),
      ).rejects.toThrow(/outside its tenant scope/);
    });
  });

  describe('tenant scope', () => {
    it('should show a project its connections and the org-level ones, and an org-level scope only those', async () => {
      const inProject = await active(PROJECT, 'Scoped');
      const orgLevel = await active(ORG_LEVEL, 'Shared');

      expect(await connections.findActive(PROJECT, inProject.resourceUri)).not.toBeNull();
      expect(await connections.findActive(PROJECT, orgLevel.resourceUri)).not.toBeNull();
      expect(await connections.findActive(ORG_LEVEL, orgLevel.resourceUri)).not.toBeNull();
      expect(await connections.findActive(ORG_LEVEL, inProject.resourceUri)).toBeNull();
      expect(await connections.findActive(OTHER_PROJECT, inProject.resourceUri)).toBeNull();
      expect(await connections.findActive(OTHER_ORG, inProject.resourceUri)).toBeNull();
      expect(await connections.findAnyLifecycle(OTHER_ORG, inProject.id)).toBeNull();
    });

    it('should answer concurrent lookups each in its own scope, and each with its own object', async () => {
      const inProject = await active(PROJECT, 'Together A');
      const second = await active(PROJECT, 'Together B');
      const orgLevel = await active(ORG_LEVEL, 'Together Shared');
      const lookups: Array<[typeof PROJECT, string]> = [
        [PROJECT, inProject.resourceUri],
        [PROJECT, second.resourceUri],
        [PROJECT, inProject.resourceUri],
        [PROJECT, orgLevel.resourceUri],
        [PROJECT, `${inProject.resourceUri}-missing`],
        [ORG_LEVEL, inProject.resourceUri],
        [OTHER_PROJECT, second.resourceUri],
        [OTHER_ORG, inProject.resourceUri],
      ];
      const statements = jest.spyOn(connections as unknown as { run: () => unknown }, 'run');
      const found = await Promise.all(lookups.map(([scope, uri]) => connections.findActive(scope, uri)));
      // One statement per tenant scope: the five lookups in PROJECT went together.
      expect(statements).toHaveBeenCalledTimes(4);
      statements.mockRestore();
      expect(found.map((row) => row?.id ?? null)).toEqual([
        inProject.id,
        second.id,
        inProject.id,
        orgLevel.id,
        null,
        null,
        null,
        null,
      ]);
      // Two lookups of one URI get two objects: a caller changing its row never changes another's.
      expect(found[0]).not.toBe(found[2]);
    });

    it('should fail only the lookup PostgreSQL refuses when lookups go together', async () => {
      const row = await active(PROJECT, 'Beside A Refused One');
      const [refused, found] = await Promise.allSettled([
        connections.findActive(PROJECT, 'data:acme:analytics:nul\u0000byte'),
        connections.findActive(PROJECT, row.resourceUri),
      ]);
      expect(refused.status).toBe('rejected');
      expect(found).toMatchObject({ status: 'fulfilled', value: { id: row.id } });
    });

    it('should change nothing through another tenant scope', async () => {
      const row = await active(PROJECT, 'Guarded');
      expect((await appFailureOf(connections.update(OTHER_ORG, row, { name: 'Taken over' }))).code).toBe(
        ErrorCode.RESOURCE_NOT_FOUND,
      );
      expect((await appFailureOf(connections.assertCurrent(OTHER_ORG, row))).code).toBe(
        ErrorCode.RESOURCE_NOT_FOUND,
      );
      await connections.recordVerification(OTHER_ORG, row.id, 'ERROR', {
        success: false,
        message: 'x',
        latency_ms: 1,
      });
      expect(await connections.findActive(PROJECT, row.resourceUri)).toMatchObject({
        name: 'Guarded',
        revision: row.revision,
        lastVerification: null,
      });
    });

    it('should find an active connection by name, the project first and case-insensitively', async () => {
      const shared = await active(ORG_LEVEL, 'Lookup Target');
      expect(await connections.findActiveUriByName(PROJECT, 'lookup target')).toBe(shared.resourceUri);
      const own = await active(PROJECT, 'Lookup Target');
      expect(await connections.findActiveUriByName(PROJECT, 'LOOKUP TARGET')).toBe(own.resourceUri);
      expect(await connections.findActiveUriByName(OTHER_ORG, 'Lookup Target')).toBeNull();
    });
  });

  describe('update', () => {
    it('should compare and set the revision: the first writer wins, a stale one gets 409', async () => {
      const row = await active(PROJECT, 'Revisioned');
      const committed = await connections.update(PROJECT, row, { description: 'first', tags: ['a', 'b'] });
      expect(committed).toMatchObject({ description: 'first', tags: ['a', 'b'], revision: row.revision + 1 });
      expect((await appFailureOf(connections.update(PROJECT, row, { description: 'second' }))).code).toBe(
        ErrorCode.CONFLICT,
      );
      expect((await appFailureOf(connections.assertCurrent(PROJECT, row))).code).toBe(ErrorCode.CONFLICT);
      await expect(connections.assertCurrent(PROJECT, committed)).resolves.toBeUndefined();
    });

    it('should answer 409 on a rename onto a name taken in the scope', async () => {
      await active(PROJECT, 'Taken Name');
      const row = await active(PROJECT, 'Free Name');
      const error = await appFailureOf(connections.update(PROJECT, row, { name: 'Taken Name' }));
      expect(error.code).toBe(ErrorCode.RESOURCE_ALREADY_EXISTS);
    });

    it('should answer 409 while an operation is pending, and 404 once the row is gone', async () => {
      const row = await active(PROJECT, 'Busy');
      const { revision } = await connections.beginCredentialsUpdate(PROJECT, row, 'alice');
      expect(
        (await appFailureOf(connections.update(PROJECT, { id: row.id, revision }, { description: 'x' })))
          .code,
      ).toBe(ErrorCode.CONFLICT);
      expect((await appFailureOf(connections.assertCurrent(PROJECT, { id: row.id, revision }))).code).toBe(
        ErrorCode.CONFLICT,
      );

      const gone = await active(PROJECT, 'Gone');
      const op = await connections.beginDelete(PROJECT, gone, 'alice');
      await connections.deleteRowAndFinish(PROJECT, gone.id, op.id, 'completed');
      expect((await appFailureOf(connections.update(PROJECT, gone, { description: 'x' }))).code).toBe(
        ErrorCode.RESOURCE_NOT_FOUND,
      );
    });

    it('should record a verification without re-enabling a disabled connection', async () => {
      const row = await active(PROJECT, 'Disabled', { status: 'DISABLED' });
      await connections.recordVerification(PROJECT, row.id, 'ACTIVE', {
        success: true,
        message: 'ok',
        latency_ms: 12,
      });
      expect(await connections.findActive(PROJECT, row.resourceUri)).toMatchObject({
        status: 'DISABLED',
        lastVerification: { success: true, message: 'ok', latency_ms: 12 },
      });
      const other = await active(PROJECT, 'Enabled');
      await connections.recordVerification(PROJECT, other.id, 'ERROR', {
        success: false,
        message: 'refused',
        latency_ms: 3,
      });
      expect(await connections.findActive(PROJECT, other.resourceUri)).toMatchObject({ status: 'ERROR' });
    });
  });

  describe('credential changes', () => {
    it('should claim the row, allocate a fresh version, and switch to it on commit', async () => {
      const row = await active(PROJECT, 'Rotated');
      const { operation, revision } = await connections.beginCredentialsUpdate(PROJECT, row, 'alice');
      expect(operation).toMatchObject({
        kind: 'update_credentials',
        secretVersion: 2,
        previousSecretVersion: 1,
        status: 'pending',
      });
      expect(revision).toBe(row.revision + 1);
      expect(await operations.versionsToPurge(PROJECT, row.id)).toEqual([1, 2]);

      const committed = await connections.commitCredentialsUpdate(
        PROJECT,
        { id: row.id, revision, operationId: operation.id },
        { credentialsVersion: 2, description: 'rotated' },
      );
      expect(committed).toMatchObject({
        credentialsVersion: 2,
        description: 'rotated',
        revision: revision + 1,
      });
      await operations.finishIfPending(PROJECT, operation.id, 'completed');
      expect(await operations.versionsToPurge(PROJECT, row.id)).toEqual([]);
    });

    it('should let only one change claim the connection at a time', async () => {
      const row = await active(PROJECT, 'Contended');
      await connections.beginCredentialsUpdate(PROJECT, row, 'alice');
      expect((await appFailureOf(connections.beginCredentialsUpdate(PROJECT, row, 'bob'))).code).toBe(
        ErrorCode.CONFLICT,
      );
      expect((await appFailureOf(connections.beginDelete(PROJECT, row, 'bob'))).code).toBe(
        ErrorCode.CONFLICT,
      );
    });

    it('should not commit an operation the reconciler took over', async () => {
      const row = await active(PROJECT, 'Taken Over');
      const { operation, revision } = await connections.beginCredentialsUpdate(PROJECT, row, 'alice');
      await operations.release(PROJECT, operation.id);
      const claimed = await operations.claimExpired(SystemScope.of('reconciler'), 100, 60_000);
      expect(claimed.map((op) => op.id)).toContain(operation.id);

      const error = await appFailureOf(
        connections.commitCredentialsUpdate(
          PROJECT,
          { id: row.id, revision, operationId: operation.id },
          { credentialsVersion: operation.secretVersion },
        ),
      );
      expect(error.code).toBe(ErrorCode.CONFLICT);
      expect((await connections.findActive(PROJECT, row.resourceUri))?.credentialsVersion).toBe(1);
      await operations.finish(PROJECT, operation.id, 'rolled_back');
    });

    it('should never reuse a version number for a URI, even after a delete and a re-create', async () => {
      const row = await active(PROJECT, 'Reborn');
      const { operation } = await connections.beginCredentialsUpdate(PROJECT, row, 'alice');
      await operations.finish(PROJECT, operation.id, 'rolled_back');
      const current = (await connections.findActive(PROJECT, row.resourceUri))!;
      const del = await connections.beginDelete(PROJECT, current, 'alice');
      await connections.deleteRowAndFinish(PROJECT, row.id, del.id, 'completed');

      const again = await connections.insertProvisioning(
        PROJECT,
        { ...newRow(PROJECT, 'Reborn'), resourceUri: row.resourceUri },
        'alice',
      );
      expect(again.secretVersion).toBe(3);
    });
  });

  describe('delete', () => {
    it('should hide the row at once and list every version that may be left', async () => {
      const row = await active(PROJECT, 'Doomed');
      const op = await connections.beginDelete(PROJECT, row, 'alice');
      expect(op).toMatchObject({ kind: 'delete', secretVersion: 1, status: 'pending' });
      expect(await connections.findActive(PROJECT, row.resourceUri)).toBeNull();
      expect(await connections.findAnyLifecycle(PROJECT, row.id)).toMatchObject({ lifecycle: 'deleting' });
      expect(await operations.versionsToPurge(PROJECT, row.id)).toEqual([1]);

      await connections.deleteRowAndFinish(PROJECT, row.id, op.id, 'completed');
      expect(await connections.findAnyLifecycle(PROJECT, row.id)).toBeNull();
    });

    it('should answer 409 to a delete from a stale read', async () => {
      const row = await active(PROJECT, 'Stale Delete');
      await connections.update(PROJECT, row, { description: 'moved on' });
      expect((await appFailureOf(connections.beginDelete(PROJECT, row, 'alice'))).code).toBe(
        ErrorCode.CONFLICT,
      );
    });
  });

  describe('list', () => {
    const LISTING: TenantScope = { orgId: 'listing', projectId: 'p1' };
    const page = (
      visibility: Visibility,
      filters: Partial<Parameters<ConnectionsRepository['list']>[2]> = {},
      scope = LISTING,
    ) => connections.list(scope, visibility, { page: 1, limit: 50, ...filters });
    const names = async (
      visibility: Visibility,
      filters: Partial<Parameters<ConnectionsRepository['list']>[2]> = {},
      scope = LISTING,
    ) => (await page(visibility, filters, scope))[0].map((r) => r.name);

    beforeAll(async () => {
      await active(LISTING, 'Alpha 100%', {
        tags: ['prod', 'eu'],
        connectionType: 'postgres',
        status: 'ACTIVE',
        description: 'main_db',
      });
      await active(LISTING, 'beta', { tags: ['prod'], connectionType: 'mysql', createdBy: 'bob' });
      await active({ orgId: 'listing', projectId: null }, 'Gamma shared', { createdBy: 'carol' });
      await active({ orgId: 'listing', projectId: 'p2' }, 'Delta elsewhere');
      const hidden = newRow(LISTING, 'Epsilon hidden');
      await connections.insertProvisioning(LISTING, hidden, 'alice');
    });

    it('should list what visibility allows, never other projects or hidden rows', async () => {
      expect(await names(ALL, { sort: 'name:asc' })).toEqual(['Alpha 100%', 'beta', 'Gamma shared']);
      expect(
        await names({ project: true, orgLevel: false, orgLevelCreatedBy: null }, { sort: 'name:asc' }),
      ).toEqual(['Alpha 100%', 'beta']);
      expect(await names({ project: false, orgLevel: false, orgLevelCreatedBy: 'carol' })).toEqual([
        'Gamma shared',
      ]);
      expect(await page({ project: false, orgLevel: false, orgLevelCreatedBy: null })).toEqual([[], 0]);
      expect(await names(ALL, {}, { orgId: 'listing', projectId: null })).toEqual(['Gamma shared']);
    });

    it('should filter by search (literally), type, status, tags (all of them) and creator', async () => {
      expect(await names(ALL, { search: '100%' })).toEqual(['Alpha 100%']);
      expect(await names(ALL, { search: '%' })).toEqual(['Alpha 100%']);
      expect(await names(ALL, { search: 'MAIN_DB' })).toEqual(['Alpha 100%']);
      expect(await names(ALL, { search: 'n_d' })).toEqual(['Alpha 100%']);
      expect(await names(ALL, { connectionType: 'mysql' })).toEqual(['beta']);
      expect(await names(ALL, { status: 'ACTIVE' })).toEqual(['Alpha 100%']);
      expect(await names(ALL, { tags: ['prod'], sort: 'name:asc' })).toEqual(['Alpha 100%', 'beta']);
      expect(await names(ALL, { tags: ['prod', 'eu'] })).toEqual(['Alpha 100%']);
      expect(await names(ALL, { createdBy: 'bob' })).toEqual(['beta']);
    });

    it('should sort by allow-listed fields and page with a total', async () => {
      expect(await names(ALL, { sort: 'name:desc' })).toEqual(['Gamma shared', 'beta', 'Alpha 100%']);
      const [rows, total] = await page(ALL, { sort: 'name:asc', page: 2, limit: 2 });
      expect(rows.map((r) => r.name)).toEqual(['Gamma shared']);
      expect(total).toBe(3);
      expect((await appFailureOf(page(ALL, { sort: 'password:asc' }))).code).toBe(ErrorCode.INVALID_REQUEST);
    });
  });
});
