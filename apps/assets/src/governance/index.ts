// The Governance gateway: the only way Assets reaches Governance.
export * from './governance-gateway.module.js';
export * from './governance.client.js';
export * from './service-identity.js';
export * from './governance-credentials.store.js';
export * from './governance-secret-inventory.js';
export * from './governance-project.directory.js';
export * from './governance-readiness.js';
export { GovernanceAuditSink } from './governance-audit.sink.js';
export { type AuditDraft, AuditRecorder } from './audit-recorder.js';
