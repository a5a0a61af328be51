import { type DynamicModule, Global, Module } from '@nestjs/common';
import { READINESS_PROBES, type ReadinessProbe } from '@app/core';
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
  /** Service account subjects allowed on /internal routes. */
  trustedServices: string[];
  /** GOVERNANCE_REQUEST_TIMEOUT_MS: bound of every request's deadline (default 30 s). */
  requestTimeoutMs?: number;
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
    const database = new DatabaseHealth(infra.database.dataSource);
    const probes: ReadinessProbe[] = [
      { name: 'database', check: () => database.check() },
      { name: 'authz', check: () => infra.authz.healthCheck() },
      { name: 'secrets', check: () => infra.secrets.healthCheck() },
    ];
    const providers = [
      { provide: AuthzClient, useValue: infra.authz },
      { provide: SecretsBackend, useValue: infra.secrets },
      { provide: TRUSTED_SERVICES, useValue: trusted },
      { provide: READINESS_PROBES, useValue: probes },
    ];
    const persistence = databaseProviders(infra.database);
    return {
      module: GovernanceInfraModule,
      providers: [...providers, ...persistence],
      exports: [...providers.map((provider) => provider.provide), ...persistence],
    };
  }
}
