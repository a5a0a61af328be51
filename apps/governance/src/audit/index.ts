// The audit log: its module, the one write path (AuditedChanges) and the entity for the migration list.
export * from './audit.module.js';
export { AuditedChanges, type ChangeScope } from './audited-changes.js';
export { DatabaseAuditSink } from './database-audit.sink.js';
export { AuditEventEntity } from './audit-event.entity.js';
