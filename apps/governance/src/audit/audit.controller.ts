import { Controller, Get, Injectable, Param, type PipeTransform, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  AppException,
  fieldProblem,
  type Page,
  type Principal,
  offsetOf,
  pageOf,
  type TenantScope,
} from '@app/core';
import { CurrentPrincipal, ProjectHeader } from '@app/auth';
import { callerOrg, RequirePermission } from '@app/authz';
import { AuditEventsRepository } from './persistence/audit-events.repository.js';
import {
  AUDIT_EVENT_EXAMPLE,
  AUDIT_PAGE_DEFAULT,
  AuditEventDto,
  AuditPageDto,
  AuditQueryDto,
} from './audit-event.dto.js';

const orgLevel = (principal: Principal): TenantScope => ({ orgId: principal.orgId, projectId: null });

/** `limit`, or its deprecated alias `page_size`; naming both with different values is a bad request. */
function pageSizeOf(query: AuditQueryDto): number {
  if (query.limit !== undefined && query.page_size !== undefined && query.limit !== query.page_size) {
    throw AppException.invalidRequest('Invalid query parameters', {
      fields: [
        {
          field: 'page_size',
          message: 'is a deprecated alias of limit and must equal it when both are given',
        },
      ],
    });
  }
  return query.limit ?? query.page_size ?? AUDIT_PAGE_DEFAULT;
}

/** Event ids are UUIDs: v7 (time-ordered) since 2026-12, v4 before. */
const EVENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[47][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Anything but an event id is a malformed path, named like any bad parameter. */
@Injectable()
class ParseEventIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (typeof value === 'string' && EVENT_ID.test(value)) return value;
    throw AppException.invalidRequest('Invalid path parameters', fieldProblem('id', 'must be a UUID'));
  }
}

/**
 * The org's audit log, for its owners and admins. The caller's own org is never hidden from them,
 * so anyone else in it gets 403 (assertPermission's rule for the caller's org).
 */
@ApiTags('audit')
@ProjectHeader('none')
@Controller('audit')
export class AuditController {
  constructor(private readonly events: AuditEventsRepository) {}

  @Get()
  @RequirePermission('can_read_audit', callerOrg, 'Organization')
  @ApiOperation({
    operationId: 'listAuditEvents',
    summary: 'Search the org audit log (org owners and admins), newest first, paged',
  })
  @ApiOkResponse({
    type: AuditPageDto,
    example: {
      data: [AUDIT_EVENT_EXAMPLE],
      pagination: { page: 1, limit: 50, total_items: 1, total_pages: 1, next_page: null, prev_page: null },
    },
  })
  @ApiErrors(503)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: AuditQueryDto,
  ): Promise<Page<AuditEventDto>> {
    const limit = pageSizeOf(query);
    // The audit log belongs to the org: its readers see the events of every project in it.
    const [rows, total] = await this.events.search(orgLevel(principal), {
      projectId: query.project_id,
      actorId: query.actor_id,
      action: query.action,
      resourceType: query.resource_type,
      resourceId: query.resource_id,
      resourceIdPrefix: query.resource_id_prefix,
      start: query.start_time,
      end: query.end_time,
      offset: offsetOf(query.page, limit),
      limit,
    });
    return pageOf(rows.map(AuditEventDto.from), total, query.page, limit);
  }

  @Get(':id')
  @RequirePermission('can_read_audit', callerOrg, 'Organization')
  @ApiOperation({ operationId: 'getAuditEvent', summary: 'One audit event of the caller org' })
  @ApiParam({ name: 'id', format: 'uuid', example: AUDIT_EVENT_EXAMPLE.id })
  @ApiOkResponse({ type: AuditEventDto, example: AUDIT_EVENT_EXAMPLE })
  @ApiErrors(503)
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseEventIdPipe) id: string,
  ): Promise<AuditEventDto> {
    const row = await this.events.findOne(orgLevel(principal), id);
    if (!row) throw AppException.notFound('Audit event');
    return AuditEventDto.from(row);
  }
}
