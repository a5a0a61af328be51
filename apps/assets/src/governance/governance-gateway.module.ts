import { Module } from '@nestjs/common';
import { AuditSink } from '@app/audit';
import { AssetsConfig } from '../assets.config.js';
import { AuditRecorder } from './audit-recorder.js';
import { GovernanceAuditSink } from './governance-audit.sink.js';
import { GovernanceCredentialsStore } from './governance-credentials.store.js';
import { GovernanceProjectDirectory } from './governance-project.directory.js';
import {
  GOVERNANCE_READINESS_OPTIONS,
  GovernanceReadiness,
  type GovernanceReadinessOptions,
} from './governance-readiness.js';
import { GovernanceSecretInventory } from './governance-secret-inventory.js';
import { ForwardedSecretReads } from './forwarded-secret-reads.js';

/**
 * Everything Assets asks of Governance, as the caller or as its service account: credentials,
 * the audit log (through the AuditRecorder), project visibility, the secret inventory and readiness. The GovernanceClient and
 * ServiceIdentity come from the infrastructure module.
 */
@Module({
  providers: [
    ForwardedSecretReads,
    GovernanceCredentialsStore,
    GovernanceSecretInventory,
    GovernanceProjectDirectory,
    GovernanceReadiness,
    { provide: AuditSink, useClass: GovernanceAuditSink },
    AuditRecorder,
    {
      provide: GOVERNANCE_READINESS_OPTIONS,
      useFactory: (config: AssetsConfig): GovernanceReadinessOptions => ({
        cacheMs: config.GOVERNANCE_READINESS_CACHE_MS,
      }),
      inject: [AssetsConfig],
    },
  ],
  exports: [
    GovernanceCredentialsStore,
    GovernanceSecretInventory,
    GovernanceProjectDirectory,
    GovernanceReadiness,
    AuditSink,
    AuditRecorder,
  ],
})
export class GovernanceGatewayModule {}
