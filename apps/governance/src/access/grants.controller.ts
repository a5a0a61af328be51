import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors, AuthorizedInService, type Principal } from '@app/core';
import { CurrentPrincipal, ProjectHeader } from '@app/auth';
import { type AuditEventInput, AuditedWrite, AuditSource, PendingAudit } from '@app/audit';
import { GrantsService } from './grants.service.js';
import { GrantDto, GrantListDto, GrantQueryDto } from './grant.dto.js';

const grantDetails = (req: { body?: unknown }) => {
  const body = (req.body ?? {}) as Partial<GrantDto>;
  return { user: body.user, relation: body.relation, object: body.object };
};

@ApiTags('grants')
@ApiBearerAuth()
@AuditSource('governance')
@ProjectHeader('none')
@ApiErrors(401, 403, 404, 422)
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
    details: grantDetails,
  })
  @ApiOperation({ summary: 'Grant a role on an object (owners and admins of the object or its org)' })
  @ApiCreatedResponse({ type: GrantDto })
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
    details: grantDetails,
  })
  @ApiOperation({ summary: 'Revoke a role; revoking a missing grant is a no-op' })
  @ApiNoContentResponse()
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Body() body: GrantDto,
    @PendingAudit() audit: AuditEventInput,
  ): Promise<void> {
    await this.grants.revoke(principal, body, audit);
  }

  @Get()
  @AuthorizedInService('can_manage_members on the object named by the object query parameter')
  @ApiOperation({ summary: 'Direct user grants on an object (owners and admins)' })
  @ApiOkResponse({ type: GrantListDto })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: GrantQueryDto): Promise<GrantListDto> {
    return { data: await this.grants.list(principal, query.object) };
  }
}
