import { type DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { createLoggerModule, HealthController, READINESS_PROBES, type ReadinessProbe } from '@app/core';
import { AuthModule, type AuthConfig } from '@app/auth';
import { AuthzClient } from '@app/authz';
import type { Database } from '@app/database';
import { GovernanceClient } from './governance/governance.client.js';
import { SessionController } from './session/session.controller.js';
import { GovernanceProjectDirectory } from './governance/governance-project.directory.js';

export interface AssetsInfra {
  authConfig: AuthConfig;
  database: Database;
  authz: AuthzClient;
  governance: GovernanceClient;
  logLevel: string;
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
      controllers: [HealthController, SessionController],
      providers: [
        { provide: DataSource, useValue: infra.database.dataSource },
        { provide: AuthzClient, useValue: infra.authz },
        { provide: GovernanceClient, useValue: infra.governance },
        {
          provide: READINESS_PROBES,
          useValue: [
            { name: 'database', check: () => infra.database.dataSource.query('SELECT 1') },
            { name: 'authz', check: () => infra.authz.healthCheck() },
            { name: 'governance', check: () => infra.governance.ping() },
          ] satisfies ReadinessProbe[],
        },
      ],
    };
  }
}
