import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppException, type Page, type Principal, offsetOf, pageOf, type TenantScope } from '@app/core';
import { CurrentPrincipal, ProjectHeader } from '@app/auth';
import { callerOrg, RequirePermission } from '@app/authz';
import { AuditEventsRepository } from './persistence/audit-events.repository.js';
import { AuditEventDto, AuditPageDto, AuditQueryDto } from './audit-event.dto.js';

const orgLevel = (principal: Principal): TenantScope => ({ orgId: principal.orgId, projectId: null });

@ApiTags('audit')
@ProjectHeader('none')
@Controller('audit')
export class AuditController {
  constructor(private readonly events: AuditEventsRepository) {}

  @Get()
  @RequirePermission('can_read_audit', callerOrg, 'Organization')
  @ApiOperation({ summary: 'Search the org audit log (org owners and admins), newest first' })
  @ApiOkResponse({ type: AuditPageDto })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: AuditQueryDto,
  ): Promise<Page<AuditEventDto>> {
    // The audit log belongs to the org: its readers see the events of every project in it.
    const [rows, total] = await this.events.search(orgLevel(principal), {
      projectId: query.project_id,
      actorId: query.actor_id,
      action: query.action,
      resourceType: query.resource_type,
      resourceId: query.resource_id,
      start: query.start_time,
      end: query.end_time,
      offset: offsetOf(query.page, query.page_size),
      limit: query.page_size,
    });
    return pageOf(rows.map(AuditEventDto.from), total, query.page, query.page_size);
  }

  @Get(':id')
  @RequirePermission('can_read_audit', callerOrg, 'Organization')
  @ApiOperation({ summary: 'One audit event' })
  @ApiOkResponse({ type: AuditEventDto })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
  ): Promise<AuditEventDto> {
    const row = await this.events.findOne(orgLevel(principal), id);
    if (!row) throw AppException.notFound('Audit event');
    return AuditEventDto.from(row);
  }
}
