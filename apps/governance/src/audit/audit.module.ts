import { Module } from '@nestjs/common';
import { AuditSink } from '@app/audit';
import { AuditController } from './audit.controller.js';
import { AuditedChanges } from './audited-changes.js';
import { AuditRecorder } from './audit-recorder.js';
import { DatabaseAuditSink } from './database-audit.sink.js';
import { AuditEventsRepository } from './persistence/audit-events.repository.js';
import { AuditTransactionsRepository } from './persistence/audit-transactions.repository.js';

/** The audit log: the query route, the sink, the AuditRecorder and its write half AuditedChanges (a change commits with its event). */
@Module({
  controllers: [AuditController],
  providers: [
    AuditEventsRepository,
    AuditTransactionsRepository,
    AuditedChanges,
    AuditRecorder,
    { provide: AuditSink, useClass: DatabaseAuditSink },
  ],
  exports: [AuditedChanges, AuditRecorder, AuditSink],
})
export class AuditModule {}
