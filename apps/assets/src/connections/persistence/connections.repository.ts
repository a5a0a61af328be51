import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { AppException, type TenantScope } from '@app/core';
import {
  type ConnectionLifecycle,
  ConnectionOperationEntity,
  DataConnectionEntity,
  type LastVerification,
  type OperationKind,
} from './data-connection.entity.js';
import { SORT_FIELDS } from '../dto/list-connections.query.js';

const UNIQUE_VIOLATION = '23505';
/** The request that starts an operation owns it this long; after that the reconciler may take over. */
export const OPERATION_LEASE_MS = 120_000;

export interface ListFilters {
  search?: string;
  connectionType?: string;
  status?: string;
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
  credentials_version`;

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
  };
}

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
};

/** Sort specs are matched against an allow-list and mapped to fixed SQL; input never reaches SQL. */
export function orderByOf(sort: string | undefined): Array<[string, 'ASC' | 'DESC']> {
  const parts = (sort ?? 'created_at:desc').split(',').map((part): [string, 'ASC' | 'DESC'] => {
    const [field, direction] = part.split(':') as [keyof typeof SORT_COLUMNS, string];
    const column = SORT_COLUMNS[field];
    if (!column || (direction !== 'asc' && direction !== 'desc')) throw AppException.invalidRequest('Invalid sort');
    return [column, direction === 'asc' ? 'ASC' : 'DESC'];
  });
  return [...parts, ['c.id', 'ASC']];
}

/**
 * Every method takes the tenant scope first and filters on it, even after authorization:
 * `{orgId, projectId}` sees that project's connections plus the org-level ones, and
 * `{orgId, projectId: null}` sees org-level connections only.
 */
@Injectable()
export class ConnectionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Row and outbox entry in one transaction; the unique indexes decide any race (409). */
  async insertProvisioning(scope: TenantScope, row: Omit<DataConnectionEntity, 'lifecycle' | 'createdAt' | 'updatedAt'>, actorId: string): Promise<ConnectionOperationEntity> {
    if (row.orgId !== scope.orgId || row.projectId !== scope.projectId) throw new Error('row outside its tenant scope');
    try {
      return await this.dataSource.transaction(async (tx) => {
        const now = new Date();
        await tx.getRepository(DataConnectionEntity).insert({ ...row, lifecycle: 'provisioning', createdAt: now, updatedAt: now } as Partial<DataConnectionEntity> as never);
        return this.insertOperation(tx, row, 'create', row.credentialsVersion, null, actorId);
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string })?.code === UNIQUE_VIOLATION) {
        throw AppException.conflict('A data connection with this name or resource URI already exists in this scope', {
          resource_uri: row.resourceUri,
        });
      }
      throw error;
    }
  }

  /** The hot read path: one fixed, parameterized statement (scope_key '' is org level). */
  async findActive(scope: TenantScope, resourceUri: string): Promise<DataConnectionEntity | null> {
    const rows = (await this.dataSource.query(
      `SELECT ${ROW_COLUMNS} FROM data_connections
        WHERE org_id = $1 AND scope_key = ANY($2) AND resource_uri = $3 AND lifecycle = 'active'`,
      [scope.orgId, scope.projectId ? [scope.projectId, ''] : [''], resourceUri],
    )) as RawConnectionRow[];
    return rows.length ? entityOf(rows[0]) : null;
  }

  async list(scope: TenantScope, visibility: Visibility, filters: ListFilters): Promise<[DataConnectionEntity[], number]> {
    const qb = this.dataSource.manager.getRepository(DataConnectionEntity).createQueryBuilder('c').where('c.org_id = :org', { org: scope.orgId });
    qb.andWhere(`c.lifecycle = 'active'`);
    // scope_key ('' at org level) is the indexed form of project_id, so the scope narrows inside the indexes.
    const scopes = [...(scope.projectId && visibility.project ? [scope.projectId] : []), ...(visibility.orgLevel ? [''] : [])];
    const clauses = scopes.length ? ['c.scope_key IN (:...scopes)'] : [];
    if (!visibility.orgLevel && visibility.orgLevelCreatedBy) clauses.push(`(c.scope_key = '' AND c.created_by = :orgCreator)`);
    if (clauses.length === 0) return [[], 0];
    qb.andWhere(`(${clauses.join(' OR ')})`, { scopes, orgCreator: visibility.orgLevelCreatedBy });
    if (filters.search) {
      qb.andWhere(`(c.name ILIKE :term ESCAPE '\\' OR c.description ILIKE :term ESCAPE '\\')`, { term: `%${escapeLike(filters.search.trim())}%` });
    }
    if (filters.connectionType) qb.andWhere('c.connection_type = :type', { type: filters.connectionType });
    if (filters.status) qb.andWhere('c.status = :status', { status: filters.status });
    if (filters.tags?.length) qb.andWhere('c.tags @> :tags', { tags: filters.tags });
    if (filters.createdBy) qb.andWhere('c.created_by = :createdBy', { createdBy: filters.createdBy });
    // The page and the total run side by side on two pooled connections (no transaction).
    const counted = qb.clone();
    for (const [column, direction] of orderByOf(filters.sort)) qb.addOrderBy(column, direction, 'NULLS LAST');
    return Promise.all([qb.offset((filters.page - 1) * filters.limit).limit(filters.limit).getMany(), counted.getCount()]);
  }

  async update(scope: TenantScope, id: string, changes: Partial<DataConnectionEntity>): Promise<void> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(DataConnectionEntity)
      .set({ ...changes, updatedAt: new Date() } as never)
      .where('id = :id AND org_id = :org', { id, org: scope.orgId })
      .andWhere(scope.projectId ? '(project_id = :project OR project_id IS NULL)' : 'project_id IS NULL', { project: scope.projectId })
      .execute();
    if (!result.affected) throw AppException.notFound('Data connection');
  }

  async recordVerification(scope: TenantScope, id: string, status: 'ACTIVE' | 'ERROR', verification: LastVerification): Promise<void> {
    // A DISABLED connection stays disabled; verification only records the outcome.
    await this.dataSource.query(
      `UPDATE data_connections SET last_verified_at = now(), last_verification = $3,
         status = CASE WHEN status = 'DISABLED' THEN status ELSE $4 END, updated_at = now()
       WHERE id = $1 AND org_id = $2`,
      [id, scope.orgId, JSON.stringify(verification), status],
    );
  }

  /** Hides the row at once and records the delete, so a crash mid-way is finished by the reconciler. */
  async beginDelete(scope: TenantScope, row: DataConnectionEntity, actorId: string): Promise<ConnectionOperationEntity> {
    return this.dataSource.transaction(async (tx) => {
      const result = await tx.query(
        `UPDATE data_connections SET lifecycle = 'deleting', updated_at = now() WHERE id = $1 AND org_id = $2 AND lifecycle = 'active'`,
        [row.id, scope.orgId],
      );
      if (!(result as [unknown, number])[1]) throw AppException.notFound('Data connection');
      return this.insertOperation(tx, row, 'delete', row.credentialsVersion, null, actorId);
    });
  }

  async beginCredentialsUpdate(scope: TenantScope, row: DataConnectionEntity, actorId: string): Promise<ConnectionOperationEntity> {
    if (row.orgId !== scope.orgId) throw AppException.notFound('Data connection');
    return this.insertOperation(this.dataSource.manager, row, 'update_credentials', row.credentialsVersion + 1, row.credentialsVersion, actorId);
  }

  /** New settings and the new credentials version switch together, in one statement. */
  async commitCredentialsUpdate(scope: TenantScope, id: string, changes: Partial<DataConnectionEntity>): Promise<void> {
    await this.update(scope, id, changes);
  }

  /** The last step of a create: the row becomes visible and its operation closes, atomically. */
  async activate(scope: TenantScope, id: string, operationId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await tx.getRepository(DataConnectionEntity).update({ id, orgId: scope.orgId }, { lifecycle: 'active', updatedAt: new Date() });
      await tx.getRepository(ConnectionOperationEntity).update({ id: operationId }, { status: 'completed', leaseUntil: null, updatedAt: new Date() });
    });
  }

  async setLifecycle(scope: TenantScope, id: string, lifecycle: ConnectionLifecycle): Promise<void> {
    await this.dataSource.getRepository(DataConnectionEntity).update({ id, orgId: scope.orgId }, { lifecycle, updatedAt: new Date() });
  }

  async deleteRow(scope: TenantScope, id: string): Promise<void> {
    await this.dataSource.getRepository(DataConnectionEntity).delete({ id, orgId: scope.orgId });
  }

  async findAnyLifecycle(scope: TenantScope, id: string): Promise<DataConnectionEntity | null> {
    return this.dataSource.getRepository(DataConnectionEntity).findOneBy({ id, orgId: scope.orgId });
  }

  private async insertOperation(
    manager: EntityManager,
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
    await manager.getRepository(ConnectionOperationEntity).insert(op);
    return op;
  }
}
