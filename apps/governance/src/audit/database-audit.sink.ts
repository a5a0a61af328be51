import { Injectable } from '@nestjs/common';
import { AuditSink, type AuditEventInput } from '@app/audit';
import { AuditEventsRepository } from './persistence/audit-events.repository.js';

/** Governance's own audit log as the AuditSink: each event is appended to its org's log at once. */
@Injectable()
export class DatabaseAuditSink extends AuditSink {
  constructor(private readonly events: AuditEventsRepository) {
    super();
  }

  async record(event: AuditEventInput): Promise<void> {
    await this.events.appendEvent(event);
  }
}
