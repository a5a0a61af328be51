import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors, AuthorizedInService, type Page, type Principal } from '@app/core';
import { CurrentPrincipal, ProjectHeader } from '@app/auth';
import { type AuditEventInput, AuditedWrite, AuditSource, PendingAudit } from '@app/audit';
import { GrantsService } from './grants.service.js';
import { GRANT_EXAMPLE, GrantDto, GrantPageDto, GrantQueryDto, ORG_GRANT_EXAMPLE } from './grant.dto.js';

const grantDetails = (req: { body?: unknown }) => {
  const body = (req.body ?? {}) as Partial<GrantDto>;
  return { user: body.user, relation: body.relation, object: body.object };
};

/** A grant on `project:<id>` belongs to that project's audit trail. */
const grantProject = (req: { body?: unknown }) => {
  const object = (req.body as Partial<GrantDto> | undefined)?.object;
  return typeof object === 'string' && object.startsWith('project:') ? object.slice('project:'.length) : null;
};

const GRANT_BODY = ApiBody({
  type: GrantDto,
  examples: {
    project: { summary: 'A project role', value: GRANT_EXAMPLE },
    organization: { summary: 'An organization role', value: ORG_GRANT_EXAMPLE },
  },
});

/**
 * One generic grant API. Besides the statuses listed per route, every route answers 400 and 401, and
 * the writes 415: the document's finishing pass (libs/core) adds those to every route they apply to.
 */
@ApiTags('grants')
@ApiBearerAuth()
@AuditSource('governance')
@ProjectHeader('none')
@Controller('grants')
export class GrantsController {
  constructor(private readonly grants: GrantsService) {}

  @Post()
  @HttpCode(201)
  @AuthorizedInService('can_manage_members on the object named in the body (owner to grant owner)')
  @AuditedWrite({
    action: 'grant.create',
    resourceType: 'grant',
    resourceId: (req) => String((req.body as GrantDto)?.object),
    projectId: grantProject,
    details: grantDetails,
  })
  @ApiOperation({
    operationId: 'createGrant',
    summary: 'Grant a role on an object (owners and admins of the object or its org; owners to grant owner)',
  })
  @GRANT_BODY
  @ApiCreatedResponse({ type: GrantDto, example: GRANT_EXAMPLE })
  @ApiErrors(403, 404, 413, 422, 503)
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: GrantDto,
    @PendingAudit() audit: AuditEventInput,
  ): Promise<GrantDto> {
    return this.grants.grant(principal, body, audit);
  }

  @Delete()
  @HttpCode(204)
  @AuthorizedInService('can_manage_members on the object named in the body (owner to revoke owner)')
  @AuditedWrite({
    action: 'grant.delete',
    resourceType: 'grant',
    resourceId: (req) => String((req.body as GrantDto)?.object),
    projectId: grantProject,
    details: grantDetails,
  })
  @ApiOperation({ operationId: 'deleteGrant', summary: 'Revoke a role; revoking a missing grant is a no-op' })
  @GRANT_BODY
  @ApiNoContentResponse({ description: 'Revoked, or there was nothing to revoke' })
  @ApiErrors(403, 404, 413, 422, 503)
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Body() body: GrantDto,
    @PendingAudit() audit: AuditEventInput,
  ): Promise<void> {
    await this.grants.revoke(principal, body, audit);
  }

  @Get()
  @AuthorizedInService('can_manage_members on the object named by the object query parameter')
  @ApiOperation({
    operationId: 'listGrants',
    summary: 'Direct user grants on an object, by role then user, paged (owners and admins)',
  })
  @ApiOkResponse({
    type: GrantPageDto,
    example: {
      data: [
        {
          user: 'user:3f9a7c2e-1d4b-4e8a-b6c5-0a9d8e7f6b5c',
          relation: 'owner',
          object: 'project:analytics-prod',
        },
        GRANT_EXAMPLE,
      ],
      pagination: { page: 1, limit: 20, total_items: 2, total_pages: 1, next_page: null, prev_page: null },
    },
  })
  @ApiErrors(403, 404, 503)
  list(@CurrentPrincipal() principal: Principal, @Query() query: GrantQueryDto): Promise<Page<GrantDto>> {
    return this.grants.list(principal, query.object, query.page, query.limit);
  }
}
