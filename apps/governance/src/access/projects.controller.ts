import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors, AuthorizedInService, type Page, PageQueryDto, type Principal } from '@app/core';
import { CurrentPrincipal, ProjectHeader } from '@app/auth';
import { callerOrg, projectFromParam, RequirePermission } from '@app/authz';
import { type AuditEventInput, AuditedWrite, AuditSource, PendingAudit } from '@app/audit';
import { ProjectsService } from './projects.service.js';
import { CreateProjectDto, PROJECT_EXAMPLE, ProjectDto, ProjectPageDto } from './project.dto.js';

/**
 * Projects of the caller's org. @RequirePermission documents 401/403/404, and the document's
 * finishing pass 400 (and 415 on the create); the routes list the statuses beyond those.
 */
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
    operationId: 'createProject',
    summary: 'Create a project in the caller org (org owner/admin); the caller becomes its owner',
  })
  @ApiBody({
    type: CreateProjectDto,
    examples: {
      project: {
        summary: 'A project',
        value: {
          id: 'analytics-prod',
          name: 'Analytics (production)',
          description: PROJECT_EXAMPLE.description,
        },
      },
      minimal: { summary: 'Without a description', value: { id: 'analytics-dev', name: 'Analytics (dev)' } },
    },
  })
  @ApiCreatedResponse({ type: ProjectDto, example: PROJECT_EXAMPLE })
  @ApiErrors(409, 413, 422, 503)
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateProjectDto,
    @PendingAudit() audit: AuditEventInput,
  ): Promise<ProjectDto> {
    return this.projects.create(principal, body, audit);
  }

  @Get()
  @AuthorizedInService('lists only the projects of the caller org on which the caller has can_read')
  @ApiOperation({
    operationId: 'listProjects',
    summary: 'Projects of the caller org that the caller can read, by id, paged',
  })
  @ApiOkResponse({
    type: ProjectPageDto,
    example: {
      data: [PROJECT_EXAMPLE],
      pagination: { page: 1, limit: 20, total_items: 1, total_pages: 1, next_page: null, prev_page: null },
    },
  })
  @ApiErrors(503)
  list(@CurrentPrincipal() principal: Principal, @Query() query: PageQueryDto): Promise<Page<ProjectDto>> {
    return this.projects.listVisible(principal, query.page, query.limit);
  }

  @Get(':project_id')
  @RequirePermission('can_read', projectFromParam('project_id'), 'Project')
  @ApiOperation({ operationId: 'getProject', summary: 'One project the caller can read' })
  @ApiParam({ name: 'project_id', example: 'analytics-prod', description: 'The project slug' })
  @ApiOkResponse({ type: ProjectDto, example: PROJECT_EXAMPLE })
  @ApiErrors(503)
  get(@CurrentPrincipal() principal: Principal, @Param('project_id') projectId: string): Promise<ProjectDto> {
    return this.projects.get(principal.orgId, projectId);
  }
}
