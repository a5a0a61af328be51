import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { AppMetrics, SystemScope } from '@app/core';
import { BackgroundPass } from '../../common/index.js';
import {
  type ClaimedOperation,
  ConnectionOperationsRepository,
} from '../persistence/connection-operations.repository.js';
import { ConnectionSaga } from './connection-saga.js';
import { ConnectionRotationSaga } from './rotation-saga.js';

const BATCH = 20;
const LEASE_MS = 60_000;
/** Claiming expired operations is the one query across tenants; each claimed row then carries its own. */
const RECONCILER = SystemScope.of('reconciler');

export interface ReconcileSummary {
  claimed: number;
  completed: number;
  rolledBack: number;
  failed: number;
  /** Credentials versions whose grace period ended, deleted in this pass. */
  retired: number;
}

/**
 * Finishes or undoes operations whose request died (crash, kill -9, dependency outage). Safe on
 * several replicas at once: each operation is claimed with a lease in one SQL statement.
 */
/** RECONCILE_INTERVAL_MS: how often the reconciler runs; 0 = never (tests drive it by hand). */
export const RECONCILE_INTERVAL_MS = Symbol('RECONCILE_INTERVAL_MS');

@Injectable()
export class ConnectionsReconciler extends BackgroundPass<ReconcileSummary> {
  private readonly logger = new Logger(ConnectionsReconciler.name);

  constructor(
    private readonly operations: ConnectionOperationsRepository,
    private readonly saga: ConnectionSaga,
    private readonly rotations: ConnectionRotationSaga,
    @Inject(RECONCILE_INTERVAL_MS) protected readonly intervalMs: number,
    @Optional() metrics?: AppMetrics,
  ) {
    super();
    if (metrics && !metrics.existing('reconciler_pending_operations')) this.registerMetrics(metrics);
  }

  /** Read at scrape time: one query on the pending partial index serves both gauges of a scrape. */
  private registerMetrics(metrics: AppMetrics): void {
    let last: { at: number; backlog: ReturnType<ConnectionOperationsRepository['backlog']> } | null = null;
    const backlog = () => {
      if (!last || Date.now() - last.at > 1000) {
        last = { at: Date.now(), backlog: this.operations.backlog(RECONCILER) };
        last.backlog.catch(() => undefined);
      }
      return last.backlog;
    };
    metrics.gauge({
      name: 'reconciler_pending_operations',
      help: 'Connection operations still pending (in flight, or waiting for the reconciler)',
      async collect() {
        // A failed query keeps the last value rather than failing the whole scrape.
        const current = await backlog().catch(() => null);
        if (current) this.set(current.pending);
      },
    });
    metrics.gauge({
      name: 'reconciler_oldest_pending_age_seconds',
      help: 'Age of the oldest pending connection operation (0 when none)',
      async collect() {
        const current = await backlog().catch(() => null);
        if (current) this.set(current.oldestAgeSeconds);
      },
    });
  }

  protected async pass(): Promise<ReconcileSummary> {
    const summary: ReconcileSummary = { claimed: 0, completed: 0, rolledBack: 0, failed: 0, retired: 0 };
    await this.operationsPass(summary);
    // Retirement rides on this pass: versions in grace are few, and it has the same lease discipline.
    if (!this.stopping) {
      const retirement = await this.rotations.retireDue().catch(() => ({ retired: 0, failed: 1 }));
      summary.retired = retirement.retired;
      summary.failed += retirement.failed;
    }
    return summary;
  }

  private async operationsPass(summary: ReconcileSummary): Promise<ReconcileSummary> {
    while (!this.stopping) {
      const claimed = await this.operations.claimExpired(RECONCILER, BATCH, LEASE_MS);
      summary.claimed += claimed.length;
      for (const [i, op] of claimed.entries()) {
        if (this.stopping) {
          // Draining: what this replica claimed but did not start goes back to the others now,
          // not when its lease runs out.
          await this.releaseAll(claimed.slice(i));
          return summary;
        }
        try {
          const outcome =
            op.kind === 'rotate' ? await this.rotations.reconcile(op) : await this.saga.reconcile(op);
          if (outcome === 'completed') summary.completed += 1;
          else summary.rolledBack += 1;
        } catch (error) {
          summary.failed += 1;
          // The lease expires and the next pass retries; only a fixed label is stored.
          await this.operations
            .fail(
              { orgId: op.orgId, projectId: op.projectId },
              op.id,
              `retry after ${(error as Error)?.name ?? 'error'}`,
            )
            .catch(() => undefined);
          this.logger.warn(
            { operation: op.id, kind: op.kind, attempts: op.attempts },
            'Reconcile attempt failed',
          );
        }
      }
      if (claimed.length < BATCH) return summary;
    }
    return summary;
  }

  private async releaseAll(ops: ClaimedOperation[]): Promise<void> {
    for (const op of ops)
      await this.operations
        .release({ orgId: op.orgId, projectId: op.projectId }, op.id)
        .catch(() => undefined);
  }
}
