import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppException, type SystemScope, type TenantScope } from '@app/core';
import { isUniqueViolation, ScopedRepository, type ScopedTransaction } from '@app/database';
import { concurrentChange, ConnectionsRepository } from './connections.repository.js';
import type { ConnectionOperationEntity, DataConnectionEntity } from './data-connection.entity.js';
import type { ConnectionRotationEntity, RotationStatus } from './connection-rotation.entity.js';
import { CONNECTION_OPERATIONS, CONNECTION_ROTATIONS, DATA_CONNECTIONS } from './connection.tables.js';

const ROTATION_COLUMNS = `r.id, r.connection_id, r.org_id, r.project_id, r.resource_uri, r.from_version, r.to_version,
  r.from_auth_type, r.to_auth_type, r.status, r.actor_id, r.grace_period_seconds, r.error_code, r.error_message,
  r.created_at, r.updated_at, r.promoted_at, r.previous_version_expires_at, r.rolled_back_at, r.retired_at, r.lease_until`;

interface RawRotation {
  id: string;
  connection_id: string;
  org_id: string;
  project_id: string | null;
  resource_uri: string;
  from_version: number;
  to_version: number;
  from_auth_type: string;
  to_auth_type: string;
  status: RotationStatus;
  actor_id: string;
  grace_period_seconds: number;
  error_code: string | null;
  error_message: string | null;
  created_at: Date;
  updated_at: Date;
  promoted_at: Date | null;
  previous_version_expires_at: Date | null;
  rolled_back_at: Date | null;
  retired_at: Date | null;
  lease_until: Date | null;
}

function rotationOf(r: RawRotation): ConnectionRotationEntity {
  return {
    id: r.id,
    connectionId: r.connection_id,
    orgId: r.org_id,
    projectId: r.project_id,
    resourceUri: r.resource_uri,
    fromVersion: Number(r.from_version),
    toVersion: Number(r.to_version),
    fromAuthType: r.from_auth_type,
    toAuthType: r.to_auth_type,
    status: r.status,
    actorId: r.actor_id,
    gracePeriodSeconds: Number(r.grace_period_seconds),
    errorCode: r.error_code,
    errorMessage: r.error_message,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
    promotedAt: r.promoted_at && new Date(r.promoted_at),
    previousVersionExpiresAt: r.previous_version_expires_at && new Date(r.previous_version_expires_at),
    rolledBackAt: r.rolled_back_at && new Date(r.rolled_back_at),
    retiredAt: r.retired_at && new Date(r.retired_at),
    leaseUntil: r.lease_until && new Date(r.lease_until),
  };
}

/** The version a rotation still holds in grace: the one it replaced, or after a rollback the one it promoted. */
export function versionInGraceOf(
  rotation: Pick<ConnectionRotationEntity, 'status' | 'fromVersion' | 'toVersion'>,
) {
  return rotation.status === 'rolled_back' ? rotation.toVersion : rotation.fromVersion;
}

/** A rotation claimed by the retirement pass; it carries its own tenant scope. */
export type DueRotation = Pick<
  ConnectionRotationEntity,
  'id' | 'connectionId' | 'orgId' | 'projectId' | 'resourceUri' | 'status' | 'fromVersion' | 'toVersion'
>;

/** Thrown inside a transaction when a compare-and-set matched no row. */
class StaleRow extends Error {}

/**
 * Rotations and the compare-and-set steps that move a connection's versions: claim (with an outbox
 * operation), promote, roll back, retire. Locks are taken in one order everywhere (the connection,
 * then its operation, then its rotations), so two of these transactions never wait on each other.
 */
@Injectable()
export class ConnectionRotationsRepository extends ScopedRepository {
  constructor(
    dataSource: DataSource,
    private readonly connections: ConnectionsRepository,
  ) {
    super(dataSource);
  }

  /**
   * Claims the connection for a rotation before anything is written: the revision read by the
   * caller (compare-and-set), the connection's one pending operation (kind `rotate`, reserving the
   * new version for the reconciler) and the rotation record, all in one transaction.
   */
  async begin(
    scope: TenantScope,
    row: Pick<DataConnectionEntity, 'id' | 'orgId' | 'projectId' | 'resourceUri' | 'revision'>,
    input: { actorId: string; toAuthType: string; gracePeriodSeconds: number; now: Date },
  ): Promise<{ operation: ConnectionOperationEntity; rotation: ConnectionRotationEntity; revision: number }> {
    return this.cas(scope, row.id, async (tx) => {
      const version = await this.connections.allocateVersion(scope, tx, row.resourceUri);
      if (version === null) throw new StaleRow();
      const [claimed] = await this.sql<{ credentials_version: number; auth_type: string }>(
        scope,
        (tenant) => `UPDATE data_connections c SET revision = c.revision + 1, updated_at = now()
          WHERE ${tenant(DATA_CONNECTIONS, 'c')} AND c.id = :id AND c.revision = :revision AND c.lifecycle = 'active'
          RETURNING c.credentials_version, c.auth_type`,
        { id: row.id, revision: row.revision },
        tx,
      );
      if (!claimed) throw new StaleRow();
      const operation = await this.connections.insertOperation(
        scope,
        tx,
        row,
        'rotate',
        version,
        claimed.credentials_version,
        input.actorId,
      );
      const [rotation] = await this.sql<RawRotation>(
        scope,
        (
          tenant,
        ) => `INSERT INTO connection_rotations AS r (id, connection_id, org_id, project_id, resource_uri,
            from_version, to_version, from_auth_type, to_auth_type, status, actor_id, grace_period_seconds,
            created_at, updated_at)
          SELECT :id, :connectionId, :orgId, :projectId, :uri, :from, :to, :fromAuth, :toAuth, 'staged', :actor,
            :grace, :now, :now
          FROM (SELECT CAST(:orgId AS text) AS org_id, coalesce(CAST(:projectId AS text), '') AS scope_key) n
          WHERE ${tenant(CONNECTION_ROTATIONS, 'n')}
          RETURNING ${ROTATION_COLUMNS}`,
        {
          id: randomUUID(),
          connectionId: row.id,
          orgId: row.orgId,
          projectId: row.projectId,
          uri: row.resourceUri,
          from: claimed.credentials_version,
          to: version,
          fromAuth: claimed.auth_type,
          toAuth: input.toAuthType,
          actor: input.actorId,
          grace: input.gracePeriodSeconds,
          now: input.now,
        },
        tx,
      );
      if (!rotation) throw new Error('rotation outside its tenant scope');
      return { operation, rotation: rotationOf(rotation), revision: row.revision + 1 };
    });
  }

  /** The staged version is written: verification starts. */
  async markVerifying(scope: TenantScope, id: string, now: Date): Promise<void> {
    await this.sql(
      scope,
      (tenant) => `UPDATE connection_rotations r SET status = 'verifying', updated_at = :now
        WHERE ${tenant(CONNECTION_ROTATIONS, 'r')} AND r.id = :id AND r.status = 'staged'`,
      { id, now },
    );
  }

  /**
   * The switch, in one transaction: the row's active version becomes the staged one and the one it
   * replaces stays as the previous until `expiresAt`; the operation closes and the rotation is
   * promoted. Only while the row is still at the claimed revision and the operation is still this
   * request's (pending, never taken over by the reconciler). A previous version another rotation
   * still held in grace expires now (the retirement pass deletes it). Returns the committed row.
   */
  async promote(
    scope: TenantScope,
    claim: { connectionId: string; revision: number; operationId: string; rotationId: string },
    change: { toVersion: number; fromVersion: number; authType: string; now: Date; expiresAt: Date },
  ): Promise<{ row: DataConnectionEntity; rotation: ConnectionRotationEntity }> {
    return this.cas(scope, claim.connectionId, async (tx) => {
      const switched = await this.sql<{ id: string }>(
        scope,
        (
          tenant,
        ) => `UPDATE data_connections c SET credentials_version = :to, previous_credentials_version = :from,
            previous_version_expires_at = :expiresAt, rotated_at = :now, auth_type = :authType,
            config = jsonb_set(c.config, '{auth_type}', to_jsonb(CAST(:authType AS text))),
            revision = c.revision + 1, updated_at = :now
          WHERE ${tenant(DATA_CONNECTIONS, 'c')} AND c.id = :id AND c.revision = :revision AND c.lifecycle = 'active'
          RETURNING c.id`,
        {
          id: claim.connectionId,
          revision: claim.revision,
          to: change.toVersion,
          from: change.fromVersion,
          expiresAt: change.expiresAt,
          now: change.now,
          authType: change.authType,
        },
        tx,
      );
      if (!switched.length) throw new StaleRow();
      // The fence, as for a credential change: the reconciler claims with SKIP LOCKED.
      const fenced = await this.sql(
        scope,
        (
          tenant,
        ) => `UPDATE connection_operations o SET status = 'completed', lease_until = NULL, updated_at = :now
          WHERE ${tenant(CONNECTION_OPERATIONS, 'o')} AND o.id = :operationId AND o.status = 'pending' AND o.attempts = 0
          RETURNING o.id`,
        { operationId: claim.operationId, now: change.now },
        tx,
      );
      if (!fenced.length) throw new StaleRow();
      await this.sql(
        scope,
        (tenant) => `UPDATE connection_rotations r SET previous_version_expires_at = :now, updated_at = :now
          WHERE ${tenant(CONNECTION_ROTATIONS, 'r')} AND r.connection_id = :connectionId AND r.id <> :rotationId
            AND r.status IN ('promoted', 'rolled_back') AND r.previous_version_expires_at > :now`,
        { connectionId: claim.connectionId, rotationId: claim.rotationId, now: change.now },
        tx,
      );
      const [rotation] = await this.sql<RawRotation>(
        scope,
        (tenant) => `UPDATE connection_rotations r SET status = 'promoted', promoted_at = :now,
            previous_version_expires_at = :expiresAt, updated_at = :now
          WHERE ${tenant(CONNECTION_ROTATIONS, 'r')} AND r.id = :rotationId RETURNING ${ROTATION_COLUMNS}`,
        { rotationId: claim.rotationId, now: change.now, expiresAt: change.expiresAt },
        tx,
      );
      const row = await this.connections.findAnyLifecycle(scope, claim.connectionId, tx);
      if (!rotation || !row) throw new StaleRow();
      return { row, rotation: rotationOf(rotation) };
    });
  }

  /**
   * A rotation that will not be promoted (verification failed, or it was interrupted): the record
   * says why, and the operation closes. Call once the staged version is deleted.
   */
  async fail(
    scope: TenantScope,
    ids: { rotationId: string; operationId: string },
    reason: { code: string; message: string; now: Date },
  ): Promise<ConnectionRotationEntity | null> {
    return this.transaction(async (tx) => {
      await this.sql(
        scope,
        (
          tenant,
        ) => `UPDATE connection_operations o SET status = 'rolled_back', lease_until = NULL, updated_at = :now
          WHERE ${tenant(CONNECTION_OPERATIONS, 'o')} AND o.id = :operationId AND o.status = 'pending'`,
        { operationId: ids.operationId, now: reason.now },
        tx,
      );
      const [rotation] = await this.sql<RawRotation>(
        scope,
        (
          tenant,
        ) => `UPDATE connection_rotations r SET status = 'failed', error_code = :code, error_message = :message,
            updated_at = :now
          WHERE ${tenant(CONNECTION_ROTATIONS, 'r')} AND r.id = :rotationId AND r.status IN ('staged', 'verifying')
          RETURNING ${ROTATION_COLUMNS}`,
        {
          rotationId: ids.rotationId,
          code: reason.code,
          message: reason.message.slice(0, 500),
          now: reason.now,
        },
        tx,
      );
      return rotation ? rotationOf(rotation) : null;
    });
  }

  /**
   * Makes the version a promoted rotation replaced active again, while it is still in grace and not
   * claimed for retirement; the version it had promoted becomes the previous one with the same
   * expiry. Compare-and-set on the revision the caller read; 409 otherwise (see `rollbackRefusal`).
   */
  async rollback(
    scope: TenantScope,
    row: Pick<DataConnectionEntity, 'id' | 'revision'>,
    rotationId: string,
    now: Date,
  ): Promise<{ row: DataConnectionEntity; rotation: ConnectionRotationEntity }> {
    return this.cas(scope, row.id, async (tx) => {
      const [target] = await this.sql<RawRotation>(
        scope,
        (tenant) =>
          `SELECT ${ROTATION_COLUMNS} FROM connection_rotations r WHERE ${tenant(CONNECTION_ROTATIONS, 'r')} AND r.id = :rotationId AND r.connection_id = :connectionId`,
        { rotationId, connectionId: row.id },
        tx,
      );
      if (!target) throw AppException.notFound('Rotation');
      const switched = await this.sql(
        scope,
        (
          tenant,
        ) => `UPDATE data_connections c SET credentials_version = :from, previous_credentials_version = :to,
            auth_type = :fromAuth, config = jsonb_set(c.config, '{auth_type}', to_jsonb(CAST(:fromAuth AS text))),
            rotated_at = :now, revision = c.revision + 1, updated_at = :now
          WHERE ${tenant(DATA_CONNECTIONS, 'c')} AND c.id = :id AND c.revision = :revision AND c.lifecycle = 'active'
            AND c.credentials_version = :to AND c.previous_credentials_version = :from
            AND NOT EXISTS (SELECT 1 FROM connection_operations o WHERE o.connection_id = c.id AND o.status = 'pending')
          RETURNING c.id`,
        {
          id: row.id,
          revision: row.revision,
          from: target.from_version,
          to: target.to_version,
          fromAuth: target.from_auth_type,
          now,
        },
        tx,
      );
      if (!switched.length) throw new StaleRow();
      // Never once the retirement pass may have deleted the version (expired, or claimed).
      const [rotation] = await this.sql<RawRotation>(
        scope,
        (
          tenant,
        ) => `UPDATE connection_rotations r SET status = 'rolled_back', rolled_back_at = :now, updated_at = :now
          WHERE ${tenant(CONNECTION_ROTATIONS, 'r')} AND r.id = :rotationId AND r.status = 'promoted'
            AND r.previous_version_expires_at > :now AND (r.lease_until IS NULL OR r.lease_until <= :now)
          RETURNING ${ROTATION_COLUMNS}`,
        { rotationId, now },
        tx,
      );
      if (!rotation) throw new StaleRow();
      const committed = await this.connections.findAnyLifecycle(scope, row.id, tx);
      if (!committed) throw new StaleRow();
      return { row: committed, rotation: rotationOf(rotation) };
    });
  }

  async find(scope: TenantScope, connectionId: string, id: string): Promise<ConnectionRotationEntity | null> {
    const rows = await this.sql<RawRotation>(
      scope,
      (tenant) =>
        `SELECT ${ROTATION_COLUMNS} FROM connection_rotations r WHERE ${tenant(CONNECTION_ROTATIONS, 'r')} AND r.connection_id = :connectionId AND r.id = :id`,
      { connectionId, id },
    );
    return rows.length ? rotationOf(rows[0]) : null;
  }

  /** Newest first. */
  async list(
    scope: TenantScope,
    connectionId: string,
    page: number,
    limit: number,
  ): Promise<[ConnectionRotationEntity[], number]> {
    const [rows, count] = await Promise.all([
      this.sql<RawRotation>(
        scope,
        (tenant) => `SELECT ${ROTATION_COLUMNS} FROM connection_rotations r
          WHERE ${tenant(CONNECTION_ROTATIONS, 'r')} AND r.connection_id = :connectionId
          ORDER BY r.created_at DESC, r.id LIMIT :limit OFFSET :offset`,
        { connectionId, limit, offset: (page - 1) * limit },
      ),
      this.sql<{ n: string }>(
        scope,
        (tenant) =>
          `SELECT count(*) AS n FROM connection_rotations r WHERE ${tenant(CONNECTION_ROTATIONS, 'r')} AND r.connection_id = :connectionId`,
        { connectionId },
      ),
    ]);
    return [rows.map(rotationOf), Number(count[0]?.n ?? 0)];
  }

  /**
   * Claims rotations whose version in grace has expired, under a lease, in one statement (SKIP
   * LOCKED: safe on several replicas; no transaction is held during the deletion). Across tenants:
   * each claimed row carries its own scope.
   */
  async claimDue(
    system: SystemScope,
    now: Date,
    options: { limit: number; leaseMs: number; connectionId?: string },
  ): Promise<DueRotation[]> {
    const rows = await this.sql<RawRotation>(
      system,
      (tenant) => `UPDATE connection_rotations r SET lease_until = :leaseUntil
        WHERE r.id IN (
          SELECT d.id FROM connection_rotations d
           WHERE ${tenant(CONNECTION_ROTATIONS, 'd')} AND d.status IN ('promoted', 'rolled_back')
             AND d.previous_version_expires_at <= :now AND (d.lease_until IS NULL OR d.lease_until <= :now)
             AND (CAST(:connectionId AS uuid) IS NULL OR d.connection_id = CAST(:connectionId AS uuid))
           ORDER BY d.previous_version_expires_at
           LIMIT :limit
           FOR UPDATE SKIP LOCKED)
        RETURNING ${ROTATION_COLUMNS}`,
      {
        now,
        limit: options.limit,
        leaseUntil: new Date(now.getTime() + options.leaseMs),
        connectionId: options.connectionId ?? null,
      },
    );
    return rows.map(rotationOf);
  }

  /** After its version was deleted: the rotation is retired and the row no longer names that version. */
  async markRetired(scope: TenantScope, rotation: DueRotation, now: Date): Promise<void> {
    await this.transaction(async (tx) => {
      await this.sql(
        scope,
        (
          tenant,
        ) => `UPDATE data_connections c SET previous_credentials_version = NULL, previous_version_expires_at = NULL
          WHERE ${tenant(DATA_CONNECTIONS, 'c')} AND c.id = :id AND c.previous_credentials_version = :version`,
        { id: rotation.connectionId, version: versionInGraceOf(rotation) },
        tx,
      );
      await this.sql(
        scope,
        (
          tenant,
        ) => `UPDATE connection_rotations r SET status = 'retired', retired_at = :now, lease_until = NULL, updated_at = :now
          WHERE ${tenant(CONNECTION_ROTATIONS, 'r')} AND r.id = :id`,
        { id: rotation.id, now },
        tx,
      );
    });
  }

  /** Closes a `rotate` operation (reconciler) that has no rotation left to record. */
  async closeOperation(
    scope: TenantScope,
    operationId: string,
    status: 'completed' | 'rolled_back',
    now: Date,
  ): Promise<void> {
    await this.sql(
      scope,
      (
        tenant,
      ) => `UPDATE connection_operations o SET status = :status, lease_until = NULL, last_error = NULL, updated_at = :now
        WHERE ${tenant(CONNECTION_OPERATIONS, 'o')} AND o.id = :operationId AND o.status = 'pending'`,
      { operationId, status, now },
    );
  }

  /** Gives a claimed rotation back at once (its deletion failed; the next pass retries). */
  async releaseLease(scope: TenantScope, id: string): Promise<void> {
    await this.sql(
      scope,
      (tenant) =>
        `UPDATE connection_rotations r SET lease_until = NULL WHERE ${tenant(CONNECTION_ROTATIONS, 'r')} AND r.id = :id`,
      { id },
    );
  }

  /** The rotation a `rotate` operation started (the reconciler's view). */
  async findByOperation(
    scope: TenantScope,
    op: Pick<ConnectionOperationEntity, 'connectionId' | 'secretVersion'>,
  ): Promise<ConnectionRotationEntity | null> {
    const rows = await this.sql<RawRotation>(
      scope,
      (tenant) =>
        `SELECT ${ROTATION_COLUMNS} FROM connection_rotations r WHERE ${tenant(CONNECTION_ROTATIONS, 'r')} AND r.connection_id = :connectionId AND r.to_version = :version`,
      { connectionId: op.connectionId, version: op.secretVersion },
    );
    return rows.length ? rotationOf(rows[0]) : null;
  }

  /** Marks a rotation promoted whose switch committed but whose record was not (reconciler). */
  async markPromoted(scope: TenantScope, id: string, expiresAt: Date | null, now: Date): Promise<void> {
    await this.sql(
      scope,
      (
        tenant,
      ) => `UPDATE connection_rotations r SET status = 'promoted', promoted_at = coalesce(r.promoted_at, :now),
          previous_version_expires_at = coalesce(r.previous_version_expires_at, :expiresAt), updated_at = :now
        WHERE ${tenant(CONNECTION_ROTATIONS, 'r')} AND r.id = :id AND r.status IN ('staged', 'verifying')`,
      { id, now, expiresAt: expiresAt ?? now },
    );
  }

  private async cas<T>(
    scope: TenantScope,
    id: string,
    work: (tx: ScopedTransaction) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.transaction(work);
    } catch (error) {
      if (error instanceof StaleRow) {
        const row = await this.connections.findAnyLifecycle(scope, id);
        throw row?.lifecycle === 'active' ? concurrentChange() : AppException.notFound('Data connection');
      }
      // The one unique index these statements can hit: one pending operation per connection.
      if (isUniqueViolation(error)) throw concurrentChange();
      throw error;
    }
  }
}
