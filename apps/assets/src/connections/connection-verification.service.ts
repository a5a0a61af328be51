import { Injectable } from '@nestjs/common';
import type { Principal } from '@app/core';
import { assertPermission, AuthzClient, organizationObject, projectObject } from '@app/authz';
import { type VerificationReport, VerificationService } from '../verification/index.js';
import type { ConnectionType } from '../connection-types/index.js';
import { type AuditDraft, AuditRecorder, GovernanceCredentialsStore } from '../governance/index.js';
import { ConnectionsService } from './connections.service.js';
import type { VerifyConnectionDto, VerifyOptionsDto } from './dto/connection.dto.js';
import { VerifyRateLimiter } from './verify-rate.limiter.js';

/** Verify-before-save and re-verify: the routes' glue around the verification engine. */
@Injectable()
export class ConnectionVerificationService {
  constructor(
    private readonly connections: ConnectionsService,
    private readonly authz: AuthzClient,
    private readonly credentials: GovernanceCredentialsStore,
    private readonly engine: VerificationService,
    private readonly audit: AuditRecorder,
    private readonly rateLimiter: VerifyRateLimiter,
  ) {}

  async verifyNew(
    principal: Principal,
    headerProject: string | null,
    body: VerifyConnectionDto,
  ): Promise<VerificationReport> {
    await assertPermission(
      this.authz,
      principal,
      'can_create_resources',
      headerProject ? projectObject(principal.orgId, headerProject) : organizationObject(principal.orgId),
      headerProject ? 'Project' : 'Organization',
    );
    this.rateLimiter.take(`${principal.orgId}/${principal.userId}`);
    const { discovery, ...connection } = body;
    const input = this.connections.validate(connection, 'verify');
    // The report is released only once its event is written.
    return this.audit.read(
      principal,
      (report) => verified(headerProject, null, input.type, report),
      () =>
        this.engine.verify(
          {
            type: input.type,
            auth_type: input.auth_type,
            config: input.config,
            credentials: input.credentials ?? {},
          },
          {
            orgId: principal.orgId,
            ...this.discoveryOptions(discovery),
            selectedTables: selectedTablesOf(input.config),
          },
        ),
    );
  }

  /** Uses the stored credentials, fetched fresh from Governance, and records the outcome. */
  async verifyExisting(
    principal: Principal,
    headerProject: string | null,
    resourceUri: string,
    discovery?: VerifyOptionsDto,
  ): Promise<VerificationReport> {
    const row = await this.connections.load(principal, headerProject, resourceUri);
    this.rateLimiter.take(`${principal.orgId}/${principal.userId}`);
    const stored = await this.credentials.read(principal, row.resourceUri, row.credentialsVersion);
    const report = await this.engine.verify(
      {
        type: row.connectionType as ConnectionType,
        auth_type: row.authType,
        config: row.config,
        credentials: stored.credentials,
      },
      { orgId: principal.orgId, ...this.discoveryOptions(discovery), selectedTables: row.selectedTables },
    );
    // The outcome is stored together with its event (the event first), then the report is released.
    await this.audit.write(
      principal,
      verified(row.projectId, row.resourceUri, row.connectionType, report),
      () =>
        this.connections.recordVerification(row, {
          success: report.success,
          message: report.message,
          latency_ms: report.latency_ms,
        }),
    );
    return report;
  }

  private discoveryOptions(discovery?: VerifyOptionsDto) {
    return { include: discovery?.include, exclude: discovery?.exclude, maxObjects: discovery?.max_objects };
  }
}

/** The event of one verification: its outcome, never the settings or credentials probed. */
function verified(
  projectId: string | null,
  resourceUri: string | null,
  type: string,
  report: VerificationReport,
): AuditDraft {
  return {
    project_id: projectId,
    action: 'data_connection.verify',
    resource_type: 'data_connection',
    resource_id: resourceUri,
    details: {
      connection_type: type,
      success: report.success,
      error_code: report.details.error_code ?? null,
      latency_ms: report.latency_ms,
    },
  };
}

function selectedTablesOf(config: Record<string, unknown>): string[] | undefined {
  return Array.isArray(config.selected_tables) ? (config.selected_tables as string[]) : undefined;
}
