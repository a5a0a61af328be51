// The audit log: its module, the recorder (reads, reports) and its write half (AuditedChanges), and the entity for the migration list.
export * from './audit.module.js';
export { AuditedChanges, type ChangeOptions, type ChangeScope } from './audited-changes.js';
export { AuditRecorder } from './audit-recorder.js';
export { DatabaseAuditSink } from './database-audit.sink.js';
export { AuditEventEntity } from './audit-event.entity.js';
// For a write of another feature that commits with its event in its own transaction (the org bootstrap).
export { AUDIT_EVENTS, auditEventRow } from './persistence/audit-events.repository.js';
