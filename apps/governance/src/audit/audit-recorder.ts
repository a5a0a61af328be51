import { Injectable, Logger, Optional } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { AppMetrics, auditWriteFailures } from '@app/core';
import { type AuditEventInput, AuditSink, auditUnavailable, withRequestIds } from '@app/audit';
import { AuditedChanges, type ChangeOptions, type ChangeScope } from './audited-changes.js';

/**
 * Governance's one way into its audit log, with one rule:
 *
 * - a read is released only after its event is written: `read` returns the value (a secret) once
 *   its event is durable, and drops it with 503 AUDIT_UNAVAILABLE when the event cannot be written;
 * - a write commits together with its event: `write` is AuditedChanges (the event is inserted
 *   first, on the transaction that holds the change, and commits with it or not at all).
 *
 * Events carry the request and trace ids of the request context unless they name their own (a
 * platform service reporting its request), so a call Assets forwards carries Assets' ids.
 */
@Injectable()
export class AuditRecorder {
  private readonly logger = new Logger(AuditRecorder.name);
  private readonly failures: Counter<'stage'> | null;

  constructor(
    private readonly sink: AuditSink,
    private readonly changes: AuditedChanges,
    @Optional() metrics?: AppMetrics,
  ) {
    this.failures = metrics ? auditWriteFailures(metrics) : null;
  }

  async read<T>(draft: AuditEventInput, read: () => Promise<T>): Promise<T> {
    const value = await read();
    const event = withRequestIds(draft);
    try {
      await this.sink.record(event);
    } catch (error) {
      this.failures?.inc({ stage: 'read' });
      this.logger.error(
        { action: event.action, request_id: event.request_id, err: (error as Error)?.name },
        'Audit write failed; the value was not released',
      );
      throw auditUnavailable();
    }
    return value;
  }

  write<T>(
    event: AuditEventInput,
    change: (scope: ChangeScope) => Promise<T>,
    options?: ChangeOptions<T>,
  ): Promise<T> {
    return this.changes.apply(event, change, options);
  }

  /** An event with no change of Governance's own behind it (what a platform service reports). */
  record(event: AuditEventInput): Promise<void> {
    return this.changes.record(event);
  }
}
