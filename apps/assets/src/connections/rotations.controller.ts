import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { type Page, PageQueryDto, type Principal } from '@app/core';
import { CurrentPrincipal, CurrentProject, ProjectHeader } from '@app/auth';
import { RequirePermission } from '@app/authz';
import { CreateRotationDto, RotationDto, RotationPageDto } from './dto/rotation.dto.js';
import { ConnectionRotationsService } from './rotations.service.js';
import { CONNECTION_URI_PARAM, connectionInPath, errorResponse } from './connection-route.docs.js';

const URI_PARAM = CONNECTION_URI_PARAM;
const ID_PARAM = { name: 'id', format: 'uuid', description: 'The rotation id' };
const connection = connectionInPath;
const error = errorResponse;
const UNAVAILABLE = error(
  503,
  'SERVICE_UNAVAILABLE: a dependency (database, Governance, the audit log) is down; a rotation that was started is undone (the staged version deleted) here or by the reconciler',
);

const ROTATION_EXAMPLE = {
  id: '5f0c1c7e-2b0a-4a8e-9d55-0c3f1e0b9a11',
  resource_uri: 'data:acme-corp:analytics-prod:customer-analytics-db',
  status: 'promoted',
  from_version: 2,
  to_version: 3,
  auth_type: 'basic',
  grace_period_seconds: 3600,
  actor_id: 'alice',
  error_code: null,
  error_message: null,
  created_at: '2026-01-05T10:00:00.000Z',
  updated_at: '2026-01-05T10:00:01.000Z',
  promoted_at: '2026-01-05T10:00:01.000Z',
  previous_version_expires_at: '2026-01-05T11:00:01.000Z',
  rolled_back_at: null,
  retired_at: null,
} satisfies RotationDto;
const FAILED_ROTATION_EXAMPLE = {
  ...ROTATION_EXAMPLE,
  status: 'failed',
  error_code: 'auth_failed',
  error_message: 'authentication failed',
  promoted_at: null,
  previous_version_expires_at: null,
} satisfies RotationDto;

@ApiTags('data connections')
@Controller('data')
export class RotationsController {
  constructor(private readonly rotations: ConnectionRotationsService) {}

  @Post(':resource_uri/rotations')
  @HttpCode(201)
  @ProjectHeader('optional')
  @ApiParam(URI_PARAM)
  @RequirePermission('can_manage_secrets', connection, 'Data connection')
  @ApiOperation({
    operationId: 'rotateConnectionCredentials',
    summary:
      'Rotate credentials without downtime: stage a new version, verify it, then promote it; the replaced version stays readable for a grace period',
    description:
      "Needs `can_manage_secrets`. Every step is audited (`data_connection.rotation.started|promoted|failed`). A failed verification deletes the staged version and leaves the active one untouched: the answer is still 201, with `status: failed` and the report's `error_code` and `error_message`.",
  })
  @ApiBody({
    type: CreateRotationDto,
    examples: {
      password: {
        summary: 'A new password, the replaced one readable for an hour',
        value: {
          credentials: { username: 'analytics_reader', password: 'n3w-s3cret' },
          grace_period_seconds: 3600,
        },
      },
    },
  })
  @ApiCreatedResponse({
    type: RotationDto,
    description: 'The rotation as it ended: `promoted`, or `failed` with the reason',
    examples: {
      promoted: { summary: 'Verified and promoted', value: ROTATION_EXAMPLE },
      failed: {
        summary: 'The new credentials were refused: nothing changed',
        value: FAILED_ROTATION_EXAMPLE,
      },
    },
  })
  @error(
    409,
    'CONFLICT: another change or rotation of this connection came first or is in progress; nothing was stored. Read it again and retry.',
  )
  @error(413, 'PAYLOAD_TOO_LARGE: the body is over 1 MiB')
  @error(
    422,
    "VALIDATION_ERROR: the credentials or auth_type fail the type's schemas; `details.fields` lists each",
  )
  @error(
    429,
    'RATE_LIMIT_EXCEEDED: too many verifications by this caller, or too many in progress; see Retry-After',
  )
  @UNAVAILABLE
  rotate(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() project: string | null,
    @Param('resource_uri') uri: string,
    @Body() body: CreateRotationDto,
  ): Promise<RotationDto> {
    return this.rotations.start(principal, project, uri, body);
  }

  @Get(':resource_uri/rotations')
  @ProjectHeader('optional')
  @ApiParam(URI_PARAM)
  @RequirePermission('can_read', connection, 'Data connection')
  @ApiOperation({ operationId: 'listConnectionRotations', summary: "A connection's rotations, newest first" })
  @ApiOkResponse({
    type: RotationPageDto,
    description: 'One page of rotations (never credentials)',
    example: {
      data: [ROTATION_EXAMPLE],
      pagination: { page: 1, limit: 20, total_items: 1, total_pages: 1, next_page: null, prev_page: null },
    },
  })
  @error(400, 'INVALID_REQUEST: a bad paging parameter')
  @UNAVAILABLE
  list(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() project: string | null,
    @Param('resource_uri') uri: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<RotationDto>> {
    return this.rotations.list(principal, project, uri, query);
  }

  @Get(':resource_uri/rotations/:id')
  @ProjectHeader('optional')
  @ApiParam(URI_PARAM)
  @ApiParam(ID_PARAM)
  @RequirePermission('can_read', connection, 'Data connection')
  @ApiOperation({ operationId: 'getConnectionRotation', summary: 'One rotation of a connection' })
  @ApiOkResponse({ type: RotationDto, description: 'The rotation', example: ROTATION_EXAMPLE })
  @UNAVAILABLE
  get(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() project: string | null,
    @Param('resource_uri') uri: string,
    @Param('id') id: string,
  ): Promise<RotationDto> {
    return this.rotations.get(principal, project, uri, id);
  }

  @Post(':resource_uri/rotations/:id/rollback')
  @HttpCode(200)
  @ProjectHeader('optional')
  @ApiParam(URI_PARAM)
  @ApiParam(ID_PARAM)
  @RequirePermission('can_manage_secrets', connection, 'Data connection')
  @ApiOperation({
    operationId: 'rollbackConnectionRotation',
    summary:
      'Make the version a rotation replaced active again, until it is retired; the rolled-back version stays readable as the previous one until the same expiry',
    description:
      'Needs `can_manage_secrets`; audited as `data_connection.rotation.rolled_back`. Only the latest promoted rotation can be rolled back, and only during its grace period.',
  })
  @ApiOkResponse({
    type: RotationDto,
    description: 'The rotation, now `rolled_back`',
    example: { ...ROTATION_EXAMPLE, status: 'rolled_back', rolled_back_at: '2026-01-05T10:20:00.000Z' },
  })
  @error(
    409,
    'CONFLICT: the rotation cannot be rolled back (its replaced version was retired, it failed, was rolled back or superseded), or another change came first; `message` says which',
  )
  @UNAVAILABLE
  rollback(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() project: string | null,
    @Param('resource_uri') uri: string,
    @Param('id') id: string,
  ): Promise<RotationDto> {
    return this.rotations.rollback(principal, project, uri, id);
  }
}
