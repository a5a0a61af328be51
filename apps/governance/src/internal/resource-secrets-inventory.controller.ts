import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ApiErrors, AppException, type Principal, TrustedServiceOnly } from '@app/core';
import { CurrentPrincipal, ProjectHeader } from '@app/auth';
import { formatDataResourceUri, parseDataResourceUri } from '@app/authz';
import { MAX_RESOURCE_SECRET_PAGE, SecretsBackend } from '@app/secrets';
import { AuditRecorder } from '../audit/index.js';
import { TrustedServiceGuard } from './trusted-service.guard.js';

const CURSOR_MESSAGE = 'must be the next_cursor of a previous page';

export class ResourceSecretsQueryDto {
  @ApiPropertyOptional({ description: 'From the previous page; absent = first page' })
  @IsOptional()
  @IsString()
  @MaxLength(8192)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: `cursor ${CURSOR_MESSAGE}` })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_RESOURCE_SECRET_PAGE, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_RESOURCE_SECRET_PAGE)
  limit: number = 100;
}

export class ResourceSecretEntryDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'null when the backend layout cannot name it: match resource_key instead',
  })
  resource_uri: string | null;
  @ApiProperty({ description: 'The backend id of the resource (see POST internal/resource-secrets/keys)' })
  resource_key: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}

const INVENTORY_ENTRY_EXAMPLE: ResourceSecretEntryDto = {
  resource_uri: 'data:acme-corp:analytics-prod:customer-db',
  resource_key: 'data:acme-corp:analytics-prod:customer-db',
  name: 'credentials-v1',
  created_at: '2025-03-14T09:41:07.000Z',
  updated_at: '2025-03-14T09:41:07.000Z',
};

export class ResourceSecretPageDto {
  @ApiProperty({ type: [ResourceSecretEntryDto] }) data: ResourceSecretEntryDto[];
  @ApiProperty({ type: String, nullable: true }) next_cursor: string | null;
}

export class ResourceKeysRequestDto {
  @ApiProperty({ type: [String], maxItems: MAX_RESOURCE_SECRET_PAGE })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_RESOURCE_SECRET_PAGE)
  @IsString({ each: true })
  @MaxLength(1024, { each: true })
  resource_uris: string[];
}

export class ResourceKeysDto {
  @ApiProperty({
    type: 'array',
    items: {
      type: 'object',
      properties: { resource_uri: { type: 'string' }, resource_key: { type: 'string' } },
    },
  })
  data: Array<{ resource_uri: string; resource_key: string }>;
}

/**
 * What the secret-store sweep of a platform service (Assets) needs from the secrets backend, for
 * the org of its service account (X-Org-Id) and no other: the resource secrets held there (names
 * and times, never values), the backend key of a resource URI (to match entries whose URI the
 * layout cannot name), and removal of the backend's own leftovers. Deleting a secret goes through
 * DELETE internal/resources/data-connections/{uri}/secrets/{name}, which audits it. Anyone but a
 * trusted service gets 404. 400 and 401 (and 415 on the body route) are documented by the
 * document's finishing pass.
 */
@ApiTags('internal')
@ApiBearerAuth()
@ProjectHeader('none')
@TrustedServiceOnly(TrustedServiceGuard)
@Controller('internal/resource-secrets')
export class ResourceSecretsInventoryController {
  constructor(
    private readonly backend: SecretsBackend,
    private readonly audit: AuditRecorder,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'listSecretInventory',
    summary:
      "List the resource secrets of the service account's org, by cursor (service accounts only; metadata only)",
  })
  @ApiOkResponse({
    type: ResourceSecretPageDto,
    example: {
      data: [INVENTORY_ENTRY_EXAMPLE],
      next_cursor: 'WyJhbmFseXRpY3MtcHJvZCIsImRhdGE6YWNtZS1jb3JwOmFuYWx5dGljcy1wcm9kOmN1c3RvbWVyLWRiIl0',
    },
  })
  @ApiErrors(404, 429, 503)
  async list(
    @CurrentPrincipal() service: Principal,
    @Query() query: ResourceSecretsQueryDto,
  ): Promise<ResourceSecretPageDto> {
    // A cursor the backend did not make is a bad query parameter (400 naming `cursor`).
    const page = await this.backend.listResourceSecrets(service.orgId, {
      cursor: query.cursor ?? null,
      limit: query.limit,
    });
    return {
      data: page.items.map((e) => ({
        resource_uri: e.resourceUri,
        resource_key: e.resourceKey,
        name: e.name,
        created_at: e.created_at,
        updated_at: e.updated_at,
      })),
      next_cursor: page.nextCursor,
    };
  }

  @Post('keys')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'findSecretInventoryKeys',
    summary:
      "The backend key of each data connection URI of the service account's org (service accounts only)",
  })
  @ApiBody({
    type: ResourceKeysRequestDto,
    examples: {
      connections: {
        summary: 'A project connection and an org-level one',
        value: {
          resource_uris: ['data:acme-corp:analytics-prod:customer-db', 'data:acme-corp::shared-warehouse'],
        },
      },
    },
  })
  @ApiOkResponse({
    type: ResourceKeysDto,
    example: {
      data: [
        {
          resource_uri: 'data:acme-corp:analytics-prod:customer-db',
          resource_key: 'data:acme-corp:analytics-prod:customer-db',
        },
        {
          resource_uri: 'data:acme-corp::shared-warehouse',
          resource_key: 'data:acme-corp::shared-warehouse',
        },
      ],
    },
  })
  @ApiErrors(404, 413, 422, 503)
  keys(@CurrentPrincipal() service: Principal, @Body() body: ResourceKeysRequestDto): ResourceKeysDto {
    return {
      data: body.resource_uris.map((uri) => {
        const ref = parseDataResourceUri(uri);
        // Another org's URIs are not this caller's business, exactly like a missing one.
        if (!ref || ref.orgId !== service.orgId) throw AppException.notFound('Data connection');
        const resourceUri = formatDataResourceUri(ref);
        return {
          resource_uri: uri,
          resource_key: this.backend.resourceKeyOf({
            orgId: ref.orgId,
            projectId: ref.projectId,
            resourceUri,
          }),
        };
      }),
    };
  }

  @Delete('leftovers')
  @ApiOperation({
    operationId: 'removeSecretLeftovers',
    summary:
      "Remove the secrets backend's own leftovers in the org, e.g. Infisical's empty removal folders (service accounts only; audited)",
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['removed'],
      properties: {
        removed: { type: 'integer', minimum: 0, description: 'How many leftovers were removed' },
      },
    },
    example: { removed: 2 },
  })
  @ApiErrors(404, 429, 503)
  async removeLeftovers(@CurrentPrincipal() service: Principal): Promise<{ removed: number }> {
    const event = {
      org_id: service.orgId,
      project_id: null,
      actor_id: service.userId,
      actor_type: 'service' as const,
      action: 'data_connection.secret.leftovers_delete',
      resource_type: 'secrets_backend',
      resource_id: this.backend.kind,
      source_service: 'governance',
    };
    // The event is written first and commits with the removal; a sweep that found nothing leaves none.
    // Empty folders need no undo, so the backend is called directly, not through the change scope.
    const removed = await this.audit.write(
      event,
      async () => (await this.backend.removeLeftovers?.(service.orgId)) ?? 0,
      {
        outcome: (count) => (count > 0 ? { removed: count } : null),
      },
    );
    return { removed };
  }
}

/** Why a platform service deletes a resource secret; recorded in the audit event's details. */
export const SECRET_DELETION_REASONS = [
  'cleanup',
  'orphan_connection_gone',
  'orphan_version_superseded',
] as const;

export class SecretDeletionQueryDto {
  @ApiPropertyOptional({
    enum: SECRET_DELETION_REASONS,
    default: 'cleanup',
    description: 'orphan_* = the secret-store sweep',
  })
  @IsOptional()
  @IsIn(SECRET_DELETION_REASONS)
  reason?: (typeof SECRET_DELETION_REASONS)[number];
}
