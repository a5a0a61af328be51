import { Body, Controller, Delete, Get, Header, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors, AppException, type Page, PageQueryDto, type Principal, RequestSignal } from '@app/core';
import { CurrentPrincipal, ProjectHeader } from '@app/auth';
import {
  dataConnectionFromParam,
  formatDataResourceUri,
  parseDataResourceUri,
  RequirePermission,
} from '@app/authz';
import { type AuditEventInput, AuditedRead, AuditedWrite, AuditSource, PendingAudit } from '@app/audit';
import { AuditRecorder } from '../audit/index.js';
import type { SecretRef, SecretScope } from '@app/secrets';
import { SecretsService } from './secrets.service.js';
import {
  SECRET_NAME,
  SecretMetadataDto,
  SecretPageDto,
  SecretValueDto,
  UpdateSecretDto,
} from './secret.dto.js';

function scopeOf(principal: Principal, resourceUri: string): SecretScope {
  const ref = parseDataResourceUri(resourceUri);
  // The guard already resolved the URI inside the caller's org; this keeps the type honest.
  if (!ref || ref.orgId !== principal.orgId) throw AppException.notFound('Data connection');
  return { orgId: ref.orgId, projectId: ref.projectId, resourceUri: formatDataResourceUri(ref) };
}

function refOf(principal: Principal, resourceUri: string, name: string): SecretRef {
  if (!SECRET_NAME.test(name)) throw AppException.notFound('Secret');
  return { ...scopeOf(principal, resourceUri), name };
}

const resourceId = (req: { params?: unknown }) => {
  const p = req.params as Record<string, string>;
  return `${p.resource_uri}#${p.name ?? ''}`;
};

const URI_PARAM = {
  name: 'resource_uri',
  example: 'data:acme-corp:analytics-prod:customer-db',
  description: 'Raw or percent-encoded (`%3A`) colons both work',
};

/**
 * Secrets owned by a resource (a data connection's credentials), keyed by its resource URI.
 * Permissions are checked on the resource itself, never taken from the caller's word.
 */
@ApiTags('secrets')
@AuditSource('governance')
@ProjectHeader('none')
@Controller('resources/data-connections/:resource_uri/secrets')
export class ResourceSecretsController {
  constructor(
    private readonly secrets: SecretsService,
    private readonly audit: AuditRecorder,
  ) {}

  @Get()
  @ApiParam(URI_PARAM)
  @RequirePermission('can_read_secrets', dataConnectionFromParam('resource_uri'), 'Data connection')
  @ApiOperation({ summary: 'List the secret names of a data connection' })
  @ApiOkResponse({ type: SecretPageDto })
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('resource_uri') uri: string,
    @Query() query: PageQueryDto,
    @RequestSignal() signal?: AbortSignal,
  ): Promise<Page<SecretMetadataDto>> {
    return this.secrets.list(scopeOf(principal, uri), query.page, query.limit, { signal });
  }

  @Get(':name')
  @ApiParam(URI_PARAM)
  @Header('Cache-Control', 'no-store')
  @RequirePermission('can_read_secrets', dataConnectionFromParam('resource_uri'), 'Data connection')
  @AuditedRead({ action: 'data_connection.secret.read', resourceType: 'data_connection', resourceId })
  @ApiOperation({ summary: 'Read a data connection secret (audited, fails closed)' })
  @ApiOkResponse({ type: SecretValueDto })
  read(
    @CurrentPrincipal() principal: Principal,
    @Param('resource_uri') uri: string,
    @Param('name') name: string,
    @PendingAudit() audit: AuditEventInput,
    @RequestSignal() signal?: AbortSignal,
  ): Promise<SecretValueDto> {
    return this.audit.read(audit, () => this.secrets.read(refOf(principal, uri, name), { signal }));
  }

  @Put(':name')
  @ApiParam(URI_PARAM)
  @RequirePermission('can_manage_secrets', dataConnectionFromParam('resource_uri'), 'Data connection')
  @AuditedWrite({ action: 'data_connection.secret.write', resourceType: 'data_connection', resourceId })
  @ApiOperation({ summary: 'Create or replace a data connection secret (idempotent)' })
  @ApiOkResponse({ type: SecretMetadataDto })
  @ApiErrors(422)
  put(
    @CurrentPrincipal() principal: Principal,
    @Param('resource_uri') uri: string,
    @Param('name') name: string,
    @Body() body: UpdateSecretDto,
    @PendingAudit() audit: AuditEventInput,
    @RequestSignal() signal?: AbortSignal,
  ): Promise<SecretMetadataDto> {
    return this.secrets.put(audit, refOf(principal, uri, name), body.value, body.description, { signal });
  }

  @Delete(':name')
  @ApiParam(URI_PARAM)
  @HttpCode(204)
  @RequirePermission('can_manage_secrets', dataConnectionFromParam('resource_uri'), 'Data connection')
  @AuditedWrite({ action: 'data_connection.secret.delete', resourceType: 'data_connection', resourceId })
  @ApiOperation({ summary: 'Delete a data connection secret (idempotent)' })
  @ApiNoContentResponse()
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param('resource_uri') uri: string,
    @Param('name') name: string,
    @PendingAudit() audit: AuditEventInput,
    @RequestSignal() signal?: AbortSignal,
  ): Promise<void> {
    await this.secrets.deleteIfPresent(audit, refOf(principal, uri, name), { signal });
  }
}
