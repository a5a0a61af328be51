import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PaginationDto } from '@app/core';
import { CONNECTION_TYPES } from '../../connection-types/index.js';
import type { DataConnectionEntity } from '../persistence/data-connection.entity.js';

const TAG = /^[A-Za-z0-9_.:-]{1,64}$/;
const URI_EXAMPLE = 'data:acme-corp:analytics-prod:customer-analytics-db';

/** Config and credentials are validated against the type registry's JSON Schemas, not here. */
export class ConnectionBodyBase {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Database settings (see GET /assets/data/types); `schema` and `db_schema` are both accepted',
  })
  @IsOptional()
  @IsObject()
  database_config?: Record<string, unknown>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Object storage settings (bucket, region, endpoint, …)',
  })
  @IsOptional()
  @IsObject()
  storage_config?: Record<string, unknown>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'Connection pool: max_connections, min_connections, idle_timeout_ms, connection_timeout_ms, max_lifetime_ms',
  })
  @IsOptional()
  @IsObject()
  pool?: Record<string, unknown>;
}

export class CreateConnectionDto extends ConnectionBodyBase {
  @ApiProperty({ example: 'Customer Analytics DB', minLength: 1, maxLength: 255 })
  @IsString()
  @Length(1, 255)
  name: string;

  @ApiProperty({ enum: CONNECTION_TYPES, example: 'postgres' })
  @IsIn(CONNECTION_TYPES)
  connection_type: string;

  @ApiPropertyOptional({ maxLength: 1000, example: 'Production read replica for analytics' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;

  @ApiPropertyOptional({ example: URI_EXAMPLE, description: 'Derived from the name when omitted; immutable' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  resource_uri?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'null creates an org-level connection (as does omitting X-Project-ID)',
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  project_id?: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    writeOnly: true,
    description: 'Write-only; stored in Governance, never in Assets',
  })
  @IsObject()
  credentials: Record<string, unknown>;

  @ApiPropertyOptional({ type: [String], example: ['production', 'analytics'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(TAG, { each: true, message: 'each tag must be 1-64 characters of A-Z a-z 0-9 _ . : -' })
  tags?: string[];
}

const GLOB = /^[A-Za-z0-9_$.*?/-]{1,255}$/;

export class VerifyOptionsDto {
  @ApiPropertyOptional({
    type: [String],
    example: ['public.*'],
    description: 'Glob patterns on `schema.table` (or key prefixes) to keep',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(GLOB, { each: true, message: 'each pattern may use letters, digits, _ $ . * ? / -' })
  include?: string[];

  @ApiPropertyOptional({ type: [String], example: ['pg_temp*'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(GLOB, { each: true, message: 'each pattern may use letters, digits, _ $ . * ? / -' })
  exclude?: string[];

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 10000,
    default: 10000,
    description: 'Stop discovery after this many schemas and tables',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  max_objects?: number;
}

export class VerifyExistingDto {
  @ApiPropertyOptional({ type: VerifyOptionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => VerifyOptionsDto)
  discovery?: VerifyOptionsDto;
}

export class VerifyConnectionDto extends ConnectionBodyBase {
  @ApiPropertyOptional({ type: VerifyOptionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => VerifyOptionsDto)
  discovery?: VerifyOptionsDto;

  @ApiProperty({ enum: CONNECTION_TYPES, example: 'postgres' })
  @IsIn(CONNECTION_TYPES)
  connection_type: string;

  @ApiProperty({ type: 'object', additionalProperties: true, writeOnly: true })
  @IsObject()
  credentials: Record<string, unknown>;
}

/** PUT replaces settings (credentials optional: omitted = kept); PATCH changes only what is given. */
export class UpdateConnectionDto extends ConnectionBodyBase {
  @ApiPropertyOptional({ minLength: 1, maxLength: 255 })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  name?: string;

  @ApiPropertyOptional({ enum: CONNECTION_TYPES })
  @IsOptional()
  @IsIn(CONNECTION_TYPES)
  connection_type?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1000 })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(1000)
  description?: string | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    writeOnly: true,
    description:
      'New credentials; omitted = keep the stored ones. Required when a destination field changes.',
  })
  @IsOptional()
  @IsObject()
  credentials?: Record<string, unknown>;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(TAG, { each: true, message: 'each tag must be 1-64 characters of A-Z a-z 0-9 _ . : -' })
  tags?: string[];

  @ApiPropertyOptional({ enum: ['ACTIVE', 'DISABLED'], description: 'Enable or disable the connection' })
  @IsOptional()
  @IsIn(['ACTIVE', 'DISABLED'])
  status?: 'ACTIVE' | 'DISABLED';
}

export class LastVerificationDto {
  @ApiProperty() success: boolean;
  @ApiProperty() message: string;
  @ApiProperty() latency_ms: number;
}

export class ConnectionDto {
  @ApiProperty({ example: URI_EXAMPLE }) resource_uri: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CONNECTION_TYPES }) connection_type: string;
  @ApiProperty() auth_type: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty() org_id: string;
  @ApiProperty({ type: String, nullable: true, description: 'null for org-level connections' }) project_id:
    string | null;
  @ApiProperty({ enum: ['project', 'organization'] }) scope: 'project' | 'organization';
  @ApiProperty({ enum: ['PENDING', 'ACTIVE', 'ERROR', 'DISABLED'] }) status: string;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) database_config?: Record<
    string,
    unknown
  >;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) storage_config?: Record<
    string,
    unknown
  >;
  @ApiProperty({ type: [String] }) selected_tables: string[];
  @ApiProperty({ type: 'object', additionalProperties: true }) pool: Record<string, unknown>;
  @ApiProperty() created_by: string;
  @ApiProperty({ deprecated: true, description: 'Deprecated alias of created_by' }) owner_id: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) last_verified_at: string | null;
  @ApiProperty({ type: LastVerificationDto, nullable: true }) last_verification: LastVerificationDto | null;

  /** An explicit allow-list: nothing reaches the wire unless it is named here. */
  static from(e: DataConnectionEntity, configKey: 'database_config' | 'storage_config'): ConnectionDto {
    return {
      resource_uri: e.resourceUri,
      name: e.name,
      connection_type: e.connectionType,
      auth_type: e.authType,
      description: e.description,
      org_id: e.orgId,
      project_id: e.projectId,
      scope: e.projectId ? 'project' : 'organization',
      status: e.status,
      tags: e.tags,
      [configKey]:
        configKey === 'database_config' ? { ...e.config, selected_tables: e.selectedTables } : e.config,
      selected_tables: e.selectedTables,
      pool: e.pool,
      created_by: e.createdBy,
      owner_id: e.createdBy,
      created_at: e.createdAt.toISOString(),
      updated_at: e.updatedAt.toISOString(),
      last_verified_at: e.lastVerifiedAt?.toISOString() ?? null,
      last_verification: e.lastVerification,
    };
  }
}

export class ConnectionPageDto {
  @ApiProperty({ type: [ConnectionDto] }) data: ConnectionDto[];
  @ApiProperty({ type: PaginationDto }) pagination: PaginationDto;
}

export class ConnectionSecretDto {
  @ApiProperty() resource_uri: string;
  @ApiProperty() connection_type: string;
  @ApiProperty() auth_type: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The decrypted credentials' })
  credentials: Record<string, unknown>;
  @ApiProperty({ description: 'Credentials version; bumps on every change' }) version: number;
}

export class VerificationStepDto {
  @ApiProperty({
    enum: ['resolve', 'egress_policy', 'connect', 'tls', 'authenticate', 'discover', 'privileges'],
  })
  name: string;
  @ApiProperty({ enum: ['ok', 'failed', 'skipped'] }) status: string;
  @ApiProperty() latency_ms: number;
  @ApiProperty() message: string;
}

export class VerificationReportDto {
  @ApiProperty() success: boolean;
  @ApiProperty() message: string;
  @ApiProperty() latency_ms: number;
  @ApiProperty({ type: [VerificationStepDto] }) steps: VerificationStepDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'server_version, schemas [{name, tables [{name, type}]}] (databases) or prefixes (storage), truncated, warnings, missing_selected_tables, error_code',
  })
  details: Record<string, unknown>;
}
