import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
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
import { CurrentPrincipal, CurrentProject, ProjectHeader } from '@app/auth';
import { projectFromHeader, RequirePermission } from '@app/authz';
import { type AuditEventInput, AuditedRead, AuditedWrite, AuditSource, PendingAudit } from '@app/audit';
import { AuditRecorder } from '../audit/index.js';
import type { SecretRef } from '@app/secrets';
import { SecretsService } from './secrets.service.js';
import {
  CreateSecretDto,
  SECRET_CREATED_EXAMPLE,
  SECRET_EXAMPLES,
  SECRET_METADATA_EXAMPLE,
  SECRET_NAME,
  SECRET_VALUE_EXAMPLE,
  SecretCreatedDto,
  SecretMetadataDto,
  SecretPageDto,
  SecretValueDto,
  UpdateSecretDto,
} from './secret.dto.js';

const NAME_PARAM = ApiParam({
  name: 'name',
  example: 'credentials',
  description: '1-128 characters of `A-Z a-z 0-9 _ . -`; any other name is not found',
});

function refOf(principal: Principal, projectId: string | null, name: string): SecretRef {
  if (!SECRET_NAME.test(name)) throw AppException.notFound('Secret');
  return { orgId: principal.orgId, projectId, resourceUri: null, name };
}

const secretName = (req: { params?: unknown; body?: unknown }) =>
  String((req.params as Record<string, string>)?.name ?? (req.body as { name?: string })?.name);

/**
 * Secrets of the project named by X-Project-ID. @RequirePermission documents 401/403/404, and the
 * document's finishing pass 400 (and 415 on writes); the routes list the statuses beyond those.
 */
@ApiTags('secrets')
@AuditSource('governance')
@ProjectHeader('required')
@Controller('resources/projects/secrets')
export class ProjectSecretsController {
  constructor(
    private readonly secrets: SecretsService,
    private readonly audit: AuditRecorder,
  ) {}

  @Post()
  @HttpCode(201)
  @RequirePermission('can_manage_secrets', projectFromHeader, 'Project')
  @AuditedWrite({ action: 'secret.create', resourceType: 'secret', resourceId: secretName })
  @ApiOperation({
    operationId: 'createProjectSecret',
    summary: 'Create a project secret; the value is never returned by this call',
  })
  @ApiBody({
    type: CreateSecretDto,
    examples: { structured: SECRET_EXAMPLES.createStructured, plain: SECRET_EXAMPLES.createPlain },
  })
  @ApiCreatedResponse({ type: SecretCreatedDto, example: SECRET_CREATED_EXAMPLE })
  @ApiErrors(409, 413, 422, 429, 503, 504)
  async create(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() projectId: string,
    @Body() body: CreateSecretDto,
    @PendingAudit() audit: AuditEventInput,
    @RequestSignal() signal?: AbortSignal,
  ): Promise<SecretCreatedDto> {
    const meta = await this.secrets.create(
      audit,
      refOf(principal, projectId, body.name),
      body.value,
      body.description,
      { signal },
    );
    return { name: meta.name, created_at: meta.created_at };
  }

  @Get()
  @RequirePermission('can_read_secrets', projectFromHeader, 'Project')
  @ApiOperation({
    operationId: 'listProjectSecrets',
    summary: 'List the project secrets by name, paged (metadata only, never values)',
  })
  @ApiOkResponse({
    type: SecretPageDto,
    example: {
      data: [SECRET_METADATA_EXAMPLE],
      pagination: { page: 1, limit: 20, total_items: 1, total_pages: 1, next_page: null, prev_page: null },
    },
  })
  @ApiErrors(429, 503, 504)
  list(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() projectId: string,
    @Query() query: PageQueryDto,
    @RequestSignal() signal?: AbortSignal,
  ): Promise<Page<SecretMetadataDto>> {
    return this.secrets.list(
      { orgId: principal.orgId, projectId, resourceUri: null },
      query.page,
      query.limit,
      { signal },
    );
  }

  @Get(':name')
  @NoStore()
  @RequirePermission('can_read_secrets', projectFromHeader, 'Project')
  @AuditedRead({ action: 'secret.read', resourceType: 'secret', resourceId: secretName })
  @ApiOperation({
    operationId: 'getProjectSecret',
    summary: 'Read a secret value (audited; fails closed with 503 if the audit event cannot be written)',
  })
  @NAME_PARAM
  @ApiOkResponse({ type: SecretValueDto, example: SECRET_VALUE_EXAMPLE })
  @ApiErrors(429, 503, 504)
  read(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() projectId: string,
    @Param('name') name: string,
    @PendingAudit() audit: AuditEventInput,
    @RequestSignal() signal?: AbortSignal,
  ): Promise<SecretValueDto> {
    return this.audit.read(audit, () => this.secrets.read(refOf(principal, projectId, name), { signal }));
  }

  @Put(':name')
  @RequirePermission('can_manage_secrets', projectFromHeader, 'Project')
  @AuditedWrite({ action: 'secret.update', resourceType: 'secret', resourceId: secretName })
  @ApiOperation({
    operationId: 'updateProjectSecret',
    summary: 'Replace the value of an existing secret (and its description, when given)',
  })
  @NAME_PARAM
  @ApiBody({
    type: UpdateSecretDto,
    examples: { rotate: SECRET_EXAMPLES.update, described: SECRET_EXAMPLES.updateDescribed },
  })
  @ApiOkResponse({ type: SecretMetadataDto, example: SECRET_METADATA_EXAMPLE })
  @ApiErrors(413, 422, 429, 503, 504)
  update(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() projectId: string,
    @Param('name') name: string,
    @Body() body: UpdateSecretDto,
    @PendingAudit() audit: AuditEventInput,
    @RequestSignal() signal?: AbortSignal,
  ): Promise<SecretMetadataDto> {
    return this.secrets.update(audit, refOf(principal, projectId, name), body.value, body.description, {
      signal,
    });
  }

  @Delete(':name')
  @HttpCode(204)
  @RequirePermission('can_manage_secrets', projectFromHeader, 'Project')
  @AuditedWrite({ action: 'secret.delete', resourceType: 'secret', resourceId: secretName })
  @ApiOperation({ operationId: 'deleteProjectSecret', summary: 'Delete a secret' })
  @NAME_PARAM
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(429, 503, 504)
  async remove(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() projectId: string,
    @Param('name') name: string,
    @PendingAudit() audit: AuditEventInput,
    @RequestSignal() signal?: AbortSignal,
  ): Promise<void> {
    await this.secrets.delete(audit, refOf(principal, projectId, name), { signal });
  }
}
