import { type DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { createLoggerModule, HealthController, READINESS_PROBES, type ReadinessProbe } from '@app/core';
import { AuthModule, type AuthConfig, resolveAuthSettings } from '@app/auth';
import { AuthzClient } from '@app/authz';
import { AuditSink } from '@app/audit';
import { SecretsBackend } from '@app/secrets';
import type { Database } from '@app/database';
import { ProjectsController } from './access/projects.controller.js';
import { ProjectsService } from './access/projects.service.js';
import { GrantsController } from './access/grants.controller.js';
import { GrantsService } from './access/grants.service.js';
import { DatabaseProjectDirectory } from './access/database-project.directory.js';
import { AuditController } from './audit/audit.controller.js';
import { DatabaseAuditSink } from './audit/database-audit.sink.js';
import { AuditedChanges } from './audit/audited-changes.js';
import { ProjectSecretsController } from './secrets/project-secrets.controller.js';
import { ResourceSecretsController } from './secrets/resource-secrets.controller.js';
import { SecretsService } from './secrets/secrets.service.js';
import { InternalController } from './internal/internal.controller.js';
import { ResourceSecretsInventoryController } from './internal/resource-secrets-inventory.controller.js';
import { TRUSTED_SERVICES, type TrustedServices } from './internal/trusted-service.guard.js';

/** Everything built before Nest starts: external systems behind their ports. */
export interface GovernanceInfra {
  authConfig: AuthConfig;
  database: Database;
  authz: AuthzClient;
  secrets: SecretsBackend;
  logLevel: string;
  /** Service account subjects allowed on /internal routes. */
  trustedServices: string[];
  /** Tests may swap the audit sink to inject faults; production always uses the database. */
  auditSink?: AuditSink;
  /** GOVERNANCE_REQUEST_TIMEOUT_MS: bound of every request's deadline (default 30 s). */
  requestTimeoutMs?: number;
}

@Module({})
export class GovernanceModule {
  static register(infra: GovernanceInfra): DynamicModule {
    return {
      module: GovernanceModule,
      imports: [
        createLoggerModule({ service: 'governance', level: infra.logLevel }),
        TerminusModule,
        AuthModule.forRoot(infra.authConfig, { projectDirectory: { useValue: new DatabaseProjectDirectory(infra.database.dataSource, infra.authz) } }),
      ],
      controllers: [
        HealthController,
        ProjectsController,
        GrantsController,
        AuditController,
        ProjectSecretsController,
        ResourceSecretsController,
        InternalController,
        ResourceSecretsInventoryController,
      ],
      providers: [
        { provide: DataSource, useValue: infra.database.dataSource },
        { provide: AuthzClient, useValue: infra.authz },
        { provide: SecretsBackend, useValue: infra.secrets },
        infra.auditSink ? { provide: AuditSink, useValue: infra.auditSink } : { provide: AuditSink, useClass: DatabaseAuditSink },
        {
          provide: TRUSTED_SERVICES,
          useValue: { subjects: new Set(infra.trustedServices), platformRealm: resolveAuthSettings(infra.authConfig).platformRealm } satisfies TrustedServices,
        },
        AuditedChanges,
        ProjectsService,
        GrantsService,
        SecretsService,
        {
          provide: READINESS_PROBES,
          useValue: [
            { name: 'database', check: () => infra.database.dataSource.query('SELECT 1') },
            { name: 'authz', check: () => infra.authz.healthCheck() },
            { name: 'secrets', check: () => infra.secrets.healthCheck() },
          ] satisfies ReadinessProbe[],
        },
      ],
      exports: [ProjectsService],
    };
  }
}
