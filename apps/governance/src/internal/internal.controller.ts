import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  ApiBearerAuth,
  ApiBody,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
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
  NoStore,
  requestSignalOf,
  TrustedServiceOnly,
} from '@app/core';
import { CurrentPrincipal, ProjectHeader } from '@app/auth';
import { AuditRecorder } from '../audit/index.js';
import { SECRET_VALUE_EXAMPLE, SecretsService, SecretValueDto } from '../secrets/index.js';
import { SECRET_NAME } from '../secrets/index.js';
import { TrustedServiceGuard } from './trusted-service.guard.js';
import { dataConnectionSecretRef, secretInServiceOrg, serviceSecretEvent } from './service-secret-access.js';
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
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1024 })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  resource_id?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 128 })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  request_id?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  trace_id?: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  details?: Record<string, unknown>;
}

/** OpenAPI example: what Assets reports when a user creates a data connection. */
const SERVICE_EVENT_EXAMPLE: ServiceAuditEventDto = {
  project_id: 'analytics-prod',
  actor_id: '3f9a7c2e-1d4b-4e8a-b6c5-0a9d8e7f6b5c',
  actor_type: 'user',
  action: 'data_connection.create',
  resource_type: 'data_connection',
  resource_id: 'data:acme-corp:analytics-prod:customer-db',
  request_id: '01JPB4Q9X2M7K3N8R5T6V1W0YZ',
  trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
  details: { connection_type: 'postgres' },
};

/** Why a platform service reads a connection's credentials itself: only for checks it schedules. */
export const SERVICE_READ_PURPOSES = ['health_check', 'rotation_check'] as const;

export class ServiceSecretReadQueryDto {
  @ApiProperty({ enum: SERVICE_READ_PURPOSES, description: 'Recorded in the audit event of the read' })
  @IsIn(SERVICE_READ_PURPOSES)
  purpose: (typeof SERVICE_READ_PURPOSES)[number];
}

/** Only a connection's credentials versions: a service read never reaches other secrets. */
const CREDENTIALS_NAME = /^credentials-v[1-9][0-9]{0,9}$/;

/** Bound on each of Governance's own probes when a platform service asks whether it is ready. */
const INTERNAL_PROBE_TIMEOUT_MS = 1000;

/**
 * Routes for platform services (Assets), authenticated as service accounts acting in the org
 * named by X-Org-Id. Narrow on purpose: write audit events; delete the secrets of resources,
 * which the Assets reconciler needs to undo an interrupted operation; read a connection's
 * credentials for a check Assets schedules itself (health checks), audited with its purpose;
 * and say whether Governance is ready, which also proves to the caller that its account is accepted.
 * Webhook signing secrets, which only the service account ever reads, have their own controller.
 * 400 and 401 (and 415 on the body route) are documented by the document's finishing pass.
 */
@ApiTags('internal')
@ApiBearerAuth()
@ProjectHeader('none')
@TrustedServiceOnly(TrustedServiceGuard)
@Controller('internal')
export class InternalController {
  constructor(
    private readonly audit: AuditRecorder,
    private readonly secrets: SecretsService,
    @Inject(READINESS_PROBES) private readonly probes: ReadinessProbe[],
  ) {}

  @Get('ready')
  @ApiOperation({
    operationId: 'getInternalReadiness',
    summary:
      "Governance's readiness (database, authorization, secrets backend) for a platform service (service accounts only)",
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['status'],
      properties: { status: { type: 'string', enum: ['ok'] } },
    },
    example: { status: 'ok' },
  })
  @ApiErrors(404, 503)
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
  @ApiOperation({
    operationId: 'recordAuditEvent',
    summary: 'Record an audit event emitted by a platform service (service accounts only)',
  })
  @ApiBody({
    type: ServiceAuditEventDto,
    examples: {
      connectionCreate: { summary: 'A data connection created by a user', value: SERVICE_EVENT_EXAMPLE },
      verify: {
        summary: 'A check run by the service itself',
        value: {
          actor_id: 'service-account-assets',
          actor_type: 'service',
          action: 'data_connection.verify',
          resource_type: 'data_connection',
          resource_id: 'data:acme-corp::shared-warehouse',
        },
      },
    },
  })
  @ApiNoContentResponse({ description: 'Recorded' })
  @ApiErrors(404, 413, 422, 503)
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
    operationId: 'deleteResourceSecretInternal',
    summary: 'Delete a data connection secret during cleanup (service accounts only; idempotent; audited)',
  })
  @ApiParam({ name: 'resource_uri', example: 'data:acme-corp:analytics-prod:customer-db' })
  @ApiParam({ name: 'name', example: 'credentials-v1' })
  @ApiNoContentResponse({ description: 'Deleted, or there was nothing to delete' })
  @ApiErrors(404, 429, 503, 504)
  async deleteResourceSecret(
    @CurrentPrincipal() service: Principal,
    @Param('resource_uri') uri: string,
    @Param('name') name: string,
    @Req() request: FastifyRequest,
    @Query() query: SecretDeletionQueryDto,
  ): Promise<void> {
    const ref = secretInServiceOrg(service, dataConnectionSecretRef(uri, name, SECRET_NAME));
    const audit = serviceSecretEvent(service, ref, {
      action: 'data_connection.secret.delete',
      resource_type: 'data_connection',
      resource_id: `${uri}#${name}`,
      details: { reason: query.reason ?? 'cleanup' },
    });
    await this.secrets.deleteIfPresent(audit, ref, { signal: requestSignalOf(request) });
  }

  @Get('resources/data-connections/:resource_uri/secrets/:name')
  @NoStore()
  @ApiOperation({
    operationId: 'readResourceSecretInternal',
    summary:
      "Read a data connection's credentials for a check the service schedules itself (service accounts only; audited with its purpose; fails closed)",
  })
  @ApiParam({ name: 'resource_uri', example: 'data:acme-corp:analytics-prod:customer-db' })
  @ApiParam({ name: 'name', example: 'credentials-v1' })
  @ApiOkResponse({ type: SecretValueDto, example: { ...SECRET_VALUE_EXAMPLE, name: 'credentials-v1' } })
  @ApiErrors(404, 429, 503, 504)
  async readResourceSecret(
    @CurrentPrincipal() service: Principal,
    @Param('resource_uri') uri: string,
    @Param('name') name: string,
    @Req() request: FastifyRequest,
    @Query() query: ServiceSecretReadQueryDto,
  ): Promise<SecretValueDto> {
    const ref = secretInServiceOrg(service, dataConnectionSecretRef(uri, name, CREDENTIALS_NAME));
    const audit = serviceSecretEvent(service, ref, {
      action: 'data_connection.secret.read',
      resource_type: 'data_connection',
      resource_id: `${uri}#${name}`,
      details: { purpose: query.purpose },
    });
    return this.audit.read(audit, () => this.secrets.read(ref, { signal: requestSignalOf(request) }));
  }
}
