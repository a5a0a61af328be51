import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  AppException,
  AuthorizedInService,
  DependencyUnavailableError,
  type Page,
  type Principal,
  offsetOf,
  pageOf,
  type TenantScope,
} from '@app/core';
import { CurrentPrincipal, ProjectHeader } from '@app/auth';
import { AuthzClient, organizationObject, userSubject } from '@app/authz';
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

/** Event ids are UUIDs (v4); anything else is a malformed path, named like any bad parameter. */
const eventId = () =>
  new ParseUUIDPipe({
    version: '4',
    exceptionFactory: () =>
      AppException.invalidRequest('Invalid path parameters', {
        fields: [{ field: 'id', message: 'must be a UUID' }],
      }),
  });

const AUDIT_READERS =
  'can_read_audit on the caller org (org owners and admins); 403 for a caller who can see the org (a member, or a role in one of its projects), 404 for anyone else';

/**
 * The org's audit log, for its owners and admins. Existence is not leaked, but the org of the
 * caller's own token is no secret to anyone who works in it: a member or project collaborator who
 * may not read the log gets 403, and only a caller with no part in the org gets 404. 400 and 401
 * are documented by the document's finishing pass.
 */
@ApiTags('audit')
@ApiBearerAuth()
@ProjectHeader('none')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly events: AuditEventsRepository,
    private readonly authz: AuthzClient,
  ) {}

  @Get()
  @AuthorizedInService(AUDIT_READERS)
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
  @ApiErrors(403, 404, 503)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: AuditQueryDto,
  ): Promise<Page<AuditEventDto>> {
    const limit = pageSizeOf(query);
    await this.assertAuditReader(principal);
    // The audit log belongs to the org: its readers see the events of every project in it.
    const [rows, total] = await this.events.search(orgLevel(principal), {
      projectId: query.project_id,
      actorId: query.actor_id,
      action: query.action,
      resourceType: query.resource_type,
      resourceId: query.resource_id,
      start: query.start_time,
      end: query.end_time,
      offset: offsetOf(query.page, limit),
      limit,
    });
    return pageOf(rows.map(AuditEventDto.from), total, query.page, limit);
  }

  @Get(':id')
  @AuthorizedInService(AUDIT_READERS)
  @ApiOperation({ operationId: 'getAuditEvent', summary: 'One audit event of the caller org' })
  @ApiParam({ name: 'id', format: 'uuid', example: AUDIT_EVENT_EXAMPLE.id })
  @ApiOkResponse({ type: AuditEventDto, example: AUDIT_EVENT_EXAMPLE })
  @ApiErrors(403, 404, 503)
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', eventId()) id: string,
  ): Promise<AuditEventDto> {
    await this.assertAuditReader(principal);
    const row = await this.events.findOne(orgLevel(principal), id);
    if (!row) throw AppException.notFound('Audit event');
    return AuditEventDto.from(row);
  }

  /**
   * can_read_audit, else 403 to whoever can see the org: an org member (can_read), or anyone with a
   * role in one of its projects (project_viewer holds every project's viewers, operators and up).
   */
  private async assertAuditReader(principal: Principal): Promise<void> {
    const user = userSubject(principal.userId);
    const object = organizationObject(principal.orgId);
    let allowed: boolean[];
    try {
      allowed = await this.authz.batchCheck([
        { user, relation: 'can_read_audit', object },
        { user, relation: 'can_read', object },
        { user, relation: 'project_viewer', object },
      ]);
    } catch (error) {
      if (error instanceof AppException) throw error;
      throw new DependencyUnavailableError('authorization', error);
    }
    if (allowed[0]) return;
    if (allowed[1] || allowed[2]) throw AppException.forbidden('Missing permission can_read_audit');
    throw AppException.notFound('Organization');
  }
}
