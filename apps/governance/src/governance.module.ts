import { type DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { createLoggerModule, HealthController } from '@app/core';
import { AuthModule } from '@app/auth';
import { AccessModule, DatabaseProjectDirectory } from './access/index.js';
import { AuditModule } from './audit/index.js';
import { type GovernanceInfra, GovernanceInfraModule } from './governance-infra.module.js';
import { InternalModule } from './internal/index.js';
import { SecretsModule } from './secrets/index.js';

export type { GovernanceInfra };

/**
 * The composition root: infrastructure once, then one module per feature, talking through what
 * their `index.ts` exports (lint enforces it): AccessModule, SecretsModule and InternalModule
 * write through AuditModule's AuditedChanges.
 */
@Module({})
export class GovernanceModule {
  static register(infra: GovernanceInfra): DynamicModule {
    return {
      module: GovernanceModule,
      imports: [
        createLoggerModule({ service: 'governance', level: infra.logLevel, format: infra.logFormat }),
        TerminusModule,
        GovernanceInfraModule.forRoot(infra),
        AuthModule.forRoot(infra.authConfig, {
          projectDirectory: { useExisting: DatabaseProjectDirectory },
          imports: [AccessModule],
        }),
        AuditModule,
        AccessModule,
        SecretsModule,
        InternalModule,
      ],
      controllers: [HealthController],
    };
  }
}
