import { Inject, Injectable } from '@nestjs/common';
import { AppException, ErrorCode, type Page, pageOf, type PageQueryDto, type Principal } from '@app/core';
import { CLOCK, type Clock } from '../common/index.js';
import { AuditRecorder } from '../governance/index.js';
import { configKeyOf } from './connection-config.mapper.js';
import { planConnectionUpdate } from './connection-update.planner.js';
import { violationError } from './connection-violation.js';
import { ConnectionsService } from './connections.service.js';
import type { CreateRotationDto } from './dto/rotation.dto.js';
import { RotationDto } from './dto/rotation.dto.js';
import { ConnectionRotationSaga } from './lifecycle/rotation-saga.js';
import type { ConnectionRotationEntity } from './persistence/connection-rotation.entity.js';
import { ConnectionRotationsRepository } from './persistence/connection-rotations.repository.js';
import type { DataConnectionEntity } from './persistence/data-connection.entity.js';
import { VerifyRateLimiter } from './verify-rate.limiter.js';
import { TunnelKeys } from './tunnel/tunnel-keys.js';

/** ROTATION_GRACE_PERIOD_DEFAULT_S: the grace period of a rotation that names none. */
export const ROTATION_GRACE_PERIOD_DEFAULT_S = Symbol('ROTATION_GRACE_PERIOD_DEFAULT_S');

/** Why a rotation cannot be rolled back (409), or null when it can be tried. */
export function rollbackRefusal(
  rotation: Pick<
    ConnectionRotationEntity,
    'status' | 'toVersion' | 'fromVersion' | 'previousVersionExpiresAt'
  >,
  row: Pick<DataConnectionEntity, 'credentialsVersion' | 'previousCredentialsVersion'>,
  now: number,
): string | null {
  switch (rotation.status) {
    case 'staged':
    case 'verifying':
      return 'This rotation is still in progress; it can be rolled back once promoted.';
    case 'failed':
      return 'This rotation failed and was never promoted; the active version is the one it started from.';
    case 'rolled_back':
      return 'This rotation was already rolled back.';
    case 'retired':
      return 'The version this rotation replaced was retired at the end of its grace period; it can no longer be rolled back. Start a new rotation instead.';
    case 'promoted':
      if ((rotation.previousVersionExpiresAt?.getTime() ?? 0) <= now)
        return 'The grace period of this rotation has ended and the version it replaced is being retired; it can no longer be rolled back. Start a new rotation instead.';
      if (
        row.credentialsVersion !== rotation.toVersion ||
        row.previousCredentialsVersion !== rotation.fromVersion
      )
        return 'A later rotation or credential change superseded this rotation; only the latest one can be rolled back.';
      return null;
    default: {
      const unknown: never = rotation.status;
      throw new Error(`unknown rotation status ${String(unknown)}`);
    }
  }
}

/** The rotation routes' glue: validation and authorization are done here, the steps by the saga. */
@Injectable()
export class ConnectionRotationsService {
  constructor(
    private readonly connections: ConnectionsService,
    private readonly rotations: ConnectionRotationsRepository,
    private readonly saga: ConnectionRotationSaga,
    private readonly audit: AuditRecorder,
    private readonly rateLimiter: VerifyRateLimiter,
    @Inject(ROTATION_GRACE_PERIOD_DEFAULT_S) private readonly defaultGraceSeconds: number,
    @Inject(CLOCK) private readonly now: Clock,
    private readonly tunnelKeys: TunnelKeys,
  ) {}

  /** The guard checked can_manage_secrets on the connection. */
  async start(
    principal: Principal,
    headerProject: string | null,
    resourceUri: string,
    body: CreateRotationDto,
  ): Promise<RotationDto> {
    const row = await this.connections.load(principal, headerProject, resourceUri);
    // The same rules as new credentials on PATCH: the auth method's schema, a changed method only
    // where the type offers it; the settings themselves do not change.
    const plan = planConnectionUpdate(
      row,
      {
        credentials: body.credentials,
        ...(body.auth_type ? { [configKeyOf(row.connectionType)]: { auth_type: body.auth_type } } : {}),
      },
      'update-partial',
    );
    if (!plan.ok) throw violationError(plan.violation);
    if (!plan.credentials) throw AppException.invalidRequest('credentials are required');
    this.rateLimiter.take(`${principal.orgId}/${principal.userId}`);
    // A managed SSH key is not the caller's to send: the new version keeps the stored one.
    const { secret } = await this.tunnelKeys.sealOnUpdate(principal, row, row.config, plan.credentials);
    const { rotation } = await this.saga.rotate(principal, row, {
      secret: secret!,
      gracePeriodSeconds: body.grace_period_seconds ?? this.defaultGraceSeconds,
    });
    return RotationDto.from(rotation);
  }

  async list(
    principal: Principal,
    headerProject: string | null,
    resourceUri: string,
    query: PageQueryDto,
  ): Promise<Page<RotationDto>> {
    const row = await this.connections.load(principal, headerProject, resourceUri);
    const [rows, total] = await this.rotations.list(
      { orgId: row.orgId, projectId: row.projectId },
      row.id,
      query.page,
      query.limit,
    );
    return pageOf(
      rows.map((r) => RotationDto.from(r)),
      total,
      query.page,
      query.limit,
    );
  }

  async get(
    principal: Principal,
    headerProject: string | null,
    resourceUri: string,
    id: string,
  ): Promise<RotationDto> {
    const { rotation } = await this.loadRotation(principal, headerProject, resourceUri, id);
    return RotationDto.from(rotation);
  }

  /**
   * The replaced version becomes active again; the version the rotation promoted becomes the
   * previous one, readable until the same expiry, then retired. 409 once the grace period is over.
   */
  async rollback(
    principal: Principal,
    headerProject: string | null,
    resourceUri: string,
    id: string,
  ): Promise<RotationDto> {
    const { row, rotation } = await this.loadRotation(principal, headerProject, resourceUri, id);
    const refusal = rollbackRefusal(rotation, row, this.now());
    if (refusal) throw new AppException(ErrorCode.CONFLICT, refusal, { status: rotation.status });
    const { rotation: rolledBack } = await this.audit.write(
      principal,
      {
        project_id: row.projectId,
        action: 'data_connection.rotation.rolled_back',
        resource_type: 'data_connection',
        resource_id: row.resourceUri,
        details: {
          rotation_id: rotation.id,
          from_version: rotation.toVersion,
          to_version: rotation.fromVersion,
        },
      },
      () =>
        this.rotations.rollback(
          { orgId: row.orgId, projectId: row.projectId },
          row,
          rotation.id,
          new Date(this.now()),
        ),
    );
    return RotationDto.from(rolledBack);
  }

  /** The connection the guard authorized and its rotation `id`; 404 when either is missing. */
  private async loadRotation(
    principal: Principal,
    headerProject: string | null,
    resourceUri: string,
    id: string,
  ): Promise<{ row: DataConnectionEntity; rotation: ConnectionRotationEntity }> {
    const row = await this.connections.load(principal, headerProject, resourceUri);
    // Not a UUID: no such rotation (the column is uuid; the query would fail).
    const rotation = UUID.test(id)
      ? await this.rotations.find({ orgId: row.orgId, projectId: row.projectId }, row.id, id)
      : null;
    if (!rotation) throw AppException.notFound('Rotation');
    return { row, rotation };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
