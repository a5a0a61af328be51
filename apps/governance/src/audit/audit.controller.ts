import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AppException, type Page, type Principal, offsetOf, pageOf } from '@app/core';
import { CurrentPrincipal, ProjectHeader } from '@app/auth';
import { callerOrg, RequirePermission } from '@app/authz';
import { AuditEventEntity } from './audit-event.entity.js';
import { AuditEventDto, AuditPageDto, AuditQueryDto } from './audit-event.dto.js';

@ApiTags('audit')
@ProjectHeader('none')
@Controller('audit')
export class AuditController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @RequirePermission('can_read_audit', callerOrg, 'Organization')
  @ApiOperation({ summary: 'Search the org audit log (org owners and admins), newest first' })
  @ApiOkResponse({ type: AuditPageDto })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: AuditQueryDto): Promise<Page<AuditEventDto>> {
    const qb = this.dataSource
      .getRepository(AuditEventEntity)
      .createQueryBuilder('e')
      .where('e.org_id = :org', { org: principal.orgId });
    if (query.project_id) qb.andWhere('e.project_id = :project', { project: query.project_id });
    if (query.actor_id) qb.andWhere('e.actor_id = :actor', { actor: query.actor_id });
    if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    if (query.resource_type) qb.andWhere('e.resource_type = :rtype', { rtype: query.resource_type });
    if (query.resource_id) qb.andWhere('e.resource_id = :rid', { rid: query.resource_id });
    if (query.start_time) qb.andWhere('e.timestamp >= :start', { start: query.start_time });
    if (query.end_time) qb.andWhere('e.timestamp <= :end', { end: query.end_time });
    const [rows, total] = await qb
      .orderBy('e.timestamp', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .skip(offsetOf(query.page, query.page_size))
      .take(query.page_size)
      .getManyAndCount();
    return pageOf(rows.map(AuditEventDto.from), total, query.page, query.page_size);
  }

  @Get(':id')
  @RequirePermission('can_read_audit', callerOrg, 'Organization')
  @ApiOperation({ summary: 'One audit event' })
  @ApiOkResponse({ type: AuditEventDto })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe({ version: '4' })) id: string): Promise<AuditEventDto> {
    const row = await this.dataSource.getRepository(AuditEventEntity).findOneBy({ orgId: principal.orgId, id });
    if (!row) throw AppException.notFound('Audit event');
    return AuditEventDto.from(row);
  }
}
