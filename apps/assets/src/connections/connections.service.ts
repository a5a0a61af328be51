import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { AppException, ErrorCode, type Page, pageOf, type Principal, type TenantScope } from '@app/core';
import {
  assertPermission,
  AuthzClient,
  organizationObject,
  parseDataResourceUri,
  projectObject,
  userSubject,
} from '@app/authz';
import { CLOCK, type Clock } from '../common/index.js';
import { ConnectionsRepository, type Visibility } from './persistence/connections.repository.js';
import type { DataConnectionEntity } from './persistence/data-connection.entity.js';
import { ConnectionSaga } from './lifecycle/connection-saga.js';
import { connectionObjectOf } from './lifecycle/connection-tuples.js';
import { AuditRecorder, GovernanceCredentialsStore, type StoredCredentials } from '../governance/index.js';
import {
  validateConnectionInput,
  type ConnectionInputMode,
  type NormalizedConnectionInput,
} from '../connection-types/index.js';
import {
  ConnectionDto,
  type ConnectionSecretDto,
  type CreateConnectionDto,
  type UpdateConnectionDto,
} from './dto/connection.dto.js';
import type { ListConnectionsQuery } from './dto/list-connections.query.js';
import { configKeyOf } from './connection-config.mapper.js';
import { createScopeOf, planConnectionCreate } from './connection-create.planner.js';
import { planConnectionUpdate, type UpdateMode } from './connection-update.planner.js';
import { invalidSettings, violationError } from './connection-violation.js';
import { TunnelKeys } from './tunnel/tunnel-keys.js';
import { tunnelConfigOf } from '../verification/index.js';

export function toDto(row: DataConnectionEntity): ConnectionDto {
  return ConnectionDto.from(row, configKeyOf(row.connectionType));
}

/** Data connections: metadata here, credentials in Governance, decisions in OpenFGA. */
@Injectable()
export class ConnectionsService {
  constructor(
    private readonly connections: ConnectionsRepository,
    private readonly authz: AuthzClient,
    private readonly saga: ConnectionSaga,
    private readonly credentials: GovernanceCredentialsStore,
    private readonly audit: AuditRecorder,
    @Inject(CLOCK) private readonly now: Clock,
    @Optional() private readonly tunnelKeys: TunnelKeys = new TunnelKeys(credentials, now),
  ) {}

  async create(
    principal: Principal,
    headerProject: string | null,
    body: CreateConnectionDto,
  ): Promise<ConnectionDto> {
    const placed = createScopeOf(principal.orgId, headerProject, body);
    if (!placed.ok) throw violationError(placed.violation);
    const { scope } = placed;
    await assertPermission(
      this.authz,
      principal,
      'can_create_resources',
      scope.projectId ? projectObject(scope.orgId, scope.projectId) : organizationObject(scope.orgId),
      scope.projectId ? 'Project' : 'Organization',
    );
    const plan = planConnectionCreate(scope, body, { id: randomUUID(), createdBy: principal.userId });
    if (!plan.ok) throw violationError(plan.violation);
    // A managed SSH key is generated here, once the settings are known to be valid.
    const sealed = await this.tunnelKeys.sealOnCreate(
      plan.row.resourceUri,
      plan.row.config,
      plan.credentials,
    );
    const row = { ...plan.row, config: sealed.config };
    await this.saga.create(principal, row, sealed.secret, {
      project_id: scope.projectId,
      action: 'data_connection.create',
      resource_type: 'data_connection',
      resource_id: row.resourceUri,
      details: { connection_type: row.connectionType, name: row.name },
    });
    const created = await this.connections.findActive(scope, row.resourceUri);
    if (!created) throw AppException.notFound('Data connection');
    return toDto(created);
  }

  /** Loads a connection the guard has already authorized, inside the request's tenant scope. */
  async load(
    principal: Principal,
    headerProject: string | null,
    resourceUri: string,
  ): Promise<DataConnectionEntity> {
    const row = await this.connections.findActive(
      { orgId: principal.orgId, projectId: headerProject },
      resourceUri,
    );
    if (!row) throw AppException.notFound('Data connection');
    return row;
  }

  /** Records a verification's outcome on the connection (its own tenant scope); a DISABLED one stays disabled. */
  async recordVerification(
    row: DataConnectionEntity,
    outcome: { success: boolean; message: string; latency_ms: number },
  ): Promise<void> {
    const scope: TenantScope = { orgId: row.orgId, projectId: row.projectId };
    await this.connections.recordVerification(scope, row.id, outcome.success ? 'ACTIVE' : 'ERROR', outcome);
  }

  /**
   * The resource URI a reference names, for features that take `data:…` or a connection's name
   * (storage's `?connection=`). A name is looked up case-insensitively (names are unique per scope)
   * in the X-Project-ID project first, then at org level; nothing is authorized here.
   */
  async resolveReference(principal: Principal, projectId: string, reference: string): Promise<string> {
    if (reference.startsWith('data:')) {
      if (!parseDataResourceUri(reference))
        throw AppException.invalidRequest('connection is not a valid data resource URI', {
          fields: [{ field: 'connection', message: 'is not a valid data resource URI' }],
        });
      return reference;
    }
    const name = reference.trim();
    if (!name || name.length > 255)
      throw AppException.invalidRequest('connection must be one resource URI or connection name', {
        fields: [
          { field: 'connection', message: 'must be one resource URI or connection name (1-255 characters)' },
        ],
      });
    const resourceUri = await this.connections.findActiveUriByName(
      { orgId: principal.orgId, projectId },
      name,
    );
    if (!resourceUri) throw AppException.notFound('Data connection');
    return resourceUri;
  }

  async list(
    principal: Principal,
    headerProject: string | null,
    query: ListConnectionsQuery,
  ): Promise<Page<ConnectionDto & { scope: string }>> {
    const scope: TenantScope = { orgId: principal.orgId, projectId: headerProject };
    const visibility = await this.visibility(principal, scope);
    // Listing inside a project needs can_read on it, like every other project-scoped read.
    if (scope.projectId && !visibility.project) throw AppException.notFound('Project');
    const createdBy = query.created_by ?? query.owner_id;
    const [rows, total] = await this.connections.list(scope, visibility, {
      search: query.search,
      connectionType: query.connection_type,
      status: query.status,
      health: query.health,
      tags: query.tags?.split(','),
      createdBy,
      sort: query.sort,
      page: query.page,
      limit: query.limit,
    });
    return pageOf(rows.map(toDto), total, query.page, query.limit);
  }

  async update(
    principal: Principal,
    headerProject: string | null,
    resourceUri: string,
    body: UpdateConnectionDto,
    mode: UpdateMode,
  ): Promise<ConnectionDto> {
    const row = await this.load(principal, headerProject, resourceUri);
    const scope: TenantScope = { orgId: row.orgId, projectId: row.projectId };
    if (body.credentials) {
      try {
        await assertPermission(
          this.authz,
          principal,
          'can_manage_secrets',
          connectionObjectOf({
            orgId: row.orgId,
            projectId: row.projectId,
            slug: parseDataResourceUri(row.resourceUri)!.name,
          }),
          'Data connection',
        );
      } catch (denied) {
        // A delete that won the race took the tuples with it: the connection is gone, not forbidden.
        if (!(await this.connections.findActive(scope, row.resourceUri)))
          throw AppException.notFound('Data connection');
        throw denied;
      }
    }
    // What changes and whether it may (rebind protection, the type's schemas): see the planner.
    const plan = planConnectionUpdate(row, body, mode);
    if (!plan.ok) throw violationError(plan.violation);
    const sealed = await this.tunnelKeys.sealOnUpdate(principal, row, plan.changes.config, plan.credentials);
    const changes = { ...plan.changes, config: sealed.config };
    const credentials = sealed.secret;
    const audit = {
      project_id: row.projectId,
      action: 'data_connection.update',
      resource_type: 'data_connection',
      resource_id: row.resourceUri,
      details: {
        credentials_changed: Boolean(credentials),
        fields: Object.keys(body).filter((k) => k !== 'credentials'),
      },
    };
    // Every write compares and sets the revision this request read: of concurrent changes exactly
    // one applies, and the others get 409 having stored nothing (a credential change claims the
    // connection before it writes a secret). The answer is the row as this request committed it.
    if (credentials) {
      // New credentials end a rotation's grace period: the version held in it is retired at its
      // expiry by the retirement pass, but no longer served as "previous".
      const supersede = { previousCredentialsVersion: null, previousVersionExpiresAt: null };
      return toDto(
        await this.saga.replaceCredentials(principal, row, credentials, { ...changes, ...supersede }, audit),
      );
    }
    await this.connections.assertCurrent(scope, row);
    return toDto(
      await this.audit.write(principal, audit, () => this.connections.update(scope, row, changes)),
    );
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
   * Fetched from Governance on every call, as the caller; nothing is cached here. Governance
   * records the read under this request's id before it returns the value, and
   * answers 503 with no value when it cannot: so this route fails closed too.
   *
   * `selector` picks the active version (default), the previous one a rotation keeps readable for
   * its grace period, or one of those two by number; any other version is 404. A promotion never
   * deletes the version it replaces, so a reader racing one always gets a whole version.
   */
  async readSecret(
    principal: Principal,
    headerProject: string | null,
    resourceUri: string,
    selector: string = 'active',
  ): Promise<ConnectionSecretDto> {
    let row = await this.load(principal, headerProject, resourceUri);
    let stored: StoredCredentials;
    let version: number;
    for (let attempt = 1; ; attempt++) {
      version = this.selectVersion(row, selector);
      try {
        stored = await this.credentials.read(principal, row.resourceUri, version);
        break;
      } catch (error) {
        // A change committed between reading the row and the secret removes the version read here
        // (a credential change removes the old active one; retirement, an expired previous one):
        // read the row again and follow it (bounded; a lost permission stays a 404). A version
        // asked for by number is not followed.
        const current =
          error instanceof AppException &&
          error.code === ErrorCode.RESOURCE_NOT_FOUND &&
          attempt < 3 &&
          !/^[0-9]+$/.test(selector)
            ? await this.connections.findActive(
                { orgId: principal.orgId, projectId: headerProject },
                resourceUri,
              )
            : null;
        if (!current || this.selectVersion(current, selector) === version) throw error;
        row = current;
      }
    }
    const inGrace = this.previousInGrace(row);
    const tunnel = tunnelConfigOf(row.config);
    return {
      resource_uri: row.resourceUri,
      connection_type: row.connectionType,
      auth_type: stored.auth_type,
      credentials: stored.credentials,
      version,
      active_version: row.credentialsVersion,
      rotated_at: row.rotatedAt?.toISOString() ?? null,
      ...(inGrace
        ? {
            previous_version: row.previousCredentialsVersion!,
            previous_version_expires_at: row.previousVersionExpiresAt!.toISOString(),
          }
        : {}),
      ...(tunnel
        ? {
            ssh_tunnel: {
              host: tunnel.host,
              port: tunnel.port ?? 22,
              username: tunnel.username,
              auth_method: tunnel.auth_method ?? 'managed_key',
              host_key_fingerprint: tunnel.host_key_fingerprint ?? null,
            },
          }
        : {}),
    };
  }

  /** The version a selector names on this row; 404 when it names none that is readable. */
  private selectVersion(row: DataConnectionEntity, selector: string): number {
    if (selector === 'active') return row.credentialsVersion;
    const previous = this.previousInGrace(row) ? row.previousCredentialsVersion : null;
    if (selector === 'previous') {
      if (previous === null) throw AppException.notFound('Previous credentials version');
      return previous;
    }
    const asked = Number(selector);
    if (asked === row.credentialsVersion || asked === previous) return asked;
    throw AppException.notFound('Credentials version');
  }

  private previousInGrace(row: DataConnectionEntity): boolean {
    return (
      row.previousCredentialsVersion !== null &&
      row.previousVersionExpiresAt !== null &&
      row.previousVersionExpiresAt.getTime() > this.now()
    );
  }

  /** Settings checked against the type's schemas, for callers that store nothing (verify before saving). */
  validate(body: object, mode: ConnectionInputMode): NormalizedConnectionInput {
    const result = validateConnectionInput(body as Parameters<typeof validateConnectionInput>[0], mode);
    if (!result.ok) throw violationError(invalidSettings(result.errors));
    return result.value;
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
      scope.projectId
        ? { user, relation: 'can_read', object: projectObject(scope.orgId, scope.projectId) }
        : { user, relation: 'admin', object: org },
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
