import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiErrors,
  AuthenticatedOnly,
  AuthorizedInService,
  ErrorEnvelopeDto,
  type Page,
  type Principal,
} from '@app/core';
import { CurrentPrincipal, CurrentProject, ProjectHeader } from '@app/auth';
import { dataConnectionFromParam, RequirePermission } from '@app/authz';
import { ConnectionsService, toDto } from './connections.service.js';
import {
  ConnectionDto,
  ConnectionPageDto,
  ConnectionSecretDto,
  CreateConnectionDto,
  UpdateConnectionDto,
  VerificationReportDto,
  VerifyConnectionDto,
  VerifyExistingDto,
} from './dto/connection.dto.js';
import { ConnectionVerificationService } from './connection-verification.service.js';
import type { VerificationReport } from '../verification/index.js';
import { ListConnectionsQuery } from './dto/list-connections.query.js';
import { listConnectionTypes } from '../connection-types/index.js';

const URI_PARAM = {
  name: 'resource_uri',
  example: 'data:acme-corp:analytics-prod:customer-analytics-db',
  description: 'One path segment; raw colons and percent-encoded `%3A` both work',
};
const connection = dataConnectionFromParam('resource_uri');

/** One change at a time per connection: the writer that lost stored nothing and may retry. */
const CONCURRENT_CHANGE = ApiResponse({
  status: 409,
  type: ErrorEnvelopeDto,
  description:
    '`CONFLICT`: another change to this connection came first (the row changed since this request read it) or is still in progress; nothing was changed or stored. Read it again and retry. On PUT/PATCH also `RESOURCE_ALREADY_EXISTS` when a new name is taken in the scope.',
});

@ApiTags('data connections')
@Controller('data')
export class ConnectionsController {
  constructor(
    private readonly connections: ConnectionsService,
    private readonly verification: ConnectionVerificationService,
  ) {}

  @Get('types')
  @ProjectHeader('none')
  @AuthenticatedOnly('the connection-type catalog: the same static schemas for every caller, no tenant data')
  @ApiOperation({
    summary: 'Connection types with their config and credential JSON Schemas, auth methods and examples',
  })
  @ApiErrors(401)
  types() {
    return listConnectionTypes();
  }

  @Get()
  @ProjectHeader('optional')
  @AuthorizedInService(
    'with X-Project-ID needs can_read on that project; each connection listed is filtered to what the caller can read',
  )
  @ApiOperation({
    summary: 'List the connections the caller can read',
    description:
      'With X-Project-ID: that project’s connections plus the org-level ones the caller can read (each item says its `scope`). Without: org-level only.',
  })
  @ApiOkResponse({ type: ConnectionPageDto })
  @ApiErrors(400, 401, 404)
  list(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() project: string | null,
    @Query() query: ListConnectionsQuery,
  ): Promise<Page<ConnectionDto>> {
    return this.connections.list(principal, project, query);
  }

  @Post()
  @HttpCode(201)
  @ProjectHeader('optional')
  @AuthorizedInService(
    'can_create_resources on the X-Project-ID project, or on the org for an org-level connection (no header, or project_id: null in the body)',
  )
  @ApiOperation({
    summary: 'Create a connection; credentials go to the Governance Secrets API, never to Assets',
    description:
      'Needs `can_create_resources` on the project, or org owner/admin for an org-level connection (no X-Project-ID, or `project_id: null`).',
  })
  @ApiCreatedResponse({ type: ConnectionDto })
  @ApiErrors(401, 403, 404, 409, 422, 503)
  create(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() project: string | null,
    @Body() body: CreateConnectionDto,
  ): Promise<ConnectionDto> {
    return this.connections.create(principal, project, body);
  }

  @Post('verify')
  @HttpCode(200)
  @ProjectHeader('optional')
  @AuthorizedInService('can_create_resources on the X-Project-ID project, or on the org without the header')
  @ApiOperation({
    summary: 'Test credentials before saving: connect, then discover schemas and tables (nothing is stored)',
    description:
      'Needs `can_create_resources`. A failed probe is 200 with `success: false` and the failing step marked; bad input is 4xx. Rate limited; 429 beyond the concurrency limits.',
  })
  @ApiOkResponse({ type: VerificationReportDto })
  @ApiErrors(401, 403, 404, 422, 429, 503)
  verifyNew(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() project: string | null,
    @Body() body: VerifyConnectionDto,
  ): Promise<VerificationReport> {
    return this.verification.verifyNew(principal, project, body);
  }

  @Post(':resource_uri/verify')
  @HttpCode(200)
  @ProjectHeader('optional')
  @ApiParam(URI_PARAM)
  @RequirePermission('can_execute', connection, 'Data connection')
  @ApiOperation({
    summary:
      'Re-test a saved connection with its stored credentials; sets status ACTIVE or ERROR and last_verified_at',
  })
  @ApiOkResponse({ type: VerificationReportDto })
  @ApiErrors(422, 429, 503)
  verifyExisting(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() project: string | null,
    @Param('resource_uri') uri: string,
    @Body() body: VerifyExistingDto,
  ): Promise<VerificationReport> {
    return this.verification.verifyExisting(principal, project, uri, body?.discovery);
  }

  @Get(':resource_uri')
  @ProjectHeader('optional')
  @ApiParam(URI_PARAM)
  @RequirePermission('can_read', connection, 'Data connection')
  @ApiOperation({ summary: 'Connection metadata (never credentials)' })
  @ApiOkResponse({ type: ConnectionDto })
  async get(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() project: string | null,
    @Param('resource_uri') uri: string,
  ): Promise<ConnectionDto> {
    return toDto(await this.connections.load(principal, project, uri));
  }

  @Put(':resource_uri')
  @ProjectHeader('optional')
  @ApiParam(URI_PARAM)
  @RequirePermission('can_write', connection, 'Data connection')
  @ApiOperation({
    summary:
      'Replace settings; omitted credentials are kept. New credentials also need can_manage_secrets; a new destination or weaker transport security needs new credentials (422).',
  })
  @ApiOkResponse({ type: ConnectionDto })
  @CONCURRENT_CHANGE
  @ApiErrors(422, 503)
  replace(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() project: string | null,
    @Param('resource_uri') uri: string,
    @Body() body: UpdateConnectionDto,
  ): Promise<ConnectionDto> {
    return this.connections.update(principal, project, uri, body, 'update-full');
  }

  @Patch(':resource_uri')
  @ProjectHeader('optional')
  @ApiParam(URI_PARAM)
  @RequirePermission('can_write', connection, 'Data connection')
  @ApiOperation({
    summary:
      'Change some settings; given config fields are merged, `null` clears one (back to its default: a weaker default needs new credentials, 422)',
  })
  @ApiOkResponse({ type: ConnectionDto })
  @CONCURRENT_CHANGE
  @ApiErrors(422, 503)
  patch(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() project: string | null,
    @Param('resource_uri') uri: string,
    @Body() body: UpdateConnectionDto,
  ): Promise<ConnectionDto> {
    return this.connections.update(principal, project, uri, body, 'update-partial');
  }

  @Delete(':resource_uri')
  @HttpCode(204)
  @ProjectHeader('optional')
  @ApiParam(URI_PARAM)
  @RequirePermission('can_delete', connection, 'Data connection')
  @ApiOperation({ summary: 'Delete the connection, its tuples and its secret' })
  @ApiNoContentResponse()
  @CONCURRENT_CHANGE
  @ApiErrors(503)
  async remove(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() project: string | null,
    @Param('resource_uri') uri: string,
  ): Promise<void> {
    await this.connections.delete(principal, project, uri);
  }

  @Get(':resource_uri/secret')
  @Header('Cache-Control', 'no-store')
  @ProjectHeader('optional')
  @ApiParam(URI_PARAM)
  @RequirePermission('can_execute', connection, 'Data connection')
  @ApiOperation({
    summary:
      'Decrypted credentials for automation: fetched from Governance on every call, audited, never cached',
    description:
      'Governance writes the `data_connection.secret.read` audit event (with this request id) before releasing the value; if it cannot, this answers 503 with no value.',
  })
  @ApiOkResponse({ type: ConnectionSecretDto })
  @ApiErrors(503)
  readSecret(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() project: string | null,
    @Param('resource_uri') uri: string,
  ): Promise<ConnectionSecretDto> {
    return this.connections.readSecret(principal, project, uri);
  }
}
