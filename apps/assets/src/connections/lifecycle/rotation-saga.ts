import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  AppException,
  DependencyUnavailableError,
  type Principal,
  SystemScope,
  type TenantScope,
} from '@app/core';
import { CLOCK, type Clock } from '../../common/index.js';
import type { ConnectionType } from '../../connection-types/index.js';
import {
  type AuditDraft,
  AuditRecorder,
  GovernanceCredentialsStore,
  type StoredCredentials,
} from '../../governance/index.js';
import { type VerificationReport, VerificationService } from '../../verification/index.js';
import { type ConnectionEvent, ConnectionEvents, eventIdOf } from '../../notifications/index.js';
import type { ClaimedOperation } from '../persistence/connection-operations.repository.js';
import type { ConnectionRotationEntity } from '../persistence/connection-rotation.entity.js';
import {
  ConnectionRotationsRepository,
  type DueRotation,
  versionInGraceOf,
} from '../persistence/connection-rotations.repository.js';
import { ConnectionsRepository } from '../persistence/connections.repository.js';
import type { DataConnectionEntity } from '../persistence/data-connection.entity.js';

/** The error code a rotation records when it did not reach verification's verdict. */
export const ROTATION_INTERRUPTED = 'rotation_interrupted';
export const ROTATION_STAGING_FAILED = 'staging_failed';
export const ROTATION_VERIFICATION_UNAVAILABLE = 'verification_unavailable';

/** The retirement pass works across tenants: each claimed rotation carries its own. */
const RETIREMENT = SystemScope.of('rotation-retirement');
const RETIRE_BATCH = 20;
const RETIRE_LEASE_MS = 60_000;

const scopeOf = (row: { orgId: string; projectId: string | null }): TenantScope => ({
  orgId: row.orgId,
  projectId: row.projectId,
});

export interface RotationRequest {
  secret: StoredCredentials;
  gracePeriodSeconds: number;
}

/**
 * Zero-downtime rotation: claim (revision compare-and-set, a `rotate` operation in the outbox) →
 * stage version N+1 in Governance as the caller → verify it with the row's settings → promote (N+1
 * active, N readable until its grace ends) or, on a failed verification, delete N+1 and leave N
 * active. Every step is audited. A request that dies mid-way leaves a pending operation that
 * `reconcile` finishes or undoes; versions in grace are deleted by `retireDue` once they expire.
 *
 * `rotationStarted`, `rotationPromoted` and `rotationFailed` are the one place each step is
 * recorded (event publishing hooks in there).
 */
@Injectable()
export class ConnectionRotationSaga {
  private readonly logger = new Logger(ConnectionRotationSaga.name);

  constructor(
    private readonly rotations: ConnectionRotationsRepository,
    private readonly connections: ConnectionsRepository,
    private readonly credentials: GovernanceCredentialsStore,
    private readonly engine: VerificationService,
    private readonly audit: AuditRecorder,
    private readonly events: ConnectionEvents,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  async rotate(
    principal: Principal,
    row: DataConnectionEntity,
    request: RotationRequest,
  ): Promise<{ rotation: ConnectionRotationEntity; report: VerificationReport | null }> {
    const scope = scopeOf(row);
    const { operation, rotation, revision } = await this.rotationStarted(principal, row, request);
    const ids = { rotationId: rotation.id, operationId: operation.id };
    let report: VerificationReport;
    try {
      await this.credentials.put(principal, row.resourceUri, rotation.toVersion, request.secret);
    } catch (error) {
      // Nothing was promoted: the staged version (if it landed) goes, and the rotation failed.
      await this.abandon(principal, row, ids, rotation.toVersion, ROTATION_STAGING_FAILED, 'staging failed');
      throw asUnavailable(error);
    }
    try {
      await this.rotations.markVerifying(scope, rotation.id, new Date(this.now()));
      report = await this.engine.verify(
        {
          type: row.connectionType as ConnectionType,
          auth_type: request.secret.auth_type,
          config: { ...row.config, auth_type: request.secret.auth_type },
          credentials: request.secret.credentials,
        },
        { orgId: row.orgId, selectedTables: row.selectedTables },
      );
    } catch (error) {
      await this.abandon(
        principal,
        row,
        ids,
        rotation.toVersion,
        ROTATION_VERIFICATION_UNAVAILABLE,
        'verification could not run',
      );
      throw error instanceof AppException ? error : asUnavailable(error);
    }
    if (!report.success) {
      const failed = await this.abandon(
        principal,
        row,
        ids,
        rotation.toVersion,
        report.details.error_code ?? 'verification_failed',
        report.message,
      );
      // Not recorded (Governance or the audit log is down): the reconciler finishes the undo.
      if (!failed)
        throw new DependencyUnavailableError('a dependency (the rotation is undone in the background)');
      return { rotation: failed, report };
    }
    try {
      const promoted = await this.rotationPromoted(principal, row, rotation, { ...ids, revision });
      // A zero grace period, or a version another rotation held in grace: deleted now, not at the next pass.
      await this.retireDue(row.id).catch(() => undefined);
      return { rotation: promoted, report };
    } catch (error) {
      // A switch that committed although its answer was lost is not undone.
      const current = await this.connections.findAnyLifecycle(scope, row.id).catch(() => null);
      if (current?.credentialsVersion === rotation.toVersion) throw asUnavailable(error);
      await this.abandon(principal, row, ids, rotation.toVersion, ROTATION_INTERRUPTED, 'promotion failed');
      throw asUnavailable(error);
    }
  }

  /** Audit first, then the claim: no rotation exists that its audit log does not show. */
  private async rotationStarted(principal: Principal, row: DataConnectionEntity, request: RotationRequest) {
    const started = await this.audit.write(
      principal,
      draft(row, 'data_connection.rotation.started', {
        from_version: row.credentialsVersion,
        auth_type: request.secret.auth_type,
        grace_period_seconds: request.gracePeriodSeconds,
      }),
      () =>
        this.rotations.begin(scopeOf(row), row, {
          actorId: principal.userId,
          toAuthType: request.secret.auth_type,
          gracePeriodSeconds: request.gracePeriodSeconds,
          now: new Date(this.now()),
        }),
    );
    await this.announce(started.rotation, 'connection.rotation.started', principal.userId, {
      from_version: started.rotation.fromVersion,
      grace_period_seconds: started.rotation.gracePeriodSeconds,
    });
    return started;
  }

  private async rotationPromoted(
    principal: Principal,
    row: DataConnectionEntity,
    rotation: ConnectionRotationEntity,
    claim: { rotationId: string; operationId: string; revision: number },
  ): Promise<ConnectionRotationEntity> {
    const now = new Date(this.now());
    const expiresAt = new Date(now.getTime() + rotation.gracePeriodSeconds * 1000);
    const { rotation: promoted } = await this.audit.write(
      principal,
      draft(row, 'data_connection.rotation.promoted', {
        rotation_id: rotation.id,
        from_version: rotation.fromVersion,
        to_version: rotation.toVersion,
        previous_version_expires_at: expiresAt.toISOString(),
      }),
      () =>
        this.rotations.promote(
          scopeOf(row),
          { connectionId: row.id, ...claim },
          {
            toVersion: rotation.toVersion,
            fromVersion: rotation.fromVersion,
            authType: rotation.toAuthType,
            now,
            expiresAt,
          },
        ),
    );
    await this.announcePromoted(promoted, principal.userId);
    return promoted;
  }

  private announcePromoted(rotation: ConnectionRotationEntity, actor: string | null): Promise<void> {
    return this.announce(rotation, 'connection.rotation.promoted', actor, {
      from_version: rotation.fromVersion,
      to_version: rotation.toVersion,
      previous_version_expires_at: rotation.previousVersionExpiresAt?.toISOString() ?? null,
    });
  }

  /**
   * A step's event, after the step committed, under an id stable per rotation and step (a repeat
   * by the reconciler stores nothing new). A failure to publish is logged: the step stands.
   */
  private async announce(
    rotation: ConnectionRotationEntity,
    type: ConnectionEvent['type'],
    actor: string | null,
    data: Record<string, unknown>,
  ): Promise<void> {
    try {
      await this.events.publish({
        id: eventIdOf(rotation.id, type),
        type,
        orgId: rotation.orgId,
        projectId: rotation.projectId,
        resourceUri: rotation.resourceUri,
        data: { rotation_id: rotation.id, ...data },
        actor,
      });
    } catch (error) {
      this.logger.error(
        { rotation: rotation.id, type, err: (error as Error)?.name },
        'The rotation step committed, but its event could not be published',
      );
    }
  }

  /** The rotation failed: its record says why (never a credential); the operation closes. */
  private async rotationFailed(
    actor: Principal | null,
    target: Pick<DataConnectionEntity, 'orgId' | 'projectId' | 'resourceUri'>,
    ids: { rotationId: string; operationId: string },
    reason: { code: string; message: string },
  ): Promise<ConnectionRotationEntity | null> {
    const failed = await this.audit.write(
      actor,
      {
        ...draft(target, 'data_connection.rotation.failed', {
          rotation_id: ids.rotationId,
          error_code: reason.code,
        }),
        org_id: target.orgId,
      },
      () => this.rotations.fail(scopeOf(target), ids, { ...reason, now: new Date(this.now()) }),
    );
    if (failed)
      await this.announce(failed, 'connection.rotation.failed', actor?.userId ?? null, {
        error_code: failed.errorCode,
      });
    return failed;
  }

  /**
   * Undoes a rotation that will not be promoted: the staged version is deleted (as the caller, else
   * the service account), then the rotation is recorded as failed. If either step fails, the
   * operation stays pending and the reconciler finishes the undo.
   */
  private async abandon(
    principal: Principal,
    row: DataConnectionEntity,
    ids: { rotationId: string; operationId: string },
    stagedVersion: number,
    code: string,
    message: string,
  ): Promise<ConnectionRotationEntity | null> {
    try {
      await this.credentials.purge(principal, row.resourceUri, stagedVersion);
      return await this.rotationFailed(principal, row, ids, { code, message });
    } catch {
      this.logger.warn(
        { resource_uri: row.resourceUri },
        'Staged credentials version left for the reconciler',
      );
      return null;
    }
  }

  /**
   * Finishes or undoes an interrupted rotation, as the service account: promoted (the row points at
   * the staged version) → completed; otherwise the staged version is deleted and the rotation failed.
   */
  async reconcile(op: ClaimedOperation): Promise<'completed' | 'rolled_back'> {
    const scope = scopeOf(op);
    const row = await this.connections.findAnyLifecycle(scope, op.connectionId);
    const rotation = await this.rotations.findByOperation(scope, op);
    const now = new Date(this.now());
    if (row && row.credentialsVersion === op.secretVersion) {
      if (rotation) {
        await this.rotations.markPromoted(scope, rotation.id, row.previousVersionExpiresAt, now);
        // The request may have died between its promotion and the event: same id, published once.
        await this.announcePromoted(
          { ...rotation, previousVersionExpiresAt: row.previousVersionExpiresAt },
          null,
        );
      }
      await this.rotations.closeOperation(scope, op.id, 'completed', now);
      return 'completed';
    }
    await this.credentials.purge(null, op.resourceUri, op.secretVersion);
    if (rotation)
      await this.rotationFailed(
        null,
        op,
        { rotationId: rotation.id, operationId: op.id },
        {
          code: ROTATION_INTERRUPTED,
          message: 'The rotation was interrupted before promotion; the staged version was deleted',
        },
      );
    else await this.rotations.closeOperation(scope, op.id, 'rolled_back', now);
    return 'rolled_back';
  }

  /**
   * Deletes the versions whose grace has ended (as the service account) and retires their
   * rotations. Safe on several replicas (claims under a lease, SKIP LOCKED); a failed deletion is
   * retried when its lease runs out.
   */
  async retireDue(connectionId?: string): Promise<{ retired: number; failed: number }> {
    const result = { retired: 0, failed: 0 };
    for (;;) {
      const due = await this.rotations.claimDue(RETIREMENT, new Date(this.now()), {
        limit: RETIRE_BATCH,
        leaseMs: RETIRE_LEASE_MS,
        connectionId,
      });
      for (const rotation of due) {
        try {
          await this.retire(rotation);
          result.retired += 1;
        } catch (error) {
          result.failed += 1;
          await this.rotations.releaseLease(scopeOf(rotation), rotation.id).catch(() => undefined);
          this.logger.warn(
            { rotation: rotation.id, err: (error as Error)?.name },
            'Retiring a credentials version failed; retrying later',
          );
        }
      }
      // A failed one is released at once: stop rather than claim it again in this pass.
      if (due.length < RETIRE_BATCH || result.failed > 0) return result;
    }
  }

  private async retire(rotation: DueRotation): Promise<void> {
    const scope = scopeOf(rotation);
    const version = versionInGraceOf(rotation);
    await this.credentials.deleteAsService(rotation.orgId, rotation.resourceUri, version);
    await this.audit.write(
      null,
      {
        ...draft(rotation, 'data_connection.rotation.retired', { rotation_id: rotation.id, version }),
        org_id: rotation.orgId,
      },
      () => this.rotations.markRetired(scope, rotation, new Date(this.now())),
    );
  }
}

function draft(
  target: Pick<DataConnectionEntity, 'projectId' | 'resourceUri'>,
  action: string,
  details: Record<string, unknown>,
): AuditDraft {
  return {
    project_id: target.projectId,
    action,
    resource_type: 'data_connection',
    resource_id: target.resourceUri,
    details,
  };
}

function asUnavailable(error: unknown): AppException {
  return error instanceof AppException ? error : new DependencyUnavailableError('a dependency', error);
}
