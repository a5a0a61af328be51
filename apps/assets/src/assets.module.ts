import { type DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { createLoggerModule, HealthController, READINESS_PROBES, type ReadinessProbe } from '@app/core';
import { AuthModule, type AuthConfig } from '@app/auth';
import { AuthzClient } from '@app/authz';
import type { Database } from '@app/database';
import { GovernanceClient } from './governance/governance.client.js';
import { SessionController } from './session/session.controller.js';
import { AuditSink } from '@app/audit';
import { ConnectionsController } from './connections/connections.controller.js';
import { CONNECTIONS_PROVIDERS, RECONCILE_INTERVAL_MS, SECRETS_SWEEP_OPTIONS, VERIFY_RATE_LIMITER } from './connections/connections.providers.js';
import { GovernanceSecretInventory } from './governance/governance-secret-inventory.js';
import type { SecretSweepOptions } from './connections/lifecycle/secret-store.sweeper.js';
import { VerificationService } from './verification/verification.service.js';
import { EgressPolicy } from './egress/egress-policy.js';
import { VerifyRateLimiter } from './connections/verify-rate.limiter.js';
import { GovernanceCredentialsStore } from './governance/governance-credentials.store.js';
import { GovernanceAuditSink } from './governance/governance-audit.sink.js';
import type { ServiceIdentity } from './governance/service-identity.js';
import { GovernanceReadiness } from './governance/governance-readiness.js';
import type { StorageConfig } from '@app/storage';
import { STORAGE_CONTROLLERS, storageProviders } from './storage/storage.providers.js';
import { GovernanceProjectDirectory } from './governance/governance-project.directory.js';
import { GoogleAccessTokens } from './storage/google-access-tokens.js';
import { GOOGLE_TOKEN_URL, jwtBearerAccessTokenSource } from './verification/drivers/shared/google-service-account.js';

export interface AssetsInfra {
  authConfig: AuthConfig;
  database: Database;
  authz: AuthzClient;
  governance: GovernanceClient;
  serviceIdentity: ServiceIdentity;
  logLevel: string;
  reconcileIntervalMs: number;
  storageConfig: StorageConfig;
  verification: VerificationService;
  egress: EgressPolicy;
  verifyRatePerMinute: number;
  /** Tests may wrap the audit sink to inject faults. */
  auditSink?: AuditSink;
  /** Google's OAuth token endpoint for GCS storage connections; tests point it at a fake. */
  googleTokenUrl?: string;
  /** Governance and service-account readiness (built from `governance` and `serviceIdentity` when absent). */
  governanceReadiness?: GovernanceReadiness;
  /** The secret-store sweep (SECRETS_SWEEP_INTERVAL_MS, SECRETS_SWEEP_GRACE_MS); absent = off. Tests inject a clock here. */
  secretsSweep?: SecretSweepOptions;
}

@Module({})
export class AssetsModule {
  static register(infra: AssetsInfra): DynamicModule {
    return {
      module: AssetsModule,
      imports: [
        createLoggerModule({ service: 'assets', level: infra.logLevel }),
        TerminusModule,
        AuthModule.forRoot(infra.authConfig, { projectDirectory: { useValue: new GovernanceProjectDirectory(infra.governance) }, devIdp: false }),
      ],
      controllers: [HealthController, SessionController, ConnectionsController, ...STORAGE_CONTROLLERS],
      providers: [
        { provide: DataSource, useValue: infra.database.dataSource },
        { provide: AuthzClient, useValue: infra.authz },
        { provide: GovernanceClient, useValue: infra.governance },
        { provide: GovernanceCredentialsStore, useValue: new GovernanceCredentialsStore(infra.governance, infra.serviceIdentity) },
        { provide: AuditSink, useValue: infra.auditSink ?? new GovernanceAuditSink(infra.governance, infra.serviceIdentity) },
        { provide: RECONCILE_INTERVAL_MS, useValue: infra.reconcileIntervalMs },
        { provide: GovernanceSecretInventory, useValue: new GovernanceSecretInventory(infra.governance, infra.serviceIdentity) },
        { provide: SECRETS_SWEEP_OPTIONS, useValue: infra.secretsSweep ?? { intervalMs: 0, graceMs: 60 * 60_000 } },
        { provide: VerificationService, useValue: infra.verification },
        { provide: EgressPolicy, useValue: infra.egress },
        {
          provide: GoogleAccessTokens,
          useValue: new GoogleAccessTokens(jwtBearerAccessTokenSource(infra.googleTokenUrl ?? GOOGLE_TOKEN_URL), (host, port) => infra.egress.resolve(host, port)),
        },
        { provide: VERIFY_RATE_LIMITER, useValue: new VerifyRateLimiter(infra.verifyRatePerMinute) },
        ...CONNECTIONS_PROVIDERS,
        ...storageProviders(infra.storageConfig),
        {
          provide: READINESS_PROBES,
          useValue: [
            { name: 'database', check: () => infra.database.dataSource.query('SELECT 1') },
            { name: 'authz', check: () => infra.authz.healthCheck() },
            // A request needs a service account Governance accepts and a Governance whose secrets work.
            ...(infra.governanceReadiness ?? new GovernanceReadiness(infra.governance, infra.serviceIdentity)).probes(),
          ] satisfies ReadinessProbe[],
        },
      ],
    };
  }
}
