import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SystemScope, TenantScope } from '@app/core';
import { ScopedRepository } from '@app/database';
import type { ConnectionOperationEntity } from './data-connection.entity.js';
import { CONNECTION_OPERATIONS, CONNECTION_ROTATIONS, DATA_CONNECTIONS } from './connection.tables.js';

interface OperationRow {
  id: string;
  connection_id: string;
  org_id: string;
  project_id: string | null;
  resource_uri: string;
  kind: ConnectionOperationEntity['kind'];
  secret_version: number;
  previous_secret_version: number | null;
  actor_id: string;
  attempts: number;
}

export type ClaimedOperation = Pick<
  ConnectionOperationEntity,
  | 'id'
  | 'connectionId'
  | 'orgId'
  | 'projectId'
  | 'resourceUri'
  | 'kind'
  | 'secretVersion'
  | 'previousSecretVersion'
  | 'actorId'
  | 'attempts'
>;

/**
 * The outbox. Claiming expired operations is the one cross-tenant query in Assets, so it takes the
 * reconciler's SystemScope; each claimed row carries its own tenant scope, which every later call
 * on that operation passes.
 */
@Injectable()
export class ConnectionOperationsRepository extends ScopedRepository {
  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  /**
   * Claims expired pending operations with a lease in a single statement. SKIP LOCKED and the
   * lease make it safe for several replicas at once; no transaction is held during the work.
   */
  async claimExpired(system: SystemScope, limit: number, leaseMs: number): Promise<ClaimedOperation[]> {
    const rows = await this.sql<OperationRow>(
      system,
      (tenant) => `UPDATE connection_operations o
          SET lease_until = now() + (:leaseMs || ' milliseconds')::interval, attempts = o.attempts + 1
        WHERE o.id IN (
          SELECT p.id FROM connection_operations p
           WHERE ${tenant(CONNECTION_OPERATIONS, 'p')} AND p.status = 'pending' AND (p.lease_until IS NULL OR p.lease_until < now())
           ORDER BY p.created_at
           LIMIT :limit
           FOR UPDATE SKIP LOCKED)
        RETURNING o.id, o.connection_id, o.org_id, o.project_id, o.resource_uri, o.kind,
                  o.secret_version, o.previous_secret_version, o.actor_id, o.attempts`,
      { limit, leaseMs: String(leaseMs) },
    );
    return rows.map((r) => ({
      id: r.id,
      connectionId: r.connection_id,
      orgId: r.org_id,
      projectId: r.project_id,
      resourceUri: r.resource_uri,
      kind: r.kind,
      secretVersion: r.secret_version,
      previousSecretVersion: r.previous_secret_version,
      actorId: r.actor_id,
      attempts: r.attempts,
    }));
  }

  async finish(scope: TenantScope, id: string, status: 'completed' | 'rolled_back'): Promise<void> {
    await this.sql(
      scope,
      (
        tenant,
      ) => `UPDATE connection_operations o SET status = :status, lease_until = NULL, last_error = NULL, updated_at = :now
        WHERE ${tenant(CONNECTION_OPERATIONS, 'o')} AND o.id = :id`,
      { id, status, now: new Date() },
    );
  }

  /** Closes an operation the request still holds; one the reconciler already closed stays as it is. */
  async finishIfPending(scope: TenantScope, id: string, status: 'completed' | 'rolled_back'): Promise<void> {
    await this.sql(
      scope,
      (
        tenant,
      ) => `UPDATE connection_operations o SET status = :status, lease_until = NULL, last_error = NULL, updated_at = now()
        WHERE ${tenant(CONNECTION_OPERATIONS, 'o')} AND o.id = :id AND o.status = 'pending'`,
      { id, status },
    );
  }

  /**
   * Hands an operation the request could not finish to the reconciler at once (its lease ends
   * now) instead of after the full lease, so the connection is not held longer than needed.
   */
  async release(scope: TenantScope, id: string): Promise<void> {
    await this.sql(
      scope,
      (tenant) =>
        `UPDATE connection_operations o SET lease_until = now(), updated_at = now() WHERE ${tenant(CONNECTION_OPERATIONS, 'o')} AND o.id = :id AND o.status = 'pending'`,
      { id },
    );
  }

  /**
   * Keeps an operation the request could not finish for the reconciler, but only once `ms` have
   * passed: its secret write is in doubt and may still land until then (see WRITE_SETTLE_MS).
   */
  async holdUntilSettled(scope: TenantScope, id: string, ms: number): Promise<void> {
    await this.sql(
      scope,
      (
        tenant,
      ) => `UPDATE connection_operations o SET lease_until = now() + (:ms || ' milliseconds')::interval, updated_at = now()
        WHERE ${tenant(CONNECTION_OPERATIONS, 'o')} AND o.id = :id AND o.status = 'pending'`,
      { id, ms: String(ms) },
    );
  }

  /**
   * Every credentials version of a connection that may still exist in the secrets backend: those of
   * its operations not known to be cleaned up (pending or rolled back, including the delete's own,
   * which is the current one), and the previous version of a pending credential change. A completed
   * change deleted its previous version before closing, and versions are never reused.
   */
  async versionsToPurge(scope: TenantScope, connectionId: string): Promise<number[]> {
    // Rotations add the versions still in grace: the row's previous one, and any a rotation has not
    // retired yet (a completed rotation keeps the version it replaced).
    const rows = await this.sql<{ v: number }>(
      scope,
      (tenant) => `SELECT DISTINCT v FROM (
         SELECT o.secret_version AS v FROM connection_operations o
          WHERE ${tenant(CONNECTION_OPERATIONS, 'o')} AND o.connection_id = :connectionId AND o.status <> 'completed'
         UNION ALL
         SELECT p.previous_secret_version FROM connection_operations p
          WHERE ${tenant(CONNECTION_OPERATIONS, 'p')} AND p.connection_id = :connectionId AND p.status = 'pending'
         UNION ALL
         SELECT c.previous_credentials_version FROM data_connections c
          WHERE ${tenant(DATA_CONNECTIONS, 'c')} AND c.id = :connectionId
         UNION ALL
         SELECT CASE r.status WHEN 'rolled_back' THEN r.to_version ELSE r.from_version END FROM connection_rotations r
          WHERE ${tenant(CONNECTION_ROTATIONS, 'r')} AND r.connection_id = :connectionId AND r.status IN ('promoted', 'rolled_back')
       ) versions WHERE v IS NOT NULL ORDER BY v`,
      { connectionId },
    );
    return rows.map((r) => r.v);
  }

  /** Keeps the op pending for another attempt; `reason` is a fixed, credential-free label. */
  async fail(scope: TenantScope, id: string, reason: string): Promise<void> {
    await this.sql(
      scope,
      (tenant) =>
        `UPDATE connection_operations o SET last_error = :reason, updated_at = :now WHERE ${tenant(CONNECTION_OPERATIONS, 'o')} AND o.id = :id`,
      { id, reason: reason.slice(0, 200), now: new Date() },
    );
  }

  /** Pending operations across tenants and the age of the oldest (metrics; the partial index on pending answers it). */
  async backlog(system: SystemScope): Promise<{ pending: number; oldestAgeSeconds: number }> {
    const [row] = await this.sql<{ pending: string; oldest_age: string | null }>(
      system,
      (tenant) =>
        `SELECT count(*) AS pending, extract(epoch FROM now() - min(o.created_at)) AS oldest_age
           FROM connection_operations o WHERE ${tenant(CONNECTION_OPERATIONS, 'o')} AND o.status = 'pending'`,
      {},
    );
    return {
      pending: Number(row?.pending ?? 0),
      oldestAgeSeconds: Math.max(0, Number(row?.oldest_age ?? 0)),
    };
  }
}
