import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConnectionOperationEntity } from './data-connection.entity.js';

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
  'id' | 'connectionId' | 'orgId' | 'projectId' | 'resourceUri' | 'kind' | 'secretVersion' | 'previousSecretVersion' | 'actorId' | 'attempts'
>;

/**
 * The outbox, seen by the reconciler. This is the one cross-tenant query in Assets: a system
 * job that finishes or undoes operations; each claimed row carries its own tenant scope.
 */
@Injectable()
export class ConnectionOperationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims expired pending operations with a lease in a single statement. SKIP LOCKED and the
   * lease make it safe for several replicas at once; no transaction is held during the work.
   */
  async claimExpired(limit: number, leaseMs: number): Promise<ClaimedOperation[]> {
    const rows = (await this.dataSource.query(
      `UPDATE connection_operations o
          SET lease_until = now() + ($2 || ' milliseconds')::interval, attempts = o.attempts + 1
        WHERE o.id IN (
          SELECT id FROM connection_operations
           WHERE status = 'pending' AND (lease_until IS NULL OR lease_until < now())
           ORDER BY created_at
           LIMIT $1
           FOR UPDATE SKIP LOCKED)
        RETURNING o.id, o.connection_id, o.org_id, o.project_id, o.resource_uri, o.kind,
                  o.secret_version, o.previous_secret_version, o.actor_id, o.attempts`,
      [limit, String(leaseMs)],
    )) as [OperationRow[], number] | OperationRow[];
    const list = Array.isArray(rows[0]) ? (rows[0] as OperationRow[]) : (rows as OperationRow[]);
    return list.map((r) => ({
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

  async finish(id: string, status: 'completed' | 'rolled_back'): Promise<void> {
    await this.dataSource.getRepository(ConnectionOperationEntity).update({ id }, { status, leaseUntil: null, lastError: null, updatedAt: new Date() });
  }

  /** Closes an operation the request still holds; one the reconciler already closed stays as it is. */
  async finishIfPending(id: string, status: 'completed' | 'rolled_back'): Promise<void> {
    await this.dataSource.query(
      `UPDATE connection_operations SET status = $2, lease_until = NULL, last_error = NULL, updated_at = now() WHERE id = $1 AND status = 'pending'`,
      [id, status],
    );
  }

  /**
   * Hands an operation the request could not finish to the reconciler at once (its lease ends
   * now) instead of after the full lease, so the connection is not held longer than needed.
   */
  async release(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE connection_operations SET lease_until = now(), updated_at = now() WHERE id = $1 AND status = 'pending'`, [id]);
  }

  /**
   * Keeps an operation the request could not finish for the reconciler, but only once `ms` have
   * passed: its secret write is in doubt and may still land until then (see WRITE_SETTLE_MS).
   */
  async holdUntilSettled(id: string, ms: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE connection_operations SET lease_until = now() + ($2 || ' milliseconds')::interval, updated_at = now() WHERE id = $1 AND status = 'pending'`,
      [id, String(ms)],
    );
  }

  /**
   * Every credentials version of a connection that may still exist in the secrets backend: those of
   * its operations not known to be cleaned up (pending or rolled back, including the delete's own,
   * which is the current one), and the previous version of a pending credential change. A completed
   * change deleted its previous version before closing, and versions are never reused.
   */
  async versionsToPurge(connectionId: string): Promise<number[]> {
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT v FROM (
         SELECT secret_version AS v FROM connection_operations WHERE connection_id = $1 AND status <> 'completed'
         UNION ALL
         SELECT previous_secret_version FROM connection_operations WHERE connection_id = $1 AND status = 'pending'
       ) versions WHERE v IS NOT NULL ORDER BY v`,
      [connectionId],
    )) as Array<{ v: number }>;
    return rows.map((r) => r.v);
  }

  /** Keeps the op pending for another attempt; `reason` is a fixed, credential-free label. */
  async fail(id: string, reason: string): Promise<void> {
    await this.dataSource.getRepository(ConnectionOperationEntity).update({ id }, { lastError: reason.slice(0, 200), updatedAt: new Date() });
  }
}
