import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, AppException, type Page, PageQueryDto, type Principal, RequestSignal } from '@app/core';
import { CurrentPrincipal, CurrentProject, ProjectHeader } from '@app/auth';
import { projectFromHeader, RequirePermission } from '@app/authz';
import { type AuditEventInput, AuditedRead, AuditedWrite, AuditSource, PendingAudit } from '@app/audit';
import { AuditRecorder } from '../audit/index.js';
import type { SecretRef } from '@app/secrets';
import { SecretsService } from './secrets.service.js';
import {
  CreateSecretDto,
  SECRET_NAME,
  SecretCreatedDto,
  SecretMetadataDto,
  SecretPageDto,
  SecretValueDto,
  UpdateSecretDto,
} from './secret.dto.js';

function refOf(principal: Principal, projectId: string | null, name: string): SecretRef {
  if (!SECRET_NAME.test(name)) throw AppException.notFound('Secret');
  return { orgId: principal.orgId, projectId, resourceUri: null, name };
}

const secretName = (req: { params?: unknown; body?: unknown }) =>
  String((req.params as Record<string, string>)?.name ?? (req.body as { name?: string })?.name);

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
  @HttpCode(200)
  @RequirePermission('can_manage_secrets', projectFromHeader, 'Project')
  @AuditedWrite({ action: 'secret.create', resourceType: 'secret', resourceId: secretName })
  @ApiOperation({ summary: 'Create a project secret; the value is never returned by this call' })
  @ApiOkResponse({ type: SecretCreatedDto })
  @ApiErrors(409, 422)
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
  @ApiOperation({ summary: 'List project secret names (never values)' })
  @ApiOkResponse({ type: SecretPageDto })
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
  @Header('Cache-Control', 'no-store')
  @RequirePermission('can_read_secrets', projectFromHeader, 'Project')
  @AuditedRead({ action: 'secret.read', resourceType: 'secret', resourceId: secretName })
  @ApiOperation({
    summary: 'Read a secret value (audited; fails closed with 503 if the audit event cannot be written)',
  })
  @ApiOkResponse({ type: SecretValueDto })
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
  @ApiOperation({ summary: 'Replace a secret value' })
  @ApiOkResponse({ type: SecretMetadataDto })
  @ApiErrors(422)
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
  @ApiOperation({ summary: 'Delete a secret' })
  @ApiNoContentResponse()
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
