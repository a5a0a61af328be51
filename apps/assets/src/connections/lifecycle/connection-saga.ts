import { Injectable, Logger } from '@nestjs/common';
import { AppException, DependencyUnavailableError, type Principal, type TenantScope } from '@app/core';
import { AuthzClient } from '@app/authz';
import {
  ConnectionsRepository,
  type NewConnectionRow,
  OPERATION_LEASE_MS,
} from '../persistence/connections.repository.js';
import {
  ConnectionOperationsRepository,
  type ClaimedOperation,
} from '../persistence/connection-operations.repository.js';
import type { DataConnectionEntity } from '../persistence/data-connection.entity.js';
import {
  type AuditDraft,
  AuditRecorder,
  GovernanceCredentialsStore,
  GovernanceUnavailableError,
  type StoredCredentials,
} from '../../governance/index.js';
import { ConnectionEvents } from '../../notifications/index.js';
import { type ConnectionRef, connectionTuples, deleteAllConnectionTuples } from './connection-tuples.js';
import { parseDataResourceUri } from '@app/authz';

export type { AuditDraft };

function refOf(row: Pick<DataConnectionEntity, 'resourceUri'>): ConnectionRef {
  const parsed = parseDataResourceUri(row.resourceUri);
  if (!parsed) throw new Error('stored resource URI is malformed');
  return { orgId: parsed.orgId, projectId: parsed.projectId, slug: parsed.name };
}

const scopeOfRow = (row: { orgId: string; projectId: string | null }): TenantScope => ({
  orgId: row.orgId,
  projectId: row.projectId,
});

/**
 * How long a secret write whose outcome is unknown may still land: longer than any deadline
 * Governance can hold a request to (GOVERNANCE_TIMEOUT_MS and GOVERNANCE_REQUEST_TIMEOUT_MS are at
 * most 60 s, and Governance sends nothing after it), with a minute to spare for a backend
 * that applies a write it received late. Until then the operation stays pending, and the
 * reconciler's purge after it catches a write that landed behind the first undo.
 */
export const WRITE_SETTLE_MS = OPERATION_LEASE_MS;

/**
 * A secret write that failed without a clear answer (a timeout, a dropped connection, a 5xx) may
 * have been applied, or may be applied later; a 4xx says it was not, and so does Governance's
 * AUDIT_UNAVAILABLE (its audit event is written before anything is sent).
 */
function writeOutcomeUnknown(error: unknown): boolean {
  if (error instanceof GovernanceUnavailableError && error.governanceCode === 'AUDIT_UNAVAILABLE')
    return false;
  return !(error instanceof AppException) || error.status >= 500;
}

/** Anything thrown by a dependency mid-saga: surface 4xx we raised on purpose, else a 503. */
function asUnavailable(error: unknown, dependency: string): AppException {
  return error instanceof AppException ? error : new DependencyUnavailableError(dependency, error);
}

/**
 * Create, credential change and delete each touch three systems: the Assets database, the
 * secrets backend (through Governance) and the authz tuples. Each starts by recording an
 * operation in the outbox; every step is idempotent; a failure compensates at once, and a
 * crash is finished or undone by `reconcile`, so no secret or tuple is ever orphaned and no
 * connection is visible without its secret.
 */
@Injectable()
export class ConnectionSaga {
  private readonly logger = new Logger(ConnectionSaga.name);

  constructor(
    private readonly connections: ConnectionsRepository,
    private readonly operations: ConnectionOperationsRepository,
    private readonly authz: AuthzClient,
    private readonly credentials: GovernanceCredentialsStore,
    private readonly audit: AuditRecorder,
    private readonly events: ConnectionEvents,
  ) {}

  /** Row (hidden) → tuples → secret → audit → visible. Any failure undoes what was done. */
  async create(
    principal: Principal,
    row: NewConnectionRow,
    secret: StoredCredentials,
    audit: AuditDraft,
  ): Promise<void> {
    const scope = scopeOfRow(row);
    const op = await this.connections.insertProvisioning(scope, row, principal.userId);
    const ref = refOf(row);
    let inDoubt = false;
    try {
      await this.authz.writeTuples(connectionTuples(ref, principal.userId));
      inDoubt = true;
      await this.credentials.put(principal, row.resourceUri, op.secretVersion, secret);
      inDoubt = false;
      await this.audit.write(principal, audit, () => this.connections.activate(scope, row.id, op.id));
    } catch (error) {
      this.logger.warn(
        { resource_uri: row.resourceUri, err: (error as Error)?.name },
        'Create failed; compensating',
      );
      if (inDoubt && writeOutcomeUnknown(error))
        await this.undoCreate(op, principal, { settle: true }).catch(() =>
          this.operations.holdUntilSettled(scope, op.id, WRITE_SETTLE_MS).catch(() => undefined),
        );
      else
        await this.undoCreate(op, principal).catch(() =>
          this.operations.release(scope, op.id).catch(() => undefined),
        );
      throw asUnavailable(error, 'a dependency');
    }
  }

  /**
   * Claim (revision compare-and-set + the connection's one pending operation + a fresh version,
   * before anything is written) → new secret version → audit → row switch → old version removed.
   * A writer that loses the claim gets 409 and has stored nothing; one that fails later removes its
   * version (as the service account if the caller no longer may), or leaves that to the reconciler.
   * Returns the row as committed.
   */
  async replaceCredentials(
    principal: Principal,
    row: DataConnectionEntity,
    secret: StoredCredentials,
    changes: Partial<DataConnectionEntity>,
    audit: AuditDraft,
  ): Promise<DataConnectionEntity> {
    const scope = scopeOfRow(row);
    const { operation: op, revision } = await this.connections.beginCredentialsUpdate(
      scope,
      row,
      principal.userId,
    );
    let committed: DataConnectionEntity;
    let inDoubt = true;
    try {
      await this.credentials.put(principal, row.resourceUri, op.secretVersion, secret);
      inDoubt = false;
      committed = await this.audit.write(principal, audit, () =>
        this.connections.commitCredentialsUpdate(
          scope,
          { id: row.id, revision, operationId: op.id },
          { ...changes, credentialsVersion: op.secretVersion },
        ),
      );
    } catch (error) {
      // A write in doubt may still land after this purge: the reconciler purges once more, later.
      const settle = inDoubt && writeOutcomeUnknown(error);
      try {
        await this.credentials.purge(principal, row.resourceUri, op.secretVersion);
        if (settle) await this.operations.holdUntilSettled(scope, op.id, WRITE_SETTLE_MS);
        else await this.operations.finishIfPending(scope, op.id, 'rolled_back');
      } catch {
        // Still recorded as pending: the reconciler removes the version as the service account.
        await (
          settle
            ? this.operations.holdUntilSettled(scope, op.id, WRITE_SETTLE_MS)
            : this.operations.release(scope, op.id)
        ).catch(() => undefined);
        this.logger.warn(
          { resource_uri: row.resourceUri },
          'Unused credentials version left for the reconciler',
        );
      }
      throw asUnavailable(error, 'a dependency');
    }
    // The switch is committed; removing the old version may be retried by the reconciler.
    if (op.previousSecretVersion !== null) {
      try {
        await this.credentials.purge(principal, row.resourceUri, op.previousSecretVersion);
        await this.operations.finishIfPending(scope, op.id, 'completed');
      } catch {
        await this.operations.release(scope, op.id).catch(() => undefined);
        this.logger.warn(
          { resource_uri: row.resourceUri },
          'Old credentials version left for the reconciler',
        );
      }
    }
    return committed;
  }

  /**
   * Claimed and hidden at once (revision compare-and-set; 409 while another change is in flight);
   * then every credentials version the connection may have → tuples → row. If a dependency is
   * down the reconciler finishes it.
   */
  async delete(principal: Principal, row: DataConnectionEntity, audit: AuditDraft): Promise<void> {
    const scope = scopeOfRow(row);
    await this.connections.assertCurrent(scope, row);
    const op = await this.audit.write(principal, audit, () =>
      this.connections.beginDelete(scope, row, principal.userId),
    );
    try {
      await this.finishDelete(op, principal);
    } catch (error) {
      await this.operations.release(scope, op.id).catch(() => undefined);
      this.logger.warn(
        { resource_uri: row.resourceUri, err: (error as Error)?.name },
        'Delete interrupted; the reconciler will finish it',
      );
      throw asUnavailable(error, 'a dependency');
    }
  }

  /**
   * Finishes or undoes one interrupted operation, as the Assets service account. Idempotent:
   * running it twice, or on two replicas, ends in the same state.
   */
  async reconcile(op: ClaimedOperation): Promise<'completed' | 'rolled_back'> {
    const scope = scopeOfRow(op);
    const row = await this.connections.findAnyLifecycle(scope, op.connectionId);
    switch (op.kind) {
      case 'create':
        if (row?.lifecycle === 'active') {
          await this.operations.finish(scope, op.id, 'completed');
          return 'completed';
        }
        await this.undoCreate(op, null);
        return 'rolled_back';
      case 'update_credentials':
        if (row && row.credentialsVersion === op.secretVersion) {
          if (op.previousSecretVersion !== null)
            await this.credentials.purge(null, op.resourceUri, op.previousSecretVersion);
          await this.operations.finish(scope, op.id, 'completed');
          return 'completed';
        }
        await this.credentials.purge(null, op.resourceUri, op.secretVersion);
        await this.operations.finish(scope, op.id, 'rolled_back');
        return 'rolled_back';
      case 'delete':
        await this.finishDelete(op, null);
        return 'completed';
      case 'rotate':
        throw new Error('rotations are reconciled by ConnectionRotationSaga');
      default: {
        const unknownKind: never = op.kind;
        throw new Error(`unknown operation ${String(unknownKind)}`);
      }
    }
  }

  /**
   * Every version the connection may have in the secrets backend (not only the current one: also
   * any a failed change could not remove), then every tuple, then the row with its operation.
   */
  private async finishDelete(
    op: Pick<ClaimedOperation, 'id' | 'orgId' | 'projectId' | 'resourceUri' | 'connectionId' | 'actorId'>,
    principal: Principal | null,
  ): Promise<void> {
    const scope = scopeOfRow(op);
    for (const version of await this.operations.versionsToPurge(scope, op.connectionId)) {
      await this.credentials.purge(principal, op.resourceUri, version);
    }
    await deleteAllConnectionTuples(this.authz, refOf(op));
    // Before the operation closes, keyed by it: a retry by the reconciler publishes nothing twice.
    await this.events.publish({
      id: op.id,
      type: 'connection.deleted',
      orgId: op.orgId,
      projectId: op.projectId,
      resourceUri: op.resourceUri,
      data: {},
      actor: op.actorId,
    });
    await this.connections.deleteRowAndFinish(scope, op.connectionId, op.id, 'completed');
  }

  /**
   * Tries every cleanup step even when one fails; the row (hidden) and its operation are removed
   * only once the secret and the tuples are gone, so the reconciler can always find the rest.
   */
  private async undoCreate(
    op: Pick<
      ClaimedOperation,
      'id' | 'orgId' | 'projectId' | 'resourceUri' | 'connectionId' | 'secretVersion'
    >,
    principal: Principal | null,
    options: { settle?: boolean } = {},
  ): Promise<void> {
    const scope = scopeOfRow(op);
    let clean = true;
    try {
      await this.credentials.purge(principal, op.resourceUri, op.secretVersion);
    } catch {
      clean = false;
    }
    try {
      await deleteAllConnectionTuples(this.authz, refOf(op));
    } catch {
      clean = false;
    }
    if (!clean) throw new DependencyUnavailableError('a dependency (cleanup continues in the background)');
    if (options.settle) {
      // The secret's write is in doubt: it may still land after this purge. The row stays hidden
      // and the operation pending until the reconciler purges again, when no write can be left.
      await this.operations.holdUntilSettled(scope, op.id, WRITE_SETTLE_MS);
      return;
    }
    await this.connections.deleteRowAndFinish(scope, op.connectionId, op.id, 'rolled_back');
  }
}
