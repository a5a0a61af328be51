import { type DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { createLoggerModule, HealthController, READINESS_PROBES, type ReadinessProbe } from '@app/core';
import { AuthModule } from '@app/auth';
import { AuthzClient } from '@app/authz';
import { DatabaseHealth } from '@app/database';
import { type AssetsInfra, AssetsInfraModule } from './assets-infra.module.js';
import { ConnectionsModule } from './connections/index.js';
import { ConsoleModule } from './console/index.js';
import {
  GovernanceGatewayModule,
  GovernanceProjectDirectory,
  GovernanceReadiness,
} from './governance/index.js';
import { NotificationsModule } from './notifications/index.js';
import { SessionModule } from './session/index.js';
import { StorageModule } from './storage/index.js';

export type { AssetsInfra };

/**
 * The composition root: infrastructure once, then one module per feature. Features talk through
 * what their `index.ts` exports (lint enforces it):
 *
 *   SessionModule · ConnectionsModule → VerificationModule, GovernanceGatewayModule
 *   StorageModule → ConnectionsModule, GovernanceGatewayModule
 *   ConnectionsModule → NotificationsModule → GovernanceGatewayModule
 */
@Module({})
export class AssetsModule {
  static register(infra: AssetsInfra): DynamicModule {
    return {
      module: AssetsModule,
      imports: [
        createLoggerModule({
          service: 'assets',
          level: infra.config.LOG_LEVEL,
          format: infra.config.LOG_FORMAT,
        }),
        TerminusModule,
        AssetsInfraModule.forRoot(infra),
        AuthModule.forRoot(infra.authConfig, {
          projectDirectory: { useExisting: GovernanceProjectDirectory },
          imports: [GovernanceGatewayModule],
          devIdp: false,
        }),
        GovernanceGatewayModule,
        SessionModule,
        ConnectionsModule,
        StorageModule,
        NotificationsModule,
        ...(infra.console ? [ConsoleModule.register(infra.console)] : []),
      ],
      controllers: [HealthController],
      providers: [
        {
          provide: READINESS_PROBES,
          // A request needs the database, OpenFGA, a service account Governance accepts and a Governance whose secrets work.
          useFactory: (
            database: DatabaseHealth,
            authz: AuthzClient,
            governance: GovernanceReadiness,
          ): ReadinessProbe[] => [
            { name: 'database', check: () => database.check() },
            { name: 'authz', check: () => authz.healthCheck() },
            ...governance.probes(),
          ],
          inject: [DatabaseHealth, AuthzClient, GovernanceReadiness],
        },
      ],
    };
  }
}
