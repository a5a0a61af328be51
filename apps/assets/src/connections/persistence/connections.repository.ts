import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppException, ErrorCode, GroupedCalls, type TenantScope } from '@app/core';
import {
  isDataError,
  isUniqueViolation,
  ScopedRepository,
  scopeKeysOf,
  type ScopedTransaction,
} from '@app/database';
import {
  type ConnectionLifecycle,
  type ConnectionOperationEntity,
  type DataConnectionEntity,
  type LastVerification,
  type OperationKind,
  type RotationColumns,
} from './data-connection.entity.js';
import { CONNECTION_OPERATIONS, CONNECTION_SECRET_VERSIONS, DATA_CONNECTIONS } from './connection.tables.js';
import { SORT_FIELDS } from '../dto/list-connections.query.js';

/** The request that starts an operation owns it this long; after that the reconciler may take over. */
export const OPERATION_LEASE_MS = 120_000;

export interface ListFilters {
  search?: string;
  connectionType?: string;
  status?: string;
  health?: string;
  tags?: string[];
  createdBy?: string;
  sort?: string;
  page: number;
  limit: number;
}

/** What the caller may read, decided by authorization before the query runs. */
export interface Visibility {
  /** The project in X-Project-ID is readable: all its connections are. */
  project: boolean;
  /** Org-level connections are readable (org admin, or a viewer of some project). */
  orgLevel: boolean;
  /** Org-level connections the caller created stay readable while they are an org member. */
  orgLevelCreatedBy: string | null;
}

const ROW_COLUMNS = `id, org_id, project_id, resource_uri, name, connection_type, auth_type, description, status, tags,
  config, selected_tables, pool, created_by, created_at, updated_at, last_verified_at, last_verification, lifecycle,
  credentials_version, revision, health, health_check_interval_s, last_checked_at, last_healthy_at,
  consecutive_failures, next_check_at, health_forecast, previous_credentials_version, previous_version_expires_at,
  rotated_at`;

/** The 409 of a writer that lost: another change came first or is still in flight. */
export function concurrentChange(): AppException {
  return new AppException(
    ErrorCode.CONFLICT,
    'Another change to this data connection came first or is in progress; nothing was changed. Read it again and retry.',
  );
}

/** Lookups of one tenant scope running at once; more queue and share the next statement. */
const LOOKUPS_IN_FLIGHT = 2;

interface ActiveLookup {
  scope: TenantScope;
  resourceUri: string;
}

/** Lookups group by the whole tenant scope, so one statement never spans two. */
function scopeGroupOf(scope: TenantScope): string {
  return JSON.stringify([scope.orgId, scope.projectId ?? null]);
}

/** Thrown inside a transaction when a compare-and-set matched no row; mapped to 409 or 404 outside. */
class StaleRow extends Error {}

interface RawConnectionRow {
  id: string;
  org_id: string;
  project_id: string | null;
  resource_uri: string;
  name: string;
  connection_type: string;
  auth_type: string;
  description: string | null;
  status: DataConnectionEntity['status'];
  tags: string[];
  config: Record<string, unknown>;
  selected_tables: string[];
  pool: Record<string, unknown>;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  last_verified_at: Date | null;
  last_verification: LastVerification | null;
  lifecycle: ConnectionLifecycle;
  credentials_version: number;
  revision: number;
  health: DataConnectionEntity['health'];
  health_check_interval_s: number | null;
  last_checked_at: Date | null;
  last_healthy_at: Date | null;
  consecutive_failures: number;
  next_check_at: Date | null;
  health_forecast: DataConnectionEntity['healthForecast'];
  previous_credentials_version: number | null;
  previous_version_expires_at: Date | null;
  rotated_at: Date | null;
}

function entityOf(r: RawConnectionRow): DataConnectionEntity {
  return {
    id: r.id,
    orgId: r.org_id,
    projectId: r.project_id,
    resourceUri: r.resource_uri,
    name: r.name,
    connectionType: r.connection_type,
    authType: r.auth_type,
    description: r.description,
    status: r.status,
    tags: r.tags,
    config: r.config,
    selectedTables: r.selected_tables,
    pool: r.pool,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lastVerifiedAt: r.last_verified_at,
    lastVerification: r.last_verification,
    lifecycle: r.lifecycle,
    credentialsVersion: r.credentials_version,
    revision: r.revision,
    health: r.health,
    healthCheckIntervalS: r.health_check_interval_s,
    lastCheckedAt: r.last_checked_at,
    lastHealthyAt: r.last_healthy_at,
    consecutiveFailures: r.consecutive_failures,
    nextCheckAt: r.next_check_at,
    healthForecast: r.health_forecast,
    previousCredentialsVersion: r.previous_credentials_version,
    previousVersionExpiresAt: r.previous_version_expires_at,
    rotatedAt: r.rotated_at,
  };
}

/** What a connection's row omits on insert: its lifecycle, versions and what only checks tell. */
export type NewConnectionRow = Omit<
  DataConnectionEntity,
  | 'lifecycle'
  | 'createdAt'
  | 'updatedAt'
  | 'revision'
  | 'credentialsVersion'
  | keyof typeof UNCHECKED
  | RotationColumns
>;

/** A connection never checked; `next_check_at` NULL asks the scheduler to place its first check. */
const UNCHECKED = {
  health: 'unknown',
  lastCheckedAt: null,
  lastHealthyAt: null,
  consecutiveFailures: 0,
  nextCheckAt: null,
  healthForecast: null,
} satisfies Partial<DataConnectionEntity>;

/** Escapes LIKE metacharacters so `%`, `_` and `\` match themselves. */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const SORT_COLUMNS: Record<(typeof SORT_FIELDS)[number], string> = {
  name: 'lower(c.name)',
  created_at: 'c.created_at',
  updated_at: 'c.updated_at',
  connection_type: 'c.connection_type',
  status: 'c.status',
  last_verified_at: 'c.last_verified_at',
  last_checked_at: 'c.last_checked_at',
};

/** Sort specs are matched against an allow-list and mapped to fixed SQL; input never reaches SQL. */
export function orderByOf(sort: string | undefined): Array<[string, 'ASC' | 'DESC']> {
  const parts = (sort ?? 'created_at:desc').split(',').map((part): [string, 'ASC' | 'DESC'] => {
    const [field, direction] = part.split(':') as [keyof typeof SORT_COLUMNS, string];
    const column = SORT_COLUMNS[field];
    if (!column || (direction !== 'asc' && direction !== 'desc'))
      throw AppException.invalidRequest('Invalid sort');
    return [column, direction === 'asc' ? 'ASC' : 'DESC'];
  });
  return [...parts, ['c.id', 'ASC']];
}

/**
 * Every method takes the tenant scope first and filters on it (ScopedRepository), even after
 * authorization: `{orgId, projectId}` sees that project's connections plus the org-level ones, and
 * `{orgId, projectId: null}` sees org-level connections only. Callers that act on a row they hold
 * (the saga, verification) pass the row's own scope.
 */
@Injectable()
export class ConnectionsRepository extends ScopedRepository {
  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  /**
   * Row and outbox entry in one transaction; the unique indexes decide any race (409). The
   * credentials version comes from the URI's counter,
   * so a connection re-created under an old name never reuses a version number of the old one.
   */
  async insertProvisioning(
    scope: TenantScope,
    row: NewConnectionRow,
    actorId: string,
  ): Promise<ConnectionOperationEntity> {
    try {
      return await this.transaction(async (tx) => {
        const now = new Date();
        const version = await this.allocateVersion(scope, tx, row.resourceUri);
        if (version === null) throw new Error('row outside its tenant scope');
        await this.insertInto(
          scope,
          DATA_CONNECTIONS,
          [
            {
              ...row,
              credentialsVersion: version,
              previousCredentialsVersion: null,
              previousVersionExpiresAt: null,
              rotatedAt: null,
              revision: 1,
              lifecycle: 'provisioning',
              ...UNCHECKED,
              createdAt: now,
              updatedAt: now,
            },
          ],
          tx,
        );
        return this.insertOperation(scope, tx, row, 'create', version, null, actorId);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw AppException.conflict(
          'A data connection with this name or resource URI already exists in this scope',
          {
            resource_uri: row.resourceUri,
          },
        );
      }
      throw error;
    }
  }

  /**
   * The hot read path. Concurrent lookups in one tenant scope share a statement: while
   * LOOKUPS_IN_FLIGHT of the scope's lookups run, the next ones queue and then go together as
   * `resource_uri = ANY(…)` under the same tenant filter. A lookup that finds room starts at the
   * end of the current turn, so it waits for no earlier statement and sees every write committed
   * before it was asked.
   */
  findActive(scope: TenantScope, resourceUri: string): Promise<DataConnectionEntity | null> {
    return this.activeLookups.submit(scopeGroupOf(scope), { scope, resourceUri });
  }

  private readonly activeLookups = new GroupedCalls<ActiveLookup, DataConnectionEntity | null>({
    run: (_group, lookups) => this.findActiveMany(lookups[0].scope, lookups),
    isItemError: isDataError,
    maxBatch: 100,
    maxInFlight: LOOKUPS_IN_FLIGHT,
    gatherWithinTurn: true,
  });

  /** One statement for lookups of one scope (resource URIs are unique across all tenants). */
  private async findActiveMany(
    scope: TenantScope,
    lookups: ActiveLookup[],
  ): Promise<Array<DataConnectionEntity | null>> {
    const uris = [...new Set(lookups.map((l) => l.resourceUri))];
    const rows = await this.sql<RawConnectionRow>(
      scope,
      (tenant) =>
        `SELECT ${ROW_COLUMNS} FROM data_connections c WHERE ${tenant(DATA_CONNECTIONS, 'c')} AND c.resource_uri = ANY(:uris) AND c.lifecycle = 'active'`,
      { uris },
    );
    const byUri = new Map(rows.map((row) => [row.resource_uri, row]));
    // Each caller gets its own object: one changing its row never changes another's.
    return lookups.map((l) => {
      const row = byUri.get(l.resourceUri);
      return row ? entityOf(row) : null;
    });
  }

  /**
   * The resource URI of the active connection named `name` (case-insensitively; names are unique
   * per scope), the scope's project first, then its org level.
   */
  async findActiveUriByName(scope: TenantScope, name: string): Promise<string | null> {
    const rows = await this.sql<{ resource_uri: string }>(
      scope,
      (tenant) => `SELECT c.resource_uri FROM data_connections c
        WHERE ${tenant(DATA_CONNECTIONS, 'c')} AND lower(c.name) = lower(:name) AND c.lifecycle = 'active'
        ORDER BY c.project_id ASC NULLS LAST LIMIT 1`,
      { name },
    );
    return rows[0]?.resource_uri ?? null;
  }

  async list(
    scope: TenantScope,
    visibility: Visibility,
    filters: ListFilters,
  ): Promise<[DataConnectionEntity[], number]> {
    // scope_key ('' at org level) is the indexed form of project_id, so the scope narrows inside the indexes.
    const scopes = [
      ...(scope.projectId && visibility.project ? [scope.projectId] : []),
      ...(visibility.orgLevel ? [''] : []),
    ];
    const clauses = scopes.length ? ['c.scope_key IN (:...scopes)'] : [];
    if (!visibility.orgLevel && visibility.orgLevelCreatedBy)
      clauses.push(`(c.scope_key = '' AND c.created_by = :orgCreator)`);
    if (clauses.length === 0) return [[], 0];
    const qb = this.selectFrom(scope, DATA_CONNECTIONS, 'c', (q) => {
      q.where(`c.lifecycle = 'active'`);
      // The tenant filter already stops at the scope's keys; visibility narrows only when it hides some.
      if (scopes.length < scopeKeysOf(scope).length)
        q.andWhere(`(${clauses.join(' OR ')})`, { scopes, orgCreator: visibility.orgLevelCreatedBy });
      if (filters.search) {
        q.andWhere(`(c.name ILIKE :term ESCAPE '\\' OR c.description ILIKE :term ESCAPE '\\')`, {
          term: `%${escapeLike(filters.search.trim())}%`,
        });
      }
      if (filters.connectionType) q.andWhere('c.connection_type = :type', { type: filters.connectionType });
      if (filters.status) q.andWhere('c.status = :status', { status: filters.status });
      if (filters.health) q.andWhere('c.health = :health', { health: filters.health });
      if (filters.tags?.length) q.andWhere('c.tags @> :tags', { tags: filters.tags });
      if (filters.createdBy) q.andWhere('c.created_by = :createdBy', { createdBy: filters.createdBy });
    });
    // The page and the total run side by side on two pooled connections (no transaction).
    const counted = qb.clone();
    for (const [column, direction] of orderByOf(filters.sort)) qb.addOrderBy(column, direction, 'NULLS LAST');
    return Promise.all([
      qb
        .offset((filters.page - 1) * filters.limit)
        .limit(filters.limit)
        .getMany(),
      counted.getCount(),
    ]);
  }

  /**
   * Applies a change made without new credentials, only if the row is still at `revision` and no
   * operation (credential change, delete) is in flight; otherwise 409 (404 once it is gone) and
   * nothing is written. Returns the row as committed.
   */
  async update(
    scope: TenantScope,
    row: Pick<DataConnectionEntity, 'id' | 'revision'>,
    changes: Partial<DataConnectionEntity>,
  ): Promise<DataConnectionEntity> {
    let result;
    try {
      result = await this.updateIn(
        scope,
        DATA_CONNECTIONS,
        { ...changes, revision: row.revision + 1, updatedAt: new Date() } as never,
        (q) =>
          q
            .where(`id = :id AND revision = :revision AND lifecycle = 'active'`, {
              id: row.id,
              revision: row.revision,
            })
            .andWhere(
              `NOT EXISTS (SELECT 1 FROM connection_operations o WHERE o.connection_id = :id AND o.status = 'pending')`,
            ),
      )
        .returning(ROW_COLUMNS)
        .execute();
    } catch (error) {
      throw this.renameConflict(error);
    }
    const committed = (result.raw as RawConnectionRow[])[0];
    if (!committed) throw await this.staleOrGone(scope, row.id);
    return entityOf(committed);
  }

  /** Fails fast (409/404) when a writer's row is already stale, before it records anything. */
  async assertCurrent(scope: TenantScope, row: Pick<DataConnectionEntity, 'id' | 'revision'>): Promise<void> {
    const rows = await this.sql<{ revision: number; lifecycle: string; busy: boolean }>(
      scope,
      (
        tenant,
      ) => `SELECT c.revision, c.lifecycle, EXISTS (SELECT 1 FROM connection_operations o WHERE o.connection_id = c.id AND o.status = 'pending') AS busy
         FROM data_connections c WHERE ${tenant(DATA_CONNECTIONS, 'c')} AND c.id = :id`,
      { id: row.id },
    );
    const current = rows[0];
    if (!current || current.lifecycle !== 'active') throw AppException.notFound('Data connection');
    if (current.revision !== row.revision || current.busy) throw concurrentChange();
  }

  async recordVerification(
    scope: TenantScope,
    id: string,
    status: 'ACTIVE' | 'ERROR',
    verification: LastVerification,
  ): Promise<void> {
    // A DISABLED connection stays disabled; verification only records the outcome.
    await this.sql(
      scope,
      (tenant) => `UPDATE data_connections c SET last_verified_at = now(), last_verification = :verification,
         status = CASE WHEN c.status = 'DISABLED' THEN c.status ELSE :status END, updated_at = now()
       WHERE ${tenant(DATA_CONNECTIONS, 'c')} AND c.id = :id`,
      { id, verification: JSON.stringify(verification), status },
    );
  }

  /**
   * Hides the row at once and records the delete, so a crash mid-way is finished by the reconciler.
   * Compare-and-set on the revision read by the caller; a pending operation makes it 409.
   */
  async beginDelete(
    scope: TenantScope,
    row: Pick<DataConnectionEntity, 'id' | 'orgId' | 'projectId' | 'resourceUri' | 'revision'>,
    actorId: string,
  ): Promise<ConnectionOperationEntity> {
    return this.casTransaction(scope, row.id, async (tx) => {
      const [hidden] = await this.sql<{ credentials_version: number }>(
        scope,
        (
          tenant,
        ) => `UPDATE data_connections c SET lifecycle = 'deleting', revision = c.revision + 1, updated_at = now()
          WHERE ${tenant(DATA_CONNECTIONS, 'c')} AND c.id = :id AND c.revision = :revision AND c.lifecycle = 'active' RETURNING c.credentials_version`,
        { id: row.id, revision: row.revision },
        tx,
      );
      if (!hidden) throw new StaleRow();
      return this.insertOperation(scope, tx, row, 'delete', hidden.credentials_version, null, actorId);
    });
  }

  /**
   * Starts a credential change: claims the connection (revision compare-and-set, at most one
   * pending operation) and allocates a version number never used before for this URI, all in one
   * transaction, before any secret is written. A writer that read an older row gets 409 here.
   */
  async beginCredentialsUpdate(
    scope: TenantScope,
    row: Pick<DataConnectionEntity, 'id' | 'orgId' | 'projectId' | 'resourceUri' | 'revision'>,
    actorId: string,
  ): Promise<{ operation: ConnectionOperationEntity; revision: number }> {
    return this.casTransaction(scope, row.id, async (tx) => {
      const version = await this.allocateVersion(scope, tx, row.resourceUri);
      if (version === null) throw new StaleRow();
      const [claimed] = await this.sql<{ credentials_version: number }>(
        scope,
        (tenant) => `UPDATE data_connections c SET revision = c.revision + 1, updated_at = now()
          WHERE ${tenant(DATA_CONNECTIONS, 'c')} AND c.id = :id AND c.revision = :revision AND c.lifecycle = 'active' RETURNING c.credentials_version`,
        { id: row.id, revision: row.revision },
        tx,
      );
      if (!claimed) throw new StaleRow();
      const operation = await this.insertOperation(
        scope,
        tx,
        row,
        'update_credentials',
        version,
        claimed.credentials_version,
        actorId,
      );
      return { operation, revision: row.revision + 1 };
    });
  }

  /**
   * New settings and the new credentials version switch together, in one transaction, only while
   * the operation is still this request's (pending and never claimed by the reconciler) and the row
   * is still at the revision the operation set. Returns the row as committed.
   */
  async commitCredentialsUpdate(
    scope: TenantScope,
    claim: { id: string; revision: number; operationId: string },
    changes: Partial<DataConnectionEntity>,
  ): Promise<DataConnectionEntity> {
    // Locks in the order every transaction here uses (the connection's row, then its operation),
    // so two of them can never wait on each other.
    return this.casTransaction(scope, claim.id, async (tx) => {
      const result = await this.updateIn(
        scope,
        DATA_CONNECTIONS,
        { ...changes, revision: claim.revision + 1, updatedAt: new Date() } as never,
        (q) =>
          q.where(`id = :id AND revision = :revision AND lifecycle = 'active'`, {
            id: claim.id,
            revision: claim.revision,
          }),
        tx,
      )
        .returning(ROW_COLUMNS)
        .execute();
      const committed = (result.raw as RawConnectionRow[])[0];
      if (!committed) throw new StaleRow();
      // The fence: the reconciler claims with SKIP LOCKED, so once this lock is held it cannot
      // take the operation over, and one it already took over (attempts > 0) is not ours to commit.
      const fenced = await this.sql(
        scope,
        (tenant) => `SELECT 1 FROM connection_operations o
          WHERE ${tenant(CONNECTION_OPERATIONS, 'o')} AND o.id = :operationId AND o.status = 'pending' AND o.attempts = 0 FOR UPDATE`,
        { operationId: claim.operationId },
        tx,
      );
      if (!fenced.length) throw new StaleRow();
      return entityOf(committed);
    });
  }

  /** The last step of a create: the row becomes visible and its operation closes, atomically. */
  async activate(scope: TenantScope, id: string, operationId: string): Promise<void> {
    await this.transaction(async (tx) => {
      await this.sql(
        scope,
        (tenant) =>
          `UPDATE data_connections c SET lifecycle = 'active', updated_at = :now WHERE ${tenant(DATA_CONNECTIONS, 'c')} AND c.id = :id`,
        { id, now: new Date() },
        tx,
      );
      await this.closeOperation(scope, tx, operationId, 'completed');
    });
  }

  /**
   * The last step of a delete or an undone create: the row goes and its operation closes in one
   * transaction, so a closed operation never outlives its row (the name stays taken until then).
   */
  async deleteRowAndFinish(
    scope: TenantScope,
    id: string,
    operationId: string,
    status: 'completed' | 'rolled_back',
  ): Promise<void> {
    await this.transaction(async (tx) => {
      await this.sql(
        scope,
        (tenant) => `DELETE FROM data_connections c WHERE ${tenant(DATA_CONNECTIONS, 'c')} AND c.id = :id`,
        { id },
        tx,
      );
      await this.closeOperation(scope, tx, operationId, status);
    });
  }

  /** The row in any lifecycle (the reconciler's view of a connection mid-operation). */
  async findAnyLifecycle(
    scope: TenantScope,
    id: string,
    tx?: ScopedTransaction,
  ): Promise<DataConnectionEntity | null> {
    const rows = await this.sql<RawConnectionRow>(
      scope,
      (tenant) =>
        `SELECT ${ROW_COLUMNS} FROM data_connections c WHERE ${tenant(DATA_CONNECTIONS, 'c')} AND c.id = :id`,
      { id },
      tx,
    );
    return rows.length ? entityOf(rows[0]) : null;
  }

  private async closeOperation(
    scope: TenantScope,
    tx: ScopedTransaction,
    operationId: string,
    status: 'completed' | 'rolled_back',
  ): Promise<void> {
    await this.sql(
      scope,
      (
        tenant,
      ) => `UPDATE connection_operations o SET status = :status, lease_until = NULL, last_error = NULL, updated_at = :now
        WHERE ${tenant(CONNECTION_OPERATIONS, 'o')} AND o.id = :operationId`,
      { operationId, status, now: new Date() },
      tx,
    );
  }

  /**
   * Next version for the URI's credentials; the counter is never reset, not even by a delete. A URI
   * outside the scope fails the tenant filter: nothing is inserted or bumped, and the answer is null.
   * Public for the rotations repository, which claims a connection in its own transaction.
   */
  async allocateVersion(
    scope: TenantScope,
    tx: ScopedTransaction,
    resourceUri: string,
  ): Promise<number | null> {
    const rows = await this.sql<{ last_version: number }>(
      scope,
      (tenant) => `INSERT INTO connection_secret_versions AS v (resource_uri, last_version)
         SELECT n.resource_uri, 1 FROM (SELECT CAST(:uri AS text) AS resource_uri) n WHERE ${tenant(CONNECTION_SECRET_VERSIONS, 'n')}
       ON CONFLICT (resource_uri) DO UPDATE SET last_version = v.last_version + 1
       RETURNING last_version`,
      { uri: resourceUri },
      tx,
    );
    return rows[0]?.last_version ?? null;
  }

  /** Runs a compare-and-set transaction; a stale row or a second pending operation becomes 409 (404 once gone). */
  private async casTransaction<T>(
    scope: TenantScope,
    id: string,
    work: (tx: ScopedTransaction) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.transaction(work);
    } catch (error) {
      if (error instanceof StaleRow) throw await this.staleOrGone(scope, id);
      // The only unique indexes these statements can hit: one pending operation per connection
      // (another change is in flight), and the scope's names (a rename onto a taken name).
      if (isUniqueViolation(error) && !isUniqueViolation(error, 'data_connections_scope_name')) {
        throw concurrentChange();
      }
      throw this.renameConflict(error);
    }
  }

  private async staleOrGone(scope: TenantScope, id: string): Promise<AppException> {
    const rows = await this.sql(
      scope,
      (tenant) =>
        `SELECT 1 FROM data_connections c WHERE ${tenant(DATA_CONNECTIONS, 'c')} AND c.id = :id AND c.lifecycle = 'active'`,
      { id },
    );
    return rows.length ? concurrentChange() : AppException.notFound('Data connection');
  }

  /** A rename onto a name taken in the scope is a 409 like a duplicate create. */
  private renameConflict(error: unknown): unknown {
    if (isUniqueViolation(error))
      return AppException.conflict('A data connection with this name already exists in this scope');
    return error;
  }

  /** Records an operation in the outbox, inside the transaction that claims its connection. */
  async insertOperation(
    scope: TenantScope,
    tx: ScopedTransaction,
    row: Pick<DataConnectionEntity, 'id' | 'orgId' | 'projectId' | 'resourceUri'>,
    kind: OperationKind,
    secretVersion: number,
    previousSecretVersion: number | null,
    actorId: string,
  ): Promise<ConnectionOperationEntity> {
    const now = new Date();
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
    await this.insertInto(scope, CONNECTION_OPERATIONS, [op], tx);
    return op;
  }
}
