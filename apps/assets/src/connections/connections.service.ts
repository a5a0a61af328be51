import { randomUUID } from 'node:crypto';
import { AppException, ErrorCode, type Page, pageOf, type Principal, type TenantScope } from '@app/core';
import {
  assertPermission,
  AuthzClient,
  formatDataResourceUri,
  organizationObject,
  parseDataResourceUri,
  projectObject,
  userSubject,
} from '@app/authz';
import { ConnectionsRepository, type Visibility } from './persistence/connections.repository.js';
import type { DataConnectionEntity } from './persistence/data-connection.entity.js';
import { ConnectionSaga } from './lifecycle/connection-saga.js';
import { connectionObjectOf } from './lifecycle/connection-tuples.js';
import { GovernanceCredentialsStore, type StoredCredentials } from '../governance/governance-credentials.store.js';
import { rebindChanges, validateConnectionInput, type ConnectionInputMode, type NormalizedConnectionInput } from '../connection-types/connection-input.validator.js';
import { CONNECTION_TYPE_REGISTRY } from '../connection-types/connection-type.registry.js';
import type { ConnectionType } from '../connection-types/connection-type.js';
import { ConnectionDto, type ConnectionSecretDto, type CreateConnectionDto, type UpdateConnectionDto } from './dto/connection.dto.js';
import type { ListConnectionsQuery } from './dto/list-connections.query.js';

/** `Customer Analytics DB` → `customer-analytics-db`. */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 128)
    .replace(/-+$/, '');
}

function invalid(errors: Array<{ field: string; message: string }>): AppException {
  return AppException.validation('Connection settings failed validation', { fields: errors });
}

function configKeyOf(type: string): 'database_config' | 'storage_config' {
  return CONNECTION_TYPE_REGISTRY[type as ConnectionType].config_key;
}

export function toDto(row: DataConnectionEntity): ConnectionDto {
  return ConnectionDto.from(row, configKeyOf(row.connectionType));
}

/** PATCH semantics: given fields replace, `null` removes, the rest is kept. */
function mergePartial(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** 422 REBIND_REQUIRES_CREDENTIALS when an update without credentials moves or weakens where they go. */
function assertNoRebind(before: { type: ConnectionType; config: Record<string, unknown> }, after: { type: ConnectionType; config: Record<string, unknown> }): void {
  const changed = rebindChanges(before, after);
  if (changed.length) {
    throw new AppException(ErrorCode.REBIND_REQUIRES_CREDENTIALS, 'Changing where credentials are sent, or weakening how, requires new credentials in the same request', {
      changed_fields: changed,
    });
  }
}

/** Splits `selected_tables` out of a database config: it has its own column. */
function splitConfig(config: Record<string, unknown>): { config: Record<string, unknown>; selectedTables: string[] } {
  const { selected_tables, ...rest } = config;
  return { config: rest, selectedTables: Array.isArray(selected_tables) ? (selected_tables as string[]) : [] };
}

/** Data connections: metadata here, credentials in Governance, decisions in OpenFGA. */
export class ConnectionsService {
  constructor(
    private readonly connections: ConnectionsRepository,
    private readonly authz: AuthzClient,
    private readonly saga: ConnectionSaga,
    private readonly credentials: GovernanceCredentialsStore,
  ) {}

  async create(principal: Principal, headerProject: string | null, body: CreateConnectionDto): Promise<ConnectionDto> {
    if (typeof body.project_id === 'string' && body.project_id !== headerProject) {
      throw AppException.validation('project_id must be null or match X-Project-ID', { fields: [{ field: 'project_id', message: 'project_id must be null or match X-Project-ID' }] });
    }
    const scope: TenantScope = { orgId: principal.orgId, projectId: body.project_id === null ? null : headerProject };
    await assertPermission(
      this.authz,
      principal,
      'can_create_resources',
      scope.projectId ? projectObject(scope.orgId, scope.projectId) : organizationObject(scope.orgId),
      scope.projectId ? 'Project' : 'Organization',
    );
    const input = this.validate(body, 'create');
    const resourceUri = this.resourceUriFor(scope, body);
    const { config, selectedTables } = splitConfig(input.config);
    const row = {
      id: randomUUID(),
      orgId: scope.orgId,
      projectId: scope.projectId,
      resourceUri,
      name: body.name.trim(),
      connectionType: input.type,
      authType: input.auth_type,
      description: body.description ?? null,
      status: 'PENDING' as const,
      tags: [...new Set(body.tags ?? [])],
      config,
      selectedTables,
      pool: input.pool as unknown as Record<string, unknown>,
      createdBy: principal.userId,
      lastVerifiedAt: null,
      lastVerification: null,
    };
    await this.saga.create(principal, row, { auth_type: input.auth_type, credentials: input.credentials ?? {} }, {
      project_id: scope.projectId,
      action: 'data_connection.create',
      resource_type: 'data_connection',
      resource_id: resourceUri,
      details: { connection_type: input.type, name: row.name },
    });
    const created = await this.connections.findActive(scope, resourceUri);
    if (!created) throw AppException.notFound('Data connection');
    return toDto(created);
  }

  /** Loads a connection the guard has already authorized, inside the request's tenant scope. */
  async load(principal: Principal, headerProject: string | null, resourceUri: string): Promise<DataConnectionEntity> {
    const row = await this.connections.findActive({ orgId: principal.orgId, projectId: headerProject }, resourceUri);
    if (!row) throw AppException.notFound('Data connection');
    return row;
  }

  async list(principal: Principal, headerProject: string | null, query: ListConnectionsQuery): Promise<Page<ConnectionDto & { scope: string }>> {
    const scope: TenantScope = { orgId: principal.orgId, projectId: headerProject };
    const visibility = await this.visibility(principal, scope);
    // Listing inside a project needs can_read on it, like every other project-scoped read.
    if (scope.projectId && !visibility.project) throw AppException.notFound('Project');
    const createdBy = query.created_by ?? query.owner_id;
    const [rows, total] = await this.connections.list(scope, visibility, {
      search: query.search,
      connectionType: query.connection_type,
      status: query.status,
      tags: query.tags?.split(','),
      createdBy,
      sort: query.sort,
      page: query.page,
      limit: query.limit,
    });
    return pageOf(rows.map(toDto), total, query.page, query.limit);
  }

  async update(principal: Principal, headerProject: string | null, resourceUri: string, body: UpdateConnectionDto, mode: 'update-full' | 'update-partial'): Promise<ConnectionDto> {
    const row = await this.load(principal, headerProject, resourceUri);
    const scope: TenantScope = { orgId: row.orgId, projectId: row.projectId };
    if (body.credentials) {
      try {
        await assertPermission(this.authz, principal, 'can_manage_secrets', connectionObjectOf({ orgId: row.orgId, projectId: row.projectId, slug: parseDataResourceUri(row.resourceUri)!.name }), 'Data connection');
      } catch (denied) {
        // A delete that won the race took the tuples with it: the connection is gone, not forbidden.
        if (!(await this.connections.findActive(scope, row.resourceUri))) throw AppException.notFound('Data connection');
        throw denied;
      }
    }
    const existingConfig: Record<string, unknown> = { ...row.config, ...(row.selectedTables.length ? { selected_tables: row.selectedTables } : {}) };
    const type = (body.connection_type ?? row.connectionType) as ConnectionType;
    const configKey = configKeyOf(type);
    const given = body[configKey];
    const nextConfig: Record<string, unknown> = mode === 'update-partial' ? mergePartial(existingConfig, given ?? {}) : (given ?? (type === row.connectionType ? existingConfig : {}));
    // Rebind protection: credentials may not silently follow a new destination or a weaker
    // transport. Checked on the submitted settings here, and again on the validated ones below.
    const before = { type: row.connectionType as ConnectionType, config: existingConfig };
    if (!body.credentials) assertNoRebind(before, { type, config: nextConfig });
    const submitted = {
      connection_type: type,
      database_config: body.database_config,
      storage_config: body.storage_config,
      [configKey]: mode === 'update-partial' ? (given ?? {}) : nextConfig,
      credentials: body.credentials,
      pool: body.pool,
    };
    const existing = { type: row.connectionType as ConnectionType, config: existingConfig, pool: row.pool as never };
    const input = this.validate(submitted, mode, existing);
    if (!input.credentials) assertNoRebind(before, { type: input.type, config: input.config });
    const { config, selectedTables } = splitConfig(input.config);
    const changes: Partial<DataConnectionEntity> = {
      ...(body.name !== undefined ? { name: body.name.trim() } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...(body.tags !== undefined ? { tags: [...new Set(body.tags)] } : {}),
      ...(body.status !== undefined ? { status: body.status } : {}),
      connectionType: input.type,
      authType: input.auth_type,
      config,
      selectedTables,
      pool: input.pool as unknown as Record<string, unknown>,
    };
    const audit = {
      project_id: row.projectId,
      action: 'data_connection.update',
      resource_type: 'data_connection',
      resource_id: row.resourceUri,
      details: { credentials_changed: Boolean(input.credentials), fields: Object.keys(body).filter((k) => k !== 'credentials') },
    };
    // Every write compares and sets the revision this request read: of concurrent changes exactly
    // one applies, and the others get 409 having stored nothing (a credential change claims the
    // connection before it writes a secret). The answer is the row as this request committed it.
    if (input.credentials) {
      return toDto(await this.saga.replaceCredentials(principal, row, { auth_type: input.auth_type, credentials: input.credentials }, changes, audit));
    }
    await this.connections.assertCurrent(scope, row);
    await this.saga.recordAudit(principal, audit);
    return toDto(await this.connections.update(scope, row, changes));
  }

  async delete(principal: Principal, headerProject: string | null, resourceUri: string): Promise<void> {
    const row = await this.load(principal, headerProject, resourceUri);
    await this.saga.delete(principal, row, {
      project_id: row.projectId,
      action: 'data_connection.delete',
      resource_type: 'data_connection',
      resource_id: row.resourceUri,
      details: { connection_type: row.connectionType },
    });
  }

  /**
   * Fetched from Governance on every call, as the caller; nothing is cached here. Governance's
   * audit interceptor records the read under this request's id before it returns the value, and
   * answers 503 with no value when it cannot: so this route fails closed too.
   */
  async readSecret(principal: Principal, headerProject: string | null, resourceUri: string, requestId?: string): Promise<ConnectionSecretDto> {
    let row = await this.load(principal, headerProject, resourceUri);
    let stored: StoredCredentials;
    for (let attempt = 1; ; attempt++) {
      try {
        stored = await this.credentials.read(principal, row.resourceUri, row.credentialsVersion, requestId);
        break;
      } catch (error) {
        // A credential change committed between reading the row and the secret removes the version
        // read here: read the row again and follow it (bounded; a lost permission stays a 404).
        const current = error instanceof AppException && error.code === ErrorCode.RESOURCE_NOT_FOUND && attempt < 3 ? await this.connections.findActive({ orgId: principal.orgId, projectId: headerProject }, resourceUri) : null;
        if (!current || current.credentialsVersion === row.credentialsVersion) throw error;
        row = current;
      }
    }
    return {
      resource_uri: row.resourceUri,
      connection_type: row.connectionType,
      auth_type: stored.auth_type,
      credentials: stored.credentials,
      version: row.credentialsVersion,
    };
  }

  validate(body: object, mode: ConnectionInputMode, existing?: Parameters<typeof validateConnectionInput>[2]): NormalizedConnectionInput {
    const result = validateConnectionInput(body as Parameters<typeof validateConnectionInput>[0], mode, existing);
    if (!result.ok) throw invalid(result.errors);
    return result.value;
  }

  private resourceUriFor(scope: TenantScope, body: CreateConnectionDto): string {
    if (body.resource_uri === undefined) {
      const slug = slugOf(body.name);
      if (!slug) throw invalid([{ field: 'name', message: 'name must contain at least one letter or digit' }]);
      return formatDataResourceUri({ orgId: scope.orgId, projectId: scope.projectId, name: slug });
    }
    const parsed = parseDataResourceUri(body.resource_uri);
    if (!parsed || parsed.orgId !== scope.orgId || parsed.projectId !== scope.projectId) {
      throw invalid([
        {
          field: 'resource_uri',
          message: `resource_uri must look like data:${scope.orgId}:${scope.projectId ?? ''}:<name> (lowercase letters, digits, - and _)`,
        },
      ]);
    }
    return body.resource_uri;
  }

  /**
   * What the caller may list, from four checks in one batch (never one per row). Under the model
   * this is exact: connection `can_read` is project `can_read`, or for org-level ones org admin,
   * a viewer of any project in the org, or the creator while an org member.
   */
  private async visibility(principal: Principal, scope: TenantScope): Promise<Visibility> {
    const user = userSubject(principal.userId);
    const org = organizationObject(scope.orgId);
    const [project, admin, projectViewer, member] = await this.authz.batchCheck([
      scope.projectId ? { user, relation: 'can_read', object: projectObject(scope.orgId, scope.projectId) } : { user, relation: 'admin', object: org },
      { user, relation: 'admin', object: org },
      { user, relation: 'project_viewer', object: org },
      { user, relation: 'member', object: org },
    ]);
    return {
      project: Boolean(scope.projectId) && project,
      orgLevel: admin || projectViewer,
      orgLevelCreatedBy: member ? principal.userId : null,
    };
  }
}
