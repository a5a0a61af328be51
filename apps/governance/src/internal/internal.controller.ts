import { Body, Controller, Delete, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ApiErrors, AppException, type Principal, traceIdOf } from '@app/core';
import { CurrentPrincipal, ProjectHeader } from '@app/auth';
import type { AuditEventInput } from '@app/audit';
import { AuditedChanges } from '../audit/audited-changes.js';
import { formatDataResourceUri, parseDataResourceUri } from '@app/authz';
import { SecretsService } from '../secrets/secrets.service.js';
import { SECRET_NAME } from '../secrets/secret.dto.js';
import { TrustedServiceGuard } from './trusted-service.guard.js';

export class ServiceAuditEventDto {
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/) project_id?: string | null;
  @ApiProperty() @IsString() @MaxLength(255) actor_id: string;
  @ApiProperty({ enum: ['user', 'service', 'system'] }) @IsIn(['user', 'service', 'system']) actor_type: 'user' | 'service' | 'system';
  @ApiProperty({ example: 'data_connection.create' }) @Matches(/^(data_connection|file|storage)(\.[a-z_]+){1,3}$/) action: string;
  @ApiProperty() @Matches(/^[a-z_]{1,64}$/) resource_type: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1024) resource_id?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(128) request_id?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) trace_id?: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) @IsOptional() @IsObject() details?: Record<string, unknown>;
}

/**
 * Routes for platform services (Assets), authenticated as service accounts acting in the org
 * named by X-Org-Id. Narrow on purpose: write audit events, and delete (never read) the secrets
 * of resources, which the Assets reconciler needs to undo an interrupted operation.
 */
@ApiTags('internal')
@ApiBearerAuth()
@ProjectHeader('none')
@UseGuards(TrustedServiceGuard)
@ApiErrors(401, 404, 422)
@Controller('internal')
export class InternalController {
  constructor(
    private readonly changes: AuditedChanges,
    private readonly secrets: SecretsService,
  ) {}

  @Post('audit/events')
  @HttpCode(204)
  @ApiOperation({ summary: 'Record an audit event emitted by a platform service (service accounts only)' })
  @ApiNoContentResponse()
  async recordEvent(@CurrentPrincipal() service: Principal, @Body() body: ServiceAuditEventDto): Promise<void> {
    await this.changes.record({ ...body, org_id: service.orgId, source_service: service.userId.replace(/^service-account-/, '') });
  }

  @Delete('resources/data-connections/:resource_uri/secrets/:name')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a data connection secret during cleanup (service accounts only; idempotent)' })
  @ApiNoContentResponse()
  async deleteResourceSecret(
    @CurrentPrincipal() service: Principal,
    @Param('resource_uri') uri: string,
    @Param('name') name: string,
    @Req() request: FastifyRequest,
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
      request_id: String(request.id),
      trace_id: traceIdOf(request),
      details: { reason: 'cleanup' },
    };
    await this.secrets.deleteIfPresent(audit, { orgId: ref.orgId, projectId: ref.projectId, resourceUri: formatDataResourceUri(ref), name });
  }
}
