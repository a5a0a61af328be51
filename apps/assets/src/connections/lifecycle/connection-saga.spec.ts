import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import {
  AppException,
  DependencyUnavailableError,
  ErrorCode,
  type Principal,
  RequestContext,
} from '@app/core';
import { AuditSink, type AuditEventInput } from '@app/audit';
import { loadProductModelDsl } from '@app/authz';
import { EmbeddedAuthzClient, InMemoryTupleStore } from '@app/authz/embedded';
import {
  InMemoryConnectionOperationsRepository,
  InMemoryConnectionsRepository,
  InMemoryConnectionTables,
  InMemoryCredentialsStore,
} from '../../../../../test/support/in-memory-connections.js';
import { newConnectionRow } from '../../../../../test/support/connection-rows.js';
import { AuditRecorder, GovernanceUnavailableError, type AuditDraft } from '../../governance/index.js';
import type { ConnectionOperationsRepository } from '../persistence/connection-operations.repository.js';
import type { ConnectionsRepository } from '../persistence/connections.repository.js';
import type { GovernanceCredentialsStore } from '../../governance/index.js';
import { ConnectionSaga, WRITE_SETTLE_MS } from './connection-saga.js';
import type { ConnectionEvent, ConnectionEvents } from '../../notifications/index.js';

const T0 = new Date('2025-03-01T12:00:00Z');
const ALICE: Principal = { userId: 'alice', orgId: 'acme', actorType: 'user', issuer: 'test', token: 't' };
const URI = 'data:acme:analytics:orders';
const OBJECT = 'data_connection:acme/analytics/orders';
const SECRET = { auth_type: 'basic', credentials: { username: 'reader', password: 'pw-1' } };

class RecordingAuditSink extends AuditSink {
  readonly events: AuditEventInput[] = [];
  failing = false;

  async record(event: AuditEventInput): Promise<void> {
    if (this.failing) throw new Error('audit log offline');
    this.events.push(event);
  }
}

const newRow = () =>
  newConnectionRow({ orgId: 'acme', projectId: 'analytics' }, 'orders', {
    id: '00000000-0000-4000-8000-0000000000aa',
    name: 'Orders',
    config: {
      auth_type: 'basic',
      host: 'db.example.com',
      port: 5432,
      database: 'orders',
      ssl_mode: 'prefer',
    },
  });

const draft = (action: string): AuditDraft => ({
  project_id: 'analytics',
  action,
  resource_type: 'data_connection',
  resource_id: URI,
});

/** A timeout or dropped connection: the write may have landed. */
const inDoubt = () => new Error('socket hang up');

describe(ConnectionSaga.name, () => {
  let tables: InMemoryConnectionTables;
  let operations: InMemoryConnectionOperationsRepository;
  let tuples: InMemoryTupleStore;
  let authz: EmbeddedAuthzClient;
  let credentials: InMemoryCredentialsStore;
  let audit: RecordingAuditSink;
  let saga: ConnectionSaga;
  let published: ConnectionEvent[];

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(() => {
    jest.useFakeTimers({ now: T0 });
    tables = new InMemoryConnectionTables();
    operations = new InMemoryConnectionOperationsRepository(tables);
    tuples = new InMemoryTupleStore();
    authz = EmbeddedAuthzClient.fromDsl(loadProductModelDsl(), tuples);
    credentials = new InMemoryCredentialsStore();
    audit = new RecordingAuditSink();
    published = [];
    const events = {
      publish: async (event: ConnectionEvent) => {
        published.push(event);
        return event.id ?? 'event-id';
      },
    } as unknown as ConnectionEvents;
    saga = new ConnectionSaga(
      new InMemoryConnectionsRepository(tables) as unknown as ConnectionsRepository,
      operations as unknown as ConnectionOperationsRepository,
      authz,
      credentials as unknown as GovernanceCredentialsStore,
      new AuditRecorder(audit, new RequestContext()),
      events,
    );
  });

  afterEach(() => jest.useRealTimers());

  const created = async () => {
    await saga.create(ALICE, newRow(), SECRET, draft('data_connection.create'));
    audit.events.length = 0;
    return tables.row(newRow().id)!;
  };

  describe('create', () => {
    it('should make the connection visible only with its tuples, its secret and its audit event', async () => {
      await saga.create(ALICE, newRow(), SECRET, draft('data_connection.create'));

      expect(tables.row(newRow().id)).toMatchObject({
        lifecycle: 'active',
        credentialsVersion: 1,
        revision: 1,
      });
      expect(tables.operationsOf(newRow().id)).toMatchObject([
        { kind: 'create', status: 'completed', secretVersion: 1 },
      ]);
      expect(credentials.secrets.get(`${URI}#1`)).toEqual(SECRET);
      expect(await authz.readTuples({ object: OBJECT })).toEqual(
        expect.arrayContaining([
          { object: OBJECT, relation: 'owner', user: 'user:alice' },
          { object: OBJECT, relation: 'project', user: 'project:acme/analytics' },
        ]),
      );
      expect(audit.events).toEqual([
        {
          ...draft('data_connection.create'),
          org_id: 'acme',
          actor_id: 'alice',
          actor_type: 'user',
          source_service: 'assets',
        },
      ]);
    });

    it('should undo the secret, the tuples and the row when the audit event cannot be written', async () => {
      audit.failing = true;
      const error = await saga
        .create(ALICE, newRow(), SECRET, draft('data_connection.create'))
        .catch((e: unknown) => e);

      expect(error).toBeInstanceOf(DependencyUnavailableError);
      expect((error as AppException).details).toMatchObject({ dependency: 'audit log' });
      expect(tables.row(newRow().id)).toBeUndefined();
      expect(tables.operationsOf(newRow().id)).toMatchObject([{ status: 'rolled_back' }]);
      expect(credentials.versionsOf(URI)).toEqual([]);
      expect(await authz.readTuples({ object: OBJECT })).toEqual([]);
    });

    it('should keep the row hidden and the operation pending past the settle window when the secret write is in doubt', async () => {
      credentials.failNext('put', inDoubt(), { applied: true });
      await expect(
        saga.create(ALICE, newRow(), SECRET, draft('data_connection.create')),
      ).rejects.toBeInstanceOf(DependencyUnavailableError);

      expect(tables.row(newRow().id)).toMatchObject({ lifecycle: 'provisioning' });
      const [op] = tables.operationsOf(newRow().id);
      expect(op).toMatchObject({ status: 'pending', leaseUntil: new Date(T0.getTime() + WRITE_SETTLE_MS) });
      // Purged once now; the reconciler purges again after the window.
      expect(credentials.versionsOf(URI)).toEqual([]);
      expect(await authz.readTuples({ object: OBJECT })).toEqual([]);
      expect(audit.events).toEqual([]);
    });

    it('should undo at once, and pass the refusal through, when Governance refuses the write', async () => {
      credentials.failNext('put', AppException.forbidden('Missing permission can_manage_secrets'));
      await expect(
        saga.create(ALICE, newRow(), SECRET, draft('data_connection.create')),
      ).rejects.toMatchObject({ code: ErrorCode.INSUFFICIENT_PERMISSIONS });

      expect(tables.row(newRow().id)).toBeUndefined();
      expect(tables.operationsOf(newRow().id)).toMatchObject([{ status: 'rolled_back' }]);
    });

    it('should treat AUDIT_UNAVAILABLE from Governance as not written', async () => {
      credentials.failNext('put', new GovernanceUnavailableError('AUDIT_UNAVAILABLE'));
      await expect(
        saga.create(ALICE, newRow(), SECRET, draft('data_connection.create')),
      ).rejects.toBeInstanceOf(GovernanceUnavailableError);
      expect(tables.operationsOf(newRow().id)).toMatchObject([{ status: 'rolled_back' }]);
    });

    it('should leave a failed cleanup to the reconciler, which finishes it', async () => {
      audit.failing = true;
      credentials.failNext('purge', inDoubt());
      await expect(
        saga.create(ALICE, newRow(), SECRET, draft('data_connection.create')),
      ).rejects.toBeInstanceOf(DependencyUnavailableError);
      const [op] = tables.operationsOf(newRow().id);
      expect(op).toMatchObject({ status: 'pending', leaseUntil: T0 });
      expect(credentials.versionsOf(URI)).toEqual([1]);

      await expect(saga.reconcile(operations.claimed(op!.id))).resolves.toBe('rolled_back');
      expect(tables.row(newRow().id)).toBeUndefined();
      expect(credentials.versionsOf(URI)).toEqual([]);
      expect(credentials.calls.at(-1)).toMatchObject({ method: 'purge', caller: null });
    });
  });

  describe('replaceCredentials', () => {
    const NEW_SECRET = { auth_type: 'basic', credentials: { username: 'reader', password: 'pw-2' } };

    it('should store a new version, switch the row to it with the changes, and remove the old one', async () => {
      const row = await created();
      const committed = await saga.replaceCredentials(
        ALICE,
        row,
        NEW_SECRET,
        { name: 'Orders v2' },
        draft('data_connection.update'),
      );

      expect(committed).toMatchObject({ name: 'Orders v2', credentialsVersion: 2, revision: 3 });
      expect(credentials.versionsOf(URI)).toEqual([2]);
      expect(credentials.secrets.get(`${URI}#2`)).toEqual(NEW_SECRET);
      expect(tables.operationsOf(row.id).at(-1)).toMatchObject({
        kind: 'update_credentials',
        status: 'completed',
        secretVersion: 2,
        previousSecretVersion: 1,
      });
      expect(audit.events.map((e) => e.action)).toEqual(['data_connection.update']);
    });

    it('should answer 409 and store nothing when the row changed since it was read', async () => {
      const row = await created();
      await saga.replaceCredentials(ALICE, row, NEW_SECRET, {}, draft('data_connection.update'));
      const calls = credentials.calls.length;

      await expect(
        saga.replaceCredentials(ALICE, row, SECRET, {}, draft('data_connection.update')),
      ).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
      expect(credentials.calls).toHaveLength(calls);
      expect(audit.events).toHaveLength(1);
    });

    it('should remove its new version and keep the old settings when the audit event cannot be written', async () => {
      const row = await created();
      audit.failing = true;
      await expect(
        saga.replaceCredentials(
          ALICE,
          row,
          NEW_SECRET,
          { name: 'Orders v2' },
          draft('data_connection.update'),
        ),
      ).rejects.toBeInstanceOf(DependencyUnavailableError);

      expect(tables.row(row.id)).toMatchObject({ name: 'Orders', credentialsVersion: 1 });
      expect(credentials.versionsOf(URI)).toEqual([1]);
      expect(tables.operationsOf(row.id).at(-1)).toMatchObject({ status: 'rolled_back' });
    });

    it('should hold the operation past the settle window when the new version is in doubt', async () => {
      const row = await created();
      credentials.failNext('put', inDoubt(), { applied: true });
      await expect(
        saga.replaceCredentials(ALICE, row, NEW_SECRET, {}, draft('data_connection.update')),
      ).rejects.toBeInstanceOf(DependencyUnavailableError);

      expect(tables.row(row.id)).toMatchObject({ credentialsVersion: 1 });
      expect(credentials.versionsOf(URI)).toEqual([1]);
      expect(tables.operationsOf(row.id).at(-1)).toMatchObject({
        status: 'pending',
        leaseUntil: new Date(T0.getTime() + WRITE_SETTLE_MS),
      });
      // Until then the connection takes no other change.
      await expect(
        saga.delete(ALICE, tables.row(row.id)!, draft('data_connection.delete')),
      ).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
    });

    it('should commit and leave the old version to the reconciler when removing it fails', async () => {
      const row = await created();
      credentials.failNext('purge', inDoubt());
      const committed = await saga.replaceCredentials(
        ALICE,
        row,
        NEW_SECRET,
        {},
        draft('data_connection.update'),
      );

      expect(committed.credentialsVersion).toBe(2);
      expect(credentials.versionsOf(URI)).toEqual([1, 2]);
      const op = tables.operationsOf(row.id).at(-1)!;
      expect(op).toMatchObject({ status: 'pending', leaseUntil: T0 });

      await expect(saga.reconcile(operations.claimed(op.id))).resolves.toBe('completed');
      expect(credentials.versionsOf(URI)).toEqual([2]);
    });
  });

  describe('delete', () => {
    it('should audit, then remove every version, every tuple and the row', async () => {
      const row = await created();
      await authz.writeTuples([{ object: OBJECT, relation: 'owner', user: 'user:bob' }]);
      await saga.delete(ALICE, row, draft('data_connection.delete'));

      expect(tables.row(row.id)).toBeUndefined();
      expect(credentials.versionsOf(URI)).toEqual([]);
      expect(await authz.readTuples({ object: OBJECT })).toEqual([]);
      expect(audit.events.map((e) => e.action)).toEqual(['data_connection.delete']);
      const op = tables.operationsOf(row.id).at(-1)!;
      expect(published).toEqual([
        {
          id: op.id,
          type: 'connection.deleted',
          orgId: 'acme',
          projectId: 'analytics',
          resourceUri: URI,
          data: {},
          actor: 'alice',
        },
      ]);
    });

    it('should change nothing when the audit event cannot be written', async () => {
      const row = await created();
      audit.failing = true;
      await expect(saga.delete(ALICE, row, draft('data_connection.delete'))).rejects.toBeInstanceOf(
        DependencyUnavailableError,
      );
      expect(tables.row(row.id)).toMatchObject({ lifecycle: 'active' });
      expect(tables.operationsOf(row.id)).toHaveLength(1);
    });

    it('should hide the row at once and let the reconciler finish an interrupted delete', async () => {
      const row = await created();
      credentials.failNext('purge', inDoubt());
      await expect(saga.delete(ALICE, row, draft('data_connection.delete'))).rejects.toBeInstanceOf(
        DependencyUnavailableError,
      );
      expect(tables.row(row.id)).toMatchObject({ lifecycle: 'deleting' });
      expect(published).toEqual([]);

      const op = tables.operationsOf(row.id).at(-1)!;
      await expect(saga.reconcile(operations.claimed(op.id))).resolves.toBe('completed');
      expect(tables.row(row.id)).toBeUndefined();
      // Keyed by the operation: publishing again after a retry stores nothing new (ConnectionEvents).
      expect(published.map((e) => [e.type, e.id])).toEqual([['connection.deleted', op.id]]);
      expect(credentials.versionsOf(URI)).toEqual([]);
      expect(await authz.readTuples({ object: OBJECT })).toEqual([]);
    });
  });

  describe('reconcile', () => {
    it('should close a create whose row became visible', async () => {
      const row = await created();
      const done = tables.operationsOf(row.id)[0]!;
      Object.assign(tables.operations.get(done.id)!, { status: 'pending' });
      await expect(saga.reconcile(operations.claimed(done.id))).resolves.toBe('completed');
      expect(tables.row(row.id)).toMatchObject({ lifecycle: 'active' });
    });

    it('should undo a credential change whose version was never switched to', async () => {
      const row = await created();
      const repository = new InMemoryConnectionsRepository(tables);
      const { operation } = await repository.beginCredentialsUpdate(
        { orgId: 'acme', projectId: 'analytics' },
        row,
        'alice',
      );
      await credentials.put(ALICE, URI, operation.secretVersion, SECRET);

      await expect(saga.reconcile(operations.claimed(operation.id))).resolves.toBe('rolled_back');
      expect(credentials.versionsOf(URI)).toEqual([1]);
      expect(tables.row(row.id)).toMatchObject({ credentialsVersion: 1 });
    });
  });
});
