import { type DynamicModule, Global, Module } from '@nestjs/common';
import {
  AppMetrics,
  MetricsModule,
  NO_TRACING,
  READINESS_PROBES,
  type ReadinessProbe,
  Tracing,
} from '@app/core';
import { type AuthConfig, resolveAuthSettings } from '@app/auth';
import { AuthzClient } from '@app/authz';
import { SecretsBackend } from '@app/secrets';
import { type Database, DatabaseHealth, databaseProviders } from '@app/database';
import { TRUSTED_SERVICES, type TrustedServices } from './internal/index.js';

/** Everything built before Nest starts (governance.bootstrap.ts): external systems behind their ports. */
export interface GovernanceInfra {
  authConfig: AuthConfig;
  database: Database;
  authz: AuthzClient;
  secrets: SecretsBackend;
  logLevel: string;
  /** LOG_FORMAT; unset: pretty on a terminal, else JSON. */
  logFormat?: string;
  /** Service account subjects allowed on /internal routes. */
  trustedServices: string[];
  /** GOVERNANCE_REQUEST_TIMEOUT_MS: bound of every request's deadline (default 30 s). */
  requestTimeoutMs?: number;
  /** Origins allowed to call the API from a browser (CORS_ORIGINS); none when unset. */
  browserOrigins?: string[];
  /** This app's Prometheus registry; infra built by hand gets a fresh one. */
  metrics?: AppMetrics;
  /** This app's tracer (startTracing); NO_TRACING when absent. */
  tracing?: Tracing;
}

/** The one door infrastructure enters by: every feature injects these, none builds them. */
@Global()
@Module({})
export class GovernanceInfraModule {
  static forRoot(infra: GovernanceInfra): DynamicModule {
    const trusted: TrustedServices = {
      subjects: new Set(infra.trustedServices),
      platformRealm: resolveAuthSettings(infra.authConfig).platformRealm,
    };
    const providers = [
      { provide: AuthzClient, useValue: infra.authz },
      { provide: SecretsBackend, useValue: infra.secrets },
      { provide: TRUSTED_SERVICES, useValue: trusted },
      { provide: Tracing, useValue: infra.tracing ?? NO_TRACING },
    ];
    const persistence = databaseProviders(infra.database);
    return {
      module: GovernanceInfraModule,
      imports: [MetricsModule.forRoot(infra.metrics ?? new AppMetrics('governance'))],
      providers: [...providers, ...persistence, readinessProbes],
      exports: [...providers.map((provider) => provider.provide), ...persistence, READINESS_PROBES],
    };
  }
}

/** What /health/ready and Governance's internal readiness route check. */
const readinessProbes = {
  provide: READINESS_PROBES,
  useFactory: (database: DatabaseHealth, authz: AuthzClient, secrets: SecretsBackend): ReadinessProbe[] => [
    { name: 'database', check: () => database.check() },
    { name: 'authz', check: () => authz.healthCheck() },
    { name: 'secrets', check: () => secrets.healthCheck() },
  ],
  inject: [DatabaseHealth, AuthzClient, SecretsBackend],
};
