import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, AuthorizedInService, type Page, PageQueryDto, type Principal } from '@app/core';
import { CurrentPrincipal, ProjectHeader } from '@app/auth';
import { callerOrg, projectFromParam, RequirePermission } from '@app/authz';
import { type AuditEventInput, AuditedWrite, AuditSource, PendingAudit } from '@app/audit';
import { ProjectsService } from './projects.service.js';
import { CreateProjectDto, ProjectDto, ProjectPageDto } from './project.dto.js';

@ApiTags('projects')
@AuditSource('governance')
@ProjectHeader('none')
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Post()
  @HttpCode(201)
  @RequirePermission('can_create_projects', callerOrg, 'Organization')
  @AuditedWrite({
    action: 'project.create',
    resourceType: 'project',
    resourceId: (req) => (req.body as CreateProjectDto | undefined)?.id,
  })
  @ApiOperation({
    summary: 'Create a project in the caller org (org owner/admin); the caller becomes its owner',
  })
  @ApiCreatedResponse({ type: ProjectDto })
  @ApiErrors(409, 422)
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateProjectDto,
    @PendingAudit() audit: AuditEventInput,
  ): Promise<ProjectDto> {
    return this.projects.create(principal, body, audit);
  }

  @Get()
  @AuthorizedInService('lists only the projects of the caller org on which the caller has can_read')
  @ApiOperation({ summary: 'Projects of the caller org that the caller can read' })
  @ApiOkResponse({ type: ProjectPageDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: PageQueryDto): Promise<Page<ProjectDto>> {
    return this.projects.listVisible(principal, query.page, query.limit);
  }

  @Get(':project_id')
  @RequirePermission('can_read', projectFromParam('project_id'), 'Project')
  @ApiOperation({ summary: 'One project' })
  @ApiOkResponse({ type: ProjectDto })
  get(@CurrentPrincipal() principal: Principal, @Param('project_id') projectId: string): Promise<ProjectDto> {
    return this.projects.get(principal.orgId, projectId);
  }
}
