import { Injectable, Optional } from '@nestjs/common';
import { AuditSink, type AuditEventInput } from '@app/audit';
import { AppMetrics, auditAppendBatchSize, GroupedCalls } from '@app/core';
import { isDataError } from '@app/database';
import type { AuditEventEntity } from './audit-event.entity.js';
import { AuditEventsRepository, auditEventRow } from './persistence/audit-events.repository.js';

/**
 * Governance's own audit log as the AuditSink: each event is appended to its org's log before
 * `record` returns. Events of one org that arrive while an append is in flight go in the next
 * append together (one INSERT and one commit for many secret reads under load; bench/README.md).
 */
@Injectable()
export class DatabaseAuditSink extends AuditSink {
  private readonly appends: GroupedCalls<AuditEventEntity, void>;

  constructor(events: AuditEventsRepository, @Optional() metrics?: AppMetrics) {
    super();
    const batchSize = metrics ? auditAppendBatchSize(metrics) : null;
    this.appends = new GroupedCalls<AuditEventEntity, void>({
      run: async (orgId, rows) => {
        await events.appendAll({ orgId, projectId: null }, rows);
        return [];
      },
      isItemError: isDataError,
      gatherWithinTurn: true,
      onBatch: batchSize ? (size) => batchSize.observe(size) : undefined,
    });
  }

  async record(event: AuditEventInput): Promise<void> {
    await this.appends.submit(event.org_id, auditEventRow(event));
  }
}
