import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  ApiErrors,
  AppException,
  ErrorCode,
  type Principal,
  READINESS_PROBES,
  type ReadinessProbe,
  requestSignalOf,
  TrustedServiceOnly,
} from '@app/core';
import { CurrentPrincipal, ProjectHeader } from '@app/auth';
import type { AuditEventInput } from '@app/audit';
import { AuditRecorder } from '../audit/index.js';
import { formatDataResourceUri, parseDataResourceUri } from '@app/authz';
import { SecretsService } from '../secrets/index.js';
import { SECRET_NAME } from '../secrets/index.js';
import { TrustedServiceGuard } from './trusted-service.guard.js';
import { SecretDeletionQueryDto } from './resource-secrets-inventory.controller.js';

export class ServiceAuditEventDto {
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/)
  project_id?: string | null;
  @ApiProperty() @IsString() @MaxLength(255) actor_id: string;
  @ApiProperty({ enum: ['user', 'service', 'system'] }) @IsIn(['user', 'service', 'system']) actor_type:
    'user' | 'service' | 'system';
  @ApiProperty({ example: 'data_connection.create' })
  @Matches(/^(data_connection|file|storage)(\.[a-z_]+){1,3}$/)
  action: string;
  @ApiProperty() @Matches(/^[a-z_]{1,64}$/) resource_type: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1024) resource_id?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(128) request_id?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) trace_id?: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  details?: Record<string, unknown>;
}

/** Bound on each of Governance's own probes when a platform service asks whether it is ready. */
const INTERNAL_PROBE_TIMEOUT_MS = 1000;

/**
 * Routes for platform services (Assets), authenticated as service accounts acting in the org
 * named by X-Org-Id. Narrow on purpose: write audit events, delete (never read) the secrets
 * of resources, which the Assets reconciler needs to undo an interrupted operation, and say
 * whether Governance is ready, which also proves to the caller that its account is accepted.
 */
@ApiTags('internal')
@ApiBearerAuth()
@ProjectHeader('none')
@TrustedServiceOnly(TrustedServiceGuard)
@ApiErrors(401, 404, 422)
@Controller('internal')
export class InternalController {
  constructor(
    private readonly audit: AuditRecorder,
    private readonly secrets: SecretsService,
    @Inject(READINESS_PROBES) private readonly probes: ReadinessProbe[],
  ) {}

  @Get('ready')
  @ApiOperation({
    summary:
      "Governance's readiness (database, authorization, secrets backend) for a platform service (service accounts only)",
  })
  @ApiOkResponse({ schema: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] } } } })
  @ApiServiceUnavailableResponse({
    description: 'A dependency is down; `error.details.failing` names each one and why',
  })
  async ready(): Promise<{ status: 'ok' }> {
    const failing = (
      await Promise.all(
        this.probes.map(async (probe) => {
          let timer: NodeJS.Timeout | undefined;
          try {
            await Promise.race([
              probe.check(),
              new Promise(
                (_, reject) =>
                  (timer = setTimeout(
                    () => reject(new Error(`timeout of ${INTERNAL_PROBE_TIMEOUT_MS}ms exceeded`)),
                    INTERNAL_PROBE_TIMEOUT_MS,
                  )),
              ),
            ]);
            return null;
          } catch (error) {
            return {
              name: probe.name,
              message: error instanceof Error ? error.message.slice(0, 300) : 'down',
            };
          } finally {
            clearTimeout(timer);
          }
        }),
      )
    ).filter((item) => item !== null);
    if (failing.length === 0) return { status: 'ok' };
    throw new AppException(
      ErrorCode.SERVICE_UNAVAILABLE,
      `governance is not ready: ${failing.map((f) => f.name).join(', ')}`,
      { failing },
    );
  }

  @Post('audit/events')
  @HttpCode(204)
  @ApiOperation({ summary: 'Record an audit event emitted by a platform service (service accounts only)' })
  @ApiNoContentResponse()
  async recordEvent(
    @CurrentPrincipal() service: Principal,
    @Body() body: ServiceAuditEventDto,
  ): Promise<void> {
    await this.audit.record({
      ...body,
      org_id: service.orgId,
      source_service: service.userId.replace(/^service-account-/, ''),
    });
  }

  @Delete('resources/data-connections/:resource_uri/secrets/:name')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a data connection secret during cleanup (service accounts only; idempotent)',
  })
  @ApiNoContentResponse()
  async deleteResourceSecret(
    @CurrentPrincipal() service: Principal,
    @Param('resource_uri') uri: string,
    @Param('name') name: string,
    @Req() request: FastifyRequest,
    @Query() query: SecretDeletionQueryDto,
  ): Promise<void> {
    const ref = parseDataResourceUri(uri);
    if (!ref || ref.orgId !== service.orgId || !SECRET_NAME.test(name)) throw AppException.notFound('Secret');
    const audit: AuditEventInput = {
      org_id: ref.orgId,
      project_id: ref.projectId,
      actor_id: service.userId,
      actor_type: 'service',
      action: 'data_connection.secret.delete',
      resource_type: 'data_connection',
      resource_id: `${uri}#${name}`,
      source_service: 'governance',
      details: { reason: query.reason ?? 'cleanup' },
    };
    await this.secrets.deleteIfPresent(
      audit,
      { orgId: ref.orgId, projectId: ref.projectId, resourceUri: formatDataResourceUri(ref), name },
      { signal: requestSignalOf(request) },
    );
  }
}
