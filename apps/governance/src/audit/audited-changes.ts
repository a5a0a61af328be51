import { Injectable, Logger, Optional } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { AppMetrics, auditWriteFailures, deadlineExceeded } from '@app/core';
import { type AuditEventInput, auditUnavailable, withRequestIds } from '@app/audit';
import { AuthzClient, type TupleKey } from '@app/authz';
import type { ScopedTransaction } from '@app/database';
import { SecretsBackend } from '@app/secrets';
import { CompensatingSecretsBackend, CompensatingTupleWriter, UndoLog } from './compensating-writers.js';
import { AuditEventsRepository } from './persistence/audit-events.repository.js';
import {
  type AuditTransaction,
  AuditTransactionsRepository,
} from './persistence/audit-transactions.repository.js';

/** What a change may touch. Each part commits with the audit event or is undone. */
export interface ChangeScope {
  /** Governance rows: repository calls given it run on the transaction that holds the audit event. */
  readonly tx: ScopedTransaction;
  /** The secrets backend: on that transaction (embedded) or compensated (Infisical, GCP). */
  readonly secrets: SecretsBackend;
  /** Tuple writes: on that transaction (embedded engine) or compensated (OpenFGA). */
  readonly tuples: { writeTuples(writes: TupleKey[], deletes?: TupleKey[]): Promise<void> };
}

export interface ChangeOptions<T> {
  /** The caller's deadline (see 4. below). */
  signal?: AbortSignal;
  /**
   * For a change whose extent is known only once it ran (how many leftovers a sweep removed):
   * what to add to the event's details, or null when the change turned out to change nothing, and
   * then no event is kept either. The log is append-only, so such an event is inserted after the
   * change, on the same transaction; before the change, an insert on a savepoint (rolled back)
   * proves the log takes it, so an unavailable log still changes nothing.
   */
  outcome?: (result: T) => Record<string, unknown> | null;
}

/**
 * Governance's one rule for writes: a change and its audit event commit together, or neither
 * does.
 *
 * 1. A transaction opens on the Governance database and the audit event is inserted first. If the
 *    audit log cannot take it, the caller gets 503 `AUDIT_UNAVAILABLE` and nothing was changed.
 * 2. The change runs. Whatever lives in the Governance database (project rows, embedded secrets,
 *    embedded tuples) runs on the same transaction. Changes to an external system (Infisical, GCP
 *    Secret Manager, OpenFGA) are made directly and each records how to undo itself.
 * 3. COMMIT makes the change and its event durable at once. If the change fails, the transaction
 *    rolls back (no event) and external steps already made are undone. If the COMMIT fails, the
 *    same happens and the caller gets 503.
 * 4. `signal` is the caller's deadline (the request's, see registerRequestDeadline). Once it has
 *    passed nothing more is sent (every backend call takes it) and nothing commits: the change is
 *    rolled back and undone, a write still in flight with an unknown outcome included, and the
 *    caller gets 504 `DEADLINE_EXCEEDED` (`details.outcome` is `unknown` only if an undo failed).
 *
 * Inside `change`, use only the scope: the transaction holds a connection, and embedded PGlite
 * serializes transactions, so a query on another connection would wait for this one forever.
 * The database half (the transaction, its savepoint, the inserts) is AuditTransactionsRepository.
 */

@Injectable()
export class AuditedChanges {
  private readonly logger = new Logger(AuditedChanges.name);
  private readonly failures: Counter<'stage'> | null;

  constructor(
    private readonly transactions: AuditTransactionsRepository,
    private readonly events: AuditEventsRepository,
    private readonly secrets: SecretsBackend,
    private readonly authz: AuthzClient,
    @Optional() metrics?: AppMetrics,
  ) {
    this.failures = metrics ? auditWriteFailures(metrics) : null;
  }

  async apply<T>(
    draft: AuditEventInput,
    change: (scope: ChangeScope) => Promise<T>,
    options: ChangeOptions<T> = {},
  ): Promise<T> {
    const { signal } = options;
    const event = withRequestIds(draft);
    // The caller has given up already: nothing is opened, written or sent.
    if (signal?.aborted) throw deadlineExceeded('not_applied');
    let transaction: AuditTransaction;
    try {
      // With an outcome, the event is only tried here (on a savepoint) and appended after the change.
      transaction = await this.transactions.open(event, { provisional: Boolean(options.outcome) });
    } catch (error) {
      this.failures?.inc({ stage: 'open' });
      this.logger.error(
        { action: event.action, request_id: event.request_id, err: (error as Error)?.name },
        'Audit write failed; nothing was changed',
      );
      throw auditUnavailable();
    }

    const undo = new UndoLog();
    const boundTuples = this.authz.bindToTransaction?.(transaction.connection);
    const scope: ChangeScope = {
      tx: transaction.tx,
      secrets:
        this.secrets.bindToTransaction?.(transaction.connection) ??
        new CompensatingSecretsBackend(this.secrets, undo),
      tuples: boundTuples ?? new CompensatingTupleWriter(this.authz, undo),
    };
    try {
      let result: T;
      try {
        result = await change(scope);
      } catch (error) {
        const clean = await this.abandon(transaction, undo, event);
        if (signal?.aborted) throw deadlineExceeded(clean ? 'not_applied' : 'unknown');
        throw error;
      }
      if (signal?.aborted) {
        // Done, but after the caller's deadline: never commit it; undo what reached a backend.
        const clean = await this.abandon(transaction, undo, event);
        throw deadlineExceeded(clean ? 'not_applied' : 'unknown');
      }
      const outcome = options.outcome?.(result);
      if (outcome === null) {
        // Nothing changed, so there is nothing to record.
        await transaction.rollback();
        return result;
      }
      try {
        if (outcome) await transaction.append({ ...event, details: { ...event.details, ...outcome } });
        await transaction.commit();
      } catch (error) {
        this.failures?.inc({ stage: 'commit' });
        this.logger.error(
          { action: event.action, request_id: event.request_id, err: (error as Error)?.name },
          'Audit commit failed; undoing the change',
        );
        await this.abandon(transaction, undo, event);
        throw auditUnavailable();
      }
      await boundTuples?.afterCommit().catch((error: unknown) => {
        // Committed; only this process's cache is behind, and the next check catches up.
        this.logger.warn(
          { action: event.action, err: (error as Error)?.name },
          'Tuple cache catch-up failed after commit',
        );
      });
      return result;
    } finally {
      await transaction.release();
    }
  }

  /** A standalone event (nothing else changes with it); 503 when it cannot be written. */
  async record(draft: AuditEventInput): Promise<void> {
    const event = withRequestIds(draft);
    try {
      await this.events.appendEvent(event);
    } catch (error) {
      this.failures?.inc({ stage: 'record' });
      this.logger.error(
        { action: event.action, request_id: event.request_id, err: (error as Error)?.name },
        'Audit write failed',
      );
      throw auditUnavailable();
    }
  }

  /** Rolls back and undoes the external steps; true when every undo succeeded. */
  private async abandon(
    transaction: AuditTransaction,
    undo: UndoLog,
    event: AuditEventInput,
  ): Promise<boolean> {
    await transaction.rollback().catch(() => undefined);
    return undo.runAll((step, error) => {
      // The one state this design cannot repair by itself: an external change whose undo failed
      // too. Say so loudly (never with values), so an operator can reconcile it.
      this.logger.error(
        {
          action: event.action,
          resource_id: event.resource_id,
          request_id: event.request_id,
          step,
          err: (error as Error)?.name,
        },
        'Could not undo an external change whose audit event did not commit',
      );
    });
  }
}
