import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { AuthConfig } from '@app/auth';
import { AppMetrics, MetricsModule } from '@app/core';
import { AuthzClient } from '@app/authz';
import { type Database, databaseProviders } from '@app/database';
import type { ObjectStore, StorageConfig } from '@app/storage';
import { AssetsConfig } from './assets.config.js';
import type { ConsoleSettings } from './console/index.js';
import { EgressPolicy } from './egress/index.js';
import { GovernanceClient, ServiceIdentity } from './governance/index.js';
import { DEFAULT_OBJECT_STORE, STORAGE_CONFIG } from './storage/index.js';
import { VerificationConfig } from './verification/index.js';

/** Everything built before Nest starts (assets.bootstrap.ts): validated config and the external systems behind their ports. */
export interface AssetsInfra {
  config: AssetsConfig;
  authConfig: AuthConfig;
  database: Database;
  authz: AuthzClient;
  governance: GovernanceClient;
  serviceIdentity: ServiceIdentity;
  egress: EgressPolicy;
  verificationConfig: VerificationConfig;
  storageConfig: StorageConfig;
  /** The platform's default object store, built from storageConfig. */
  objectStore: ObjectStore;
  /** This app's Prometheus registry; infra built by hand gets a fresh one. */
  metrics?: AppMetrics;
  /** The web console at /console; infra built by hand (unit tests) serves none. */
  console?: ConsoleSettings;
}

/** The one door infrastructure enters by: every feature injects these, none builds them. */
@Global()
@Module({})
export class AssetsInfraModule {
  static forRoot(infra: AssetsInfra): DynamicModule {
    const providers = [
      { provide: AssetsConfig, useValue: infra.config },
      { provide: AuthzClient, useValue: infra.authz },
      { provide: GovernanceClient, useValue: infra.governance },
      { provide: ServiceIdentity, useValue: infra.serviceIdentity },
      { provide: EgressPolicy, useValue: infra.egress },
      { provide: VerificationConfig, useValue: infra.verificationConfig },
      { provide: STORAGE_CONFIG, useValue: infra.storageConfig },
      { provide: DEFAULT_OBJECT_STORE, useValue: infra.objectStore },
    ];
    const database = databaseProviders(infra.database);
    return {
      module: AssetsInfraModule,
      imports: [MetricsModule.forRoot(infra.metrics ?? new AppMetrics('assets'))],
      providers: [...providers, ...database],
      exports: [...providers.map((provider) => provider.provide), ...database],
    };
  }
}
