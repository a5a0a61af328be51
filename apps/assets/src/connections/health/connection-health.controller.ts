import { CONNECTION_URI_PARAM, connectionInPath } from '../connection-route.docs.js';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors, type Page, pageOf, PageQueryDto, type Principal } from '@app/core';
import { CurrentPrincipal, CurrentProject, ProjectHeader } from '@app/auth';
import { RequirePermission } from '@app/authz';
import { ConnectionsService } from '../connections.service.js';
import { HealthChecksRepository } from '../persistence/health-checks.repository.js';
import { HEALTH_CHECK_PAGE_EXAMPLE, HealthCheckPageDto, HealthCheckResultDto } from './health.dto.js';

/** The history of a connection's scheduled health checks. */
@ApiTags('data connections')
@Controller('data')
export class ConnectionHealthController {
  constructor(
    private readonly connections: ConnectionsService,
    private readonly checks: HealthChecksRepository,
  ) {}

  @Get(':resource_uri/health')
  @ProjectHeader('optional')
  @ApiParam(CONNECTION_URI_PARAM)
  @RequirePermission('can_read', connectionInPath, 'Data connection')
  @ApiOperation({
    operationId: 'listConnectionHealthChecks',
    summary: "The connection's scheduled health check results, newest first (paged)",
  })
  @ApiOkResponse({ type: HealthCheckPageDto, example: HEALTH_CHECK_PAGE_EXAMPLE })
  @ApiErrors(503)
  async history(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() project: string | null,
    @Param('resource_uri') uri: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<HealthCheckResultDto>> {
    const row = await this.connections.load(principal, project, uri);
    const [rows, total] = await this.checks.history(
      { orgId: row.orgId, projectId: row.projectId },
      row.id,
      query.page,
      query.limit,
    );
    return pageOf(rows.map(HealthCheckResultDto.from), total, query.page, query.limit);
  }
}
