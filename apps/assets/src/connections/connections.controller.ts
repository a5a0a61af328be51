import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBody,
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
  exampleEnvelope,
  NoStore,
  type Page,
  type Principal,
} from '@app/core';
import { CurrentPrincipal, CurrentProject, ProjectHeader } from '@app/auth';
import { RequirePermission } from '@app/authz';
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
import { type ConnectionViolation, invalidSettings, violationError } from './connection-violation.js';
import type { VerificationReport } from '../verification/index.js';
import { ListConnectionsQuery } from './dto/list-connections.query.js';
import { SecretVersionQuery } from './dto/rotation.dto.js';
import { listConnectionTypes, type ConnectionTypesDocument } from '../connection-types/index.js';
import { ConnectionTypesDto } from './dto/connection-type.dto.js';
import {
  CONNECTION_EXAMPLE,
  CONNECTION_PAGE_EXAMPLE,
  CONNECTION_SECRET_EXAMPLE,
  CONNECTION_TYPES_EXAMPLE,
  PREVIOUS_SECRET_EXAMPLE,
  CREATE_CONNECTION_EXAMPLE,
  FAILED_VERIFICATION_REPORT_EXAMPLE,
  REPLACE_CONNECTION_EXAMPLE,
  REPLACED_CONNECTION_EXAMPLE,
  UPDATE_CONNECTION_EXAMPLES,
  UPDATED_CONNECTION_EXAMPLE,
  VERIFICATION_REPORT_EXAMPLE,
  VERIFIED_CONNECTION_EXAMPLE,
  VERIFY_CONNECTION_EXAMPLE,
  VERIFY_EXISTING_EXAMPLES,
} from './dto/connection.examples.js';
import { CONNECTION_URI_PARAM, connectionInPath, errorResponse } from './connection-route.docs.js';

const URI_PARAM = CONNECTION_URI_PARAM;
const connection = connectionInPath;
const error = errorResponse;

// 400 (bad JSON, header, path), 401 and 415 are added to every route that can answer them when the
// document is finished (libs/core openapi-finish.ts); what is specific to these routes is here.
const PROJECT_NOT_FOUND = error(
  404,
  'RESOURCE_NOT_FOUND: the X-Project-ID project does not exist or the caller cannot read it',
);
const BODY_TOO_LARGE = error(413, 'PAYLOAD_TOO_LARGE: the body is over 1 MiB');
const UNAVAILABLE = error(
  503,
  'SERVICE_UNAVAILABLE: a dependency (database, Governance, the identity provider) is down; AUDIT_UNAVAILABLE when the audit event cannot be written (nothing is released or changed)',
);
const RATE_LIMITED = error(
  429,
  'RATE_LIMIT_EXCEEDED: too many verifications by this caller, or too many in progress; see Retry-After',
);
const SETTINGS_INVALID =
  "VALIDATION_ERROR: the body or the settings fail the type's schemas; `details.fields` lists each `{ field, message }`";
const REBIND =
  'REBIND_REQUIRES_CREDENTIALS: the change would send the stored credentials to a new destination (or over weaker transport security) without new ones; `details.fields` names each changed setting';

/** One change at a time per connection: the writer that lost stored nothing and may retry. */
const CONCURRENT_CHANGE = (alsoNameTaken: boolean) =>
  error(
    409,
    'CONFLICT: another change to this connection came first (the row changed since this request read it) or is still in progress; nothing was changed or stored. Read it again and retry.' +
      (alsoNameTaken ? ' RESOURCE_ALREADY_EXISTS when the new name is taken in the scope.' : ''),
  );

/** The envelope this service answers with for a violation (built by the same code, so it cannot drift). */
function violationExample(violation: ConnectionViolation) {
  const refused = violationError(violation);
  const { error: envelope } = exampleEnvelope(refused.status, refused.details) as {
    error: Record<string, unknown>;
  };
  return { error: { ...envelope, code: refused.code, message: refused.message } };
}

const DISCOVERY_OUT_OF_RANGE = error(
  400,
  'INVALID_REQUEST: discovery options outside what this service allows (max_objects, include/exclude patterns)',
);

/** The two 422s of a change: settings that fail the schemas, and a rebind without credentials. */
const CHANGE_REFUSED = ApiResponse({
  status: 422,
  type: ErrorEnvelopeDto,
  description: `${SETTINGS_INVALID}. ${REBIND}`,
  examples: {
    invalid: {
      summary: 'Settings that fail the schema',
      value: violationExample(
        invalidSettings([{ field: 'database_config.port', message: 'must be <= 65535' }]),
      ),
    },
    rebind: {
      summary: 'A new host without new credentials',
      value: violationExample({ kind: 'rebind', changedFields: ['database_config.host'] }),
    },
  },
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
    operationId: 'listConnectionTypes',
    summary: 'Connection types with their config and credential JSON Schemas, auth methods and examples',
  })
  @ApiOkResponse({
    type: ConnectionTypesDto,
    description: 'Every connection type, by category then type (the example shows one)',
    example: CONNECTION_TYPES_EXAMPLE,
  })
  @ApiErrors(401)
  @UNAVAILABLE
  types(): ConnectionTypesDocument {
    return listConnectionTypes();
  }

  @Get()
  @ProjectHeader('optional')
  @AuthorizedInService(
    'with X-Project-ID needs can_read on that project; each connection listed is filtered to what the caller can read',
  )
  @ApiOperation({
    operationId: 'listConnections',
    summary: 'List the connections the caller can read',
    description:
      'With X-Project-ID: that project’s connections plus the org-level ones the caller can read (each item says its `scope`). Without: org-level only.',
  })
  @ApiOkResponse({
    type: ConnectionPageDto,
    description: 'One page of connections (metadata only)',
    example: CONNECTION_PAGE_EXAMPLE,
  })
  @error(400, 'INVALID_REQUEST: a bad filter, sort or paging parameter (a blank search, limit=0, …)')
  @ApiErrors(401)
  @PROJECT_NOT_FOUND
  @UNAVAILABLE
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
    operationId: 'createConnection',
    summary: 'Create a connection; credentials go to the Governance Secrets API, never to Assets',
    description:
      'Needs `can_create_resources` on the project, or org owner/admin for an org-level connection (no X-Project-ID, or `project_id: null`).',
  })
  @ApiBody({
    type: CreateConnectionDto,
    examples: {
      postgres: { summary: "The platform docs' PostgreSQL example", value: CREATE_CONNECTION_EXAMPLE },
    },
  })
  @ApiCreatedResponse({
    type: ConnectionDto,
    description: 'The connection as stored (never its credentials); status PENDING until verified',
    example: CONNECTION_EXAMPLE,
  })
  @ApiErrors(401, 403)
  @PROJECT_NOT_FOUND
  @error(409, 'RESOURCE_ALREADY_EXISTS: the name (or resource_uri) is taken in the scope')
  @BODY_TOO_LARGE
  @error(422, SETTINGS_INVALID)
  @UNAVAILABLE
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
    operationId: 'verifyNewConnection',
    summary: 'Test credentials before saving: connect, then discover schemas and tables (nothing is stored)',
    description:
      'Needs `can_create_resources`. A failed probe is 200 with `success: false` and the failing step marked; bad input is 4xx. Rate limited; 429 beyond the concurrency limits.',
  })
  @ApiBody({
    type: VerifyConnectionDto,
    examples: {
      postgres: { summary: "The platform docs' PostgreSQL example", value: VERIFY_CONNECTION_EXAMPLE },
    },
  })
  @ApiOkResponse({
    type: VerificationReportDto,
    description: 'The probe report; `success: false` when a step failed',
    examples: {
      verified: { summary: 'Connected and discovered', value: VERIFICATION_REPORT_EXAMPLE },
      failed: { summary: 'A failed probe: still 200', value: FAILED_VERIFICATION_REPORT_EXAMPLE },
    },
  })
  @ApiErrors(401, 403)
  @PROJECT_NOT_FOUND
  @BODY_TOO_LARGE
  @error(422, SETTINGS_INVALID)
  @DISCOVERY_OUT_OF_RANGE
  @RATE_LIMITED
  @UNAVAILABLE
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
    operationId: 'verifyConnection',
    summary:
      'Re-test a saved connection with its stored credentials; sets status ACTIVE or ERROR and last_verified_at',
  })
  @ApiBody({ type: VerifyExistingDto, required: false, examples: VERIFY_EXISTING_EXAMPLES })
  @ApiOkResponse({
    type: VerificationReportDto,
    description: 'The probe report; `success: false` when a step failed',
    examples: {
      verified: { summary: 'Connected and discovered', value: VERIFICATION_REPORT_EXAMPLE },
      failed: { summary: 'A failed probe: still 200', value: FAILED_VERIFICATION_REPORT_EXAMPLE },
    },
  })
  @BODY_TOO_LARGE
  @error(422, 'VALIDATION_ERROR: the discovery options are invalid; `details.fields` lists each')
  @DISCOVERY_OUT_OF_RANGE
  @RATE_LIMITED
  @UNAVAILABLE
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
  @ApiOperation({ operationId: 'getConnection', summary: 'Connection metadata (never credentials)' })
  @ApiOkResponse({
    type: ConnectionDto,
    description: 'The connection (never its credentials)',
    example: VERIFIED_CONNECTION_EXAMPLE,
  })
  @UNAVAILABLE
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
    operationId: 'replaceConnection',
    summary:
      'Replace settings; omitted credentials are kept. New credentials also need can_manage_secrets; a new destination or weaker transport security needs new credentials (422).',
  })
  @ApiBody({
    type: UpdateConnectionDto,
    examples: {
      tls: {
        summary: 'Same host, TLS verified: no new credentials needed',
        value: REPLACE_CONNECTION_EXAMPLE,
      },
    },
  })
  @ApiOkResponse({
    type: ConnectionDto,
    description: 'The connection as this request committed it',
    example: REPLACED_CONNECTION_EXAMPLE,
  })
  @CONCURRENT_CHANGE(true)
  @BODY_TOO_LARGE
  @CHANGE_REFUSED
  @UNAVAILABLE
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
    operationId: 'updateConnection',
    summary:
      'Change some settings; given config fields are merged, `null` clears one (back to its default: a weaker default needs new credentials, 422)',
  })
  @ApiBody({ type: UpdateConnectionDto, examples: UPDATE_CONNECTION_EXAMPLES })
  @ApiOkResponse({
    type: ConnectionDto,
    description: 'The connection as this request committed it',
    example: UPDATED_CONNECTION_EXAMPLE,
  })
  @CONCURRENT_CHANGE(true)
  @BODY_TOO_LARGE
  @CHANGE_REFUSED
  @UNAVAILABLE
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
  @ApiOperation({
    operationId: 'deleteConnection',
    summary: 'Delete the connection, its tuples and its secret',
  })
  @ApiNoContentResponse({ description: 'Deleted, with its tuples and its secret' })
  @CONCURRENT_CHANGE(false)
  @UNAVAILABLE
  async remove(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() project: string | null,
    @Param('resource_uri') uri: string,
  ): Promise<void> {
    await this.connections.delete(principal, project, uri);
  }

  @Get(':resource_uri/secret')
  @NoStore()
  @ProjectHeader('optional')
  @ApiParam(URI_PARAM)
  @RequirePermission('can_execute', connection, 'Data connection')
  @ApiOperation({
    operationId: 'getConnectionSecret',
    summary:
      'Decrypted credentials for automation: fetched from Governance on every call, audited, never cached',
    description:
      'Governance writes the `data_connection.secret.read` audit event (with this request id) before releasing the value; if it cannot, this answers 503 with no value. After a rotation, the replaced version stays readable with `?version=previous` (or its number) until `previous_version_expires_at`.',
  })
  @ApiOkResponse({
    type: ConnectionSecretDto,
    description:
      'The credentials of the version asked for (default: the active one), read from Governance for this request',
    examples: {
      active: { summary: 'The active version', value: CONNECTION_SECRET_EXAMPLE },
      previous: { summary: '?version=previous during a grace period', value: PREVIOUS_SECRET_EXAMPLE },
    },
  })
  @error(400, 'INVALID_REQUEST: `version` is not active, previous or a version number')
  @error(
    404,
    'RESOURCE_NOT_FOUND: the connection does not exist or the caller cannot see it, or the version asked for is neither the active one nor a previous one still in its grace period',
  )
  @UNAVAILABLE
  readSecret(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() project: string | null,
    @Param('resource_uri') uri: string,
    @Query() query: SecretVersionQuery,
  ): Promise<ConnectionSecretDto> {
    return this.connections.readSecret(principal, project, uri, query.version);
  }
}
