import { randomUUID } from 'node:crypto';
import { AppException, type TenantScope } from '@app/core';
import {
  concurrentChange,
  OPERATION_LEASE_MS,
  type Visibility,
} from '../../apps/assets/src/connections/persistence/connections.repository.js';
import type { ClaimedOperation } from '../../apps/assets/src/connections/persistence/connection-operations.repository.js';
import type {
  ConnectionOperationEntity,
  DataConnectionEntity,
  OperationKind,
  RotationColumns,
} from '../../apps/assets/src/connections/persistence/data-connection.entity.js';
import type { StoredCredentials } from '../../apps/assets/src/governance/governance-credentials.store.js';

type NewRow = Omit<
  DataConnectionEntity,
  'lifecycle' | 'createdAt' | 'updatedAt' | 'revision' | 'credentialsVersion' | RotationColumns
>;

/**
 * The Assets connection tables in memory, with the rules the SQL enforces: the tenant filter, the
 * revision compare-and-set, at most one pending operation per connection, unique names per scope
 * and a per-URI version counter that never resets. For unit specs of the service and the saga;
 * the real repository runs against PostgreSQL in test/integration/connections-repository.spec.ts.
 */
export class InMemoryConnectionTables {
  readonly rows = new Map<string, DataConnectionEntity>();
  readonly operations = new Map<string, ConnectionOperationEntity>();
  private readonly versions = new Map<string, number>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  row(id: string): DataConnectionEntity | undefined {
    const row = this.rows.get(id);
    return row && structuredClone(row);
  }

  operationsOf(connectionId: string): ConnectionOperationEntity[] {
    return [...this.operations.values()]
      .filter((op) => op.connectionId === connectionId)
      .map((op) => structuredClone(op));
  }

  pendingOf(connectionId: string): ConnectionOperationEntity | undefined {
    return [...this.operations.values()].find(
      (op) => op.connectionId === connectionId && op.status === 'pending',
    );
  }

  allocateVersion(resourceUri: string): number {
    const next = (this.versions.get(resourceUri) ?? 0) + 1;
    this.versions.set(resourceUri, next);
    return next;
  }

  insertOperation(
    row: Pick<DataConnectionEntity, 'id' | 'orgId' | 'projectId' | 'resourceUri'>,
    kind: OperationKind,
    secretVersion: number,
    previousSecretVersion: number | null,
    actorId: string,
  ): ConnectionOperationEntity {
    if (this.pendingOf(row.id)) throw concurrentChange();
    const now = this.now();
    const op: ConnectionOperationEntity = {
      id: randomUUID(),
      connectionId: row.id,
      orgId: row.orgId,
      projectId: row.projectId,
      resourceUri: row.resourceUri,
      kind,
      secretVersion,
      previousSecretVersion,
      actorId,
      status: 'pending',
      attempts: 0,
      leaseUntil: new Date(now.getTime() + OPERATION_LEASE_MS),
      lastError: null,
      createdAt: now,
      updatedAt: now,
    };
    this.operations.set(op.id, op);
    return structuredClone(op);
  }
}

const inScope = (scope: TenantScope, row: Pick<DataConnectionEntity, 'orgId' | 'projectId'>): boolean =>
  row.orgId === scope.orgId && (row.projectId === null || row.projectId === scope.projectId);

/** The methods of ConnectionsRepository the service and the saga call, over InMemoryConnectionTables. */
export class InMemoryConnectionsRepository {
  constructor(readonly tables: InMemoryConnectionTables) {}

  async insertProvisioning(
    scope: TenantScope,
    row: NewRow,
    actorId: string,
  ): Promise<ConnectionOperationEntity> {
    if (row.orgId !== scope.orgId || row.projectId !== scope.projectId)
      throw new Error('row outside its tenant scope');
    const taken = [...this.tables.rows.values()].some(
      (r) =>
        r.resourceUri === row.resourceUri ||
        (r.orgId === row.orgId && r.projectId === row.projectId && r.name === row.name),
    );
    if (taken)
      throw AppException.conflict(
        'A data connection with this name or resource URI already exists in this scope',
        { resource_uri: row.resourceUri },
      );
    const version = this.tables.allocateVersion(row.resourceUri);
    const now = new Date();
    this.tables.rows.set(row.id, {
      ...structuredClone(row),
      credentialsVersion: version,
      previousCredentialsVersion: null,
      previousVersionExpiresAt: null,
      rotatedAt: null,
      revision: 1,
      lifecycle: 'provisioning',
      createdAt: now,
      updatedAt: now,
    });
    return this.tables.insertOperation(row, 'create', version, null, actorId);
  }

  async findActive(scope: TenantScope, resourceUri: string): Promise<DataConnectionEntity | null> {
    const row = [...this.tables.rows.values()].find(
      (r) => r.resourceUri === resourceUri && r.lifecycle === 'active' && inScope(scope, r),
    );
    return row ? structuredClone(row) : null;
  }

  async findActiveUriByName(scope: TenantScope, name: string): Promise<string | null> {
    const named = [...this.tables.rows.values()].filter(
      (r) => r.name.toLowerCase() === name.toLowerCase() && r.lifecycle === 'active' && inScope(scope, r),
    );
    return (named.find((r) => r.projectId !== null) ?? named[0])?.resourceUri ?? null;
  }

  async list(
    scope: TenantScope,
    visibility: Visibility,
    filters: { connectionType?: string; status?: string; page: number; limit: number },
  ): Promise<[DataConnectionEntity[], number]> {
    const visible = [...this.tables.rows.values()].filter((r) => {
      if (r.orgId !== scope.orgId || r.lifecycle !== 'active') return false;
      if (r.projectId !== null) return visibility.project && r.projectId === scope.projectId;
      return (
        visibility.orgLevel ||
        (visibility.orgLevelCreatedBy !== null && r.createdBy === visibility.orgLevelCreatedBy)
      );
    });
    const matching = visible.filter(
      (r) =>
        (!filters.connectionType || r.connectionType === filters.connectionType) &&
        (!filters.status || r.status === filters.status),
    );
    const start = (filters.page - 1) * filters.limit;
    return [matching.slice(start, start + filters.limit).map((r) => structuredClone(r)), matching.length];
  }

  async update(
    scope: TenantScope,
    row: Pick<DataConnectionEntity, 'id' | 'revision'>,
    changes: Partial<DataConnectionEntity>,
  ): Promise<DataConnectionEntity> {
    const current = this.tables.rows.get(row.id);
    if (
      !current ||
      !inScope(scope, current) ||
      current.lifecycle !== 'active' ||
      current.revision !== row.revision ||
      this.tables.pendingOf(row.id)
    ) {
      throw this.staleOrGone(scope, row.id);
    }
    Object.assign(current, structuredClone(changes), { revision: row.revision + 1, updatedAt: new Date() });
    return structuredClone(current);
  }

  async assertCurrent(scope: TenantScope, row: Pick<DataConnectionEntity, 'id' | 'revision'>): Promise<void> {
    const current = this.tables.rows.get(row.id);
    if (!current || current.orgId !== scope.orgId || current.lifecycle !== 'active')
      throw AppException.notFound('Data connection');
    if (current.revision !== row.revision || this.tables.pendingOf(row.id)) throw concurrentChange();
  }

  async beginDelete(
    scope: TenantScope,
    row: Pick<DataConnectionEntity, 'id' | 'orgId' | 'projectId' | 'resourceUri' | 'revision'>,
    actorId: string,
  ): Promise<ConnectionOperationEntity> {
    const current = this.claim(scope, row);
    const op = this.tables.insertOperation(row, 'delete', current.credentialsVersion, null, actorId);
    Object.assign(current, { lifecycle: 'deleting', revision: current.revision + 1, updatedAt: new Date() });
    return op;
  }

  async beginCredentialsUpdate(
    scope: TenantScope,
    row: Pick<DataConnectionEntity, 'id' | 'orgId' | 'projectId' | 'resourceUri' | 'revision'>,
    actorId: string,
  ): Promise<{ operation: ConnectionOperationEntity; revision: number }> {
    const current = this.claim(scope, row);
    if (this.tables.pendingOf(row.id)) throw concurrentChange();
    const operation = this.tables.insertOperation(
      row,
      'update_credentials',
      this.tables.allocateVersion(row.resourceUri),
      current.credentialsVersion,
      actorId,
    );
    Object.assign(current, { revision: current.revision + 1, updatedAt: new Date() });
    return { operation, revision: row.revision + 1 };
  }

  async commitCredentialsUpdate(
    scope: TenantScope,
    claim: { id: string; revision: number; operationId: string },
    changes: Partial<DataConnectionEntity>,
  ): Promise<DataConnectionEntity> {
    const current = this.tables.rows.get(claim.id);
    const op = this.tables.operations.get(claim.operationId);
    if (
      !current ||
      current.orgId !== scope.orgId ||
      current.lifecycle !== 'active' ||
      current.revision !== claim.revision ||
      op?.status !== 'pending' ||
      op.attempts !== 0
    ) {
      throw this.staleOrGone(scope, claim.id);
    }
    Object.assign(current, structuredClone(changes), { revision: claim.revision + 1, updatedAt: new Date() });
    return structuredClone(current);
  }

  async activate(scope: TenantScope, id: string, operationId: string): Promise<void> {
    const row = this.tables.rows.get(id);
    if (row?.orgId === scope.orgId) Object.assign(row, { lifecycle: 'active', updatedAt: new Date() });
    this.close(operationId, 'completed');
  }

  async deleteRowAndFinish(
    scope: TenantScope,
    id: string,
    operationId: string,
    status: 'completed' | 'rolled_back',
  ): Promise<void> {
    if (this.tables.rows.get(id)?.orgId === scope.orgId) this.tables.rows.delete(id);
    this.close(operationId, status);
  }

  async findAnyLifecycle(scope: TenantScope, id: string): Promise<DataConnectionEntity | null> {
    const row = this.tables.rows.get(id);
    return row?.orgId === scope.orgId ? structuredClone(row) : null;
  }

  private claim(
    scope: TenantScope,
    row: Pick<DataConnectionEntity, 'id' | 'revision'>,
  ): DataConnectionEntity {
    const current = this.tables.rows.get(row.id);
    if (
      !current ||
      current.orgId !== scope.orgId ||
      current.lifecycle !== 'active' ||
      current.revision !== row.revision
    )
      throw this.staleOrGone(scope, row.id);
    return current;
  }

  private close(operationId: string, status: 'completed' | 'rolled_back'): void {
    const op = this.tables.operations.get(operationId);
    if (op) Object.assign(op, { status, leaseUntil: null, lastError: null, updatedAt: new Date() });
  }

  private staleOrGone(scope: TenantScope, id: string): AppException {
    const row = this.tables.rows.get(id);
    return row?.orgId === scope.orgId && row.lifecycle === 'active'
      ? concurrentChange()
      : AppException.notFound('Data connection');
  }
}

/** The methods of ConnectionOperationsRepository the saga calls. */
export class InMemoryConnectionOperationsRepository {
  constructor(readonly tables: InMemoryConnectionTables) {}

  async finish(scope: TenantScope, id: string, status: 'completed' | 'rolled_back'): Promise<void> {
    this.set(scope, id, { status, leaseUntil: null, lastError: null });
  }

  async finishIfPending(scope: TenantScope, id: string, status: 'completed' | 'rolled_back'): Promise<void> {
    if (this.tables.operations.get(id)?.status === 'pending')
      this.set(scope, id, { status, leaseUntil: null, lastError: null });
  }

  async release(scope: TenantScope, id: string): Promise<void> {
    if (this.tables.operations.get(id)?.status === 'pending') this.set(scope, id, { leaseUntil: new Date() });
  }

  async holdUntilSettled(scope: TenantScope, id: string, ms: number): Promise<void> {
    if (this.tables.operations.get(id)?.status === 'pending')
      this.set(scope, id, { leaseUntil: new Date(Date.now() + ms) });
  }

  async versionsToPurge(scope: TenantScope, connectionId: string): Promise<number[]> {
    const versions = new Set<number>();
    for (const op of this.tables.operations.values()) {
      if (op.connectionId !== connectionId || !inScope(scope, op)) continue;
      if (op.status !== 'completed') versions.add(op.secretVersion);
      if (op.status === 'pending' && op.previousSecretVersion !== null)
        versions.add(op.previousSecretVersion);
    }
    return [...versions].sort((a, b) => a - b);
  }

  async fail(scope: TenantScope, id: string, reason: string): Promise<void> {
    this.set(scope, id, { lastError: reason.slice(0, 200) });
  }

  /** As the reconciler's claim would hand it over. */
  claimed(id: string): ClaimedOperation {
    const op = this.tables.operations.get(id)!;
    op.attempts += 1;
    const {
      id: opId,
      connectionId,
      orgId,
      projectId,
      resourceUri,
      kind,
      secretVersion,
      previousSecretVersion,
      actorId,
      attempts,
    } = op;
    return {
      id: opId,
      connectionId,
      orgId,
      projectId,
      resourceUri,
      kind,
      secretVersion,
      previousSecretVersion,
      actorId,
      attempts,
    };
  }

  private set(scope: TenantScope, id: string, fields: Partial<ConnectionOperationEntity>): void {
    const op = this.tables.operations.get(id);
    if (op && inScope(scope, op)) Object.assign(op, fields, { updatedAt: new Date() });
  }
}

/**
 * Governance's secrets for connections, in memory: versions per URI, and failures to inject per
 * call (`failNext`). A failure is thrown before anything is stored unless `applied` says the
 * write landed anyway (a timeout after the backend took it).
 */
export class InMemoryCredentialsStore {
  readonly secrets = new Map<string, StoredCredentials>();
  readonly calls: Array<{
    method: 'put' | 'read' | 'purge';
    resourceUri: string;
    version: number;
    caller: string | null;
  }> = [];
  private readonly failures: Array<{ method: 'put' | 'read' | 'purge'; error: Error; applied?: boolean }> =
    [];

  failNext(method: 'put' | 'read' | 'purge', error: Error, options: { applied?: boolean } = {}): void {
    this.failures.push({ method, error, ...options });
  }

  versionsOf(resourceUri: string): number[] {
    return [...this.secrets.keys()]
      .filter((key) => key.startsWith(`${resourceUri}#`))
      .map((key) => Number(key.slice(resourceUri.length + 1)))
      .sort((a, b) => a - b);
  }

  async put(
    caller: { userId: string },
    resourceUri: string,
    version: number,
    value: StoredCredentials,
  ): Promise<void> {
    this.calls.push({ method: 'put', resourceUri, version, caller: caller.userId });
    const failure = this.take('put');
    if (failure?.applied) this.secrets.set(`${resourceUri}#${version}`, structuredClone(value));
    if (failure) throw failure.error;
    this.secrets.set(`${resourceUri}#${version}`, structuredClone(value));
  }

  async read(caller: { userId: string }, resourceUri: string, version: number): Promise<StoredCredentials> {
    this.calls.push({ method: 'read', resourceUri, version, caller: caller.userId });
    const failure = this.take('read');
    if (failure) throw failure.error;
    const value = this.secrets.get(`${resourceUri}#${version}`);
    if (!value) throw AppException.notFound('Secret');
    return structuredClone(value);
  }

  async purge(caller: { userId: string } | null, resourceUri: string, version: number): Promise<void> {
    this.calls.push({ method: 'purge', resourceUri, version, caller: caller?.userId ?? null });
    const failure = this.take('purge');
    if (failure) throw failure.error;
    this.secrets.delete(`${resourceUri}#${version}`);
  }

  private take(method: 'put' | 'read' | 'purge') {
    const index = this.failures.findIndex((f) => f.method === method);
    return index < 0 ? undefined : this.failures.splice(index, 1)[0];
  }
}
