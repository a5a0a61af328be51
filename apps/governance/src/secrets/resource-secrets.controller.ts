import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import {
  ApiBody,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiErrors,
  AppException,
  NoStore,
  type Page,
  PageQueryDto,
  type Principal,
  RequestSignal,
} from '@app/core';
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
  RESOURCE_SECRET_METADATA_EXAMPLE,
  SECRET_EXAMPLES,
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

/** The connection's project, from its URI: the audit event belongs to it whatever X-Project-ID says. */
const projectId = (req: { params?: unknown }) =>
  parseDataResourceUri((req.params as Record<string, string>).resource_uri)?.projectId;

const URI_PARAM = {
  name: 'resource_uri',
  example: 'data:acme-corp:analytics-prod:customer-db',
  description: 'Raw or percent-encoded (`%3A`) colons both work',
};
const NAME_PARAM = ApiParam({
  name: 'name',
  example: 'credentials-v1',
  description: '1-128 characters of `A-Z a-z 0-9 _ . -`; any other name is not found',
});

/**
 * Secrets owned by a resource (a data connection's credentials), keyed by its resource URI.
 * Permissions are checked on the resource itself, never taken from the caller's word.
 * @RequirePermission documents 401/403/404, and the document's finishing pass 400 (and 415 on the
 * PUT); the routes list the statuses beyond those.
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
  @ApiOperation({
    operationId: 'listResourceSecrets',
    summary: 'List the secrets of a data connection by name, paged (metadata only, never values)',
  })
  @ApiOkResponse({
    type: SecretPageDto,
    example: {
      data: [RESOURCE_SECRET_METADATA_EXAMPLE],
      pagination: { page: 1, limit: 20, total_items: 1, total_pages: 1, next_page: null, prev_page: null },
    },
  })
  @ApiErrors(429, 503, 504)
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
  @NoStore()
  @RequirePermission('can_read_secrets', dataConnectionFromParam('resource_uri'), 'Data connection')
  @AuditedRead({
    action: 'data_connection.secret.read',
    resourceType: 'data_connection',
    resourceId,
    projectId,
  })
  @ApiOperation({
    operationId: 'getResourceSecret',
    summary:
      'Read a data connection secret (audited; fails closed with 503 if the audit event cannot be written)',
  })
  @NAME_PARAM
  @ApiOkResponse({
    type: SecretValueDto,
    example: { ...RESOURCE_SECRET_METADATA_EXAMPLE, value: SECRET_EXAMPLES.resourcePut.value.value },
  })
  @ApiErrors(429, 503, 504)
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
  @AuditedWrite({
    action: 'data_connection.secret.write',
    resourceType: 'data_connection',
    resourceId,
    projectId,
  })
  @ApiOperation({
    operationId: 'putResourceSecret',
    summary: 'Create or replace a data connection secret (idempotent)',
  })
  @NAME_PARAM
  @ApiBody({ type: UpdateSecretDto, examples: { credentials: SECRET_EXAMPLES.resourcePut } })
  @ApiOkResponse({ type: SecretMetadataDto, example: RESOURCE_SECRET_METADATA_EXAMPLE })
  @ApiErrors(413, 422, 429, 503, 504)
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
  @AuditedWrite({
    action: 'data_connection.secret.delete',
    resourceType: 'data_connection',
    resourceId,
    projectId,
  })
  @ApiOperation({
    operationId: 'deleteResourceSecret',
    summary: 'Delete a data connection secret (idempotent: a missing secret is deleted already)',
  })
  @NAME_PARAM
  @ApiNoContentResponse({ description: 'Deleted, or there was nothing to delete' })
  @ApiErrors(429, 503, 504)
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
