import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@app/core';
import { CurrentPrincipal, CurrentProject, ProjectHeader } from '@app/auth';
import { RequirePermission } from '@app/authz';
import { CONNECTION_URI_PARAM, connectionInPath, errorResponse } from '../connection-route.docs.js';
import { ConnectionPermissionsDto } from './connection-permissions.dto.js';
import { ConnectionPermissionsService } from './connection-permissions.service.js';

@ApiTags('data connections')
@Controller('data')
export class ConnectionPermissionsController {
  constructor(private readonly permissions: ConnectionPermissionsService) {}

  @Get(':resource_uri/permissions')
  @ProjectHeader('optional')
  @ApiParam(CONNECTION_URI_PARAM)
  @RequirePermission('can_read', connectionInPath, 'Data connection')
  @ApiOperation({
    operationId: 'getConnectionPermissions',
    summary: 'What the caller may do with this connection',
    description:
      'One answer per permission of the authorization model, for the caller as of now (a revocation shows within `AUTHZ_CHECK_CACHE_MS`). Clients use it to offer only what will work; every route still checks its own permission.',
  })
  @ApiOkResponse({
    type: ConnectionPermissionsDto,
    example: {
      resource_uri: 'data:acme-corp:analytics-prod:customer-analytics-db',
      can_read: true,
      can_write: false,
      can_execute: true,
      can_manage_secrets: false,
      can_delete: false,
    } satisfies ConnectionPermissionsDto,
  })
  @errorResponse(503, 'SERVICE_UNAVAILABLE: the database or the authorization service is down')
  get(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() project: string | null,
    @Param('resource_uri') uri: string,
  ): Promise<ConnectionPermissionsDto> {
    return this.permissions.of(principal, project, uri);
  }
}
