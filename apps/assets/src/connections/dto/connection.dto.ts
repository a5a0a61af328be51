import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
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
import { VERIFICATION_ERROR_CODES, VERIFICATION_STEPS } from '../../verification/index.js';
import {
  CONNECTION_HEALTH,
  type DataConnectionEntity,
  type HealthForecast,
} from '../persistence/data-connection.entity.js';
import { storedConfigOf } from '../connection-config.mapper.js';

const TAG = /^[A-Za-z0-9_.:-]{1,64}$/;
const URI_EXAMPLE = 'data:acme-corp:analytics-prod:customer-analytics-db';

/**
 * A nested object that may be null, in OpenAPI 3.0. `nullable: true` beside `allOf: [{ $ref }]`
 * does not admit null (nullable only widens a `type` at its own level; the allOf branch must still
 * pass), so null gets its own branch: `{ type: 'object', nullable: true, enum: [null] }` admits
 * null and nothing else. The model must be registered (`@ApiExtraModels`) where this is used.
 */
export function nullableRef(model: abstract new (...args: never[]) => unknown) {
  return {
    oneOf: [{ $ref: getSchemaPath(model) }, { type: 'object' as const, nullable: true, enum: [null] }],
  };
}

const DATABASE_CONFIG_DESCRIPTION =
  "Database settings, checked against the type's `config_schema` (GET /assets/data/types). " +
  "`auth_type` (default: the type's first auth method) and `selected_tables` belong here. The default " +
  'schema is `db_schema`; `schema` is accepted as an input alias for it (send one, not both) and is ' +
  'returned as `db_schema`.';
const STORAGE_CONFIG_DESCRIPTION =
  "Object storage settings (bucket, region, endpoint, …), checked against the type's `config_schema`; " +
  '`auth_type` belongs here.';

/** The shortest schedule a connection may ask for, and the longest. */
export const HEALTH_CHECK_MIN_INTERVAL_S = 60;
export const HEALTH_CHECK_MAX_INTERVAL_S = 7 * 24 * 3600;

/** `health_check_interval_seconds` on create and update: the same rule in both. */
function HealthCheckInterval(): PropertyDecorator {
  return (target, key) => {
    ApiPropertyOptional({
      type: Integer(),
      nullable: true,
      minimum: 0,
      maximum: HEALTH_CHECK_MAX_INTERVAL_S,
      example: 900,
      description:
        `Seconds between scheduled health checks: ${HEALTH_CHECK_MIN_INTERVAL_S} to ${HEALTH_CHECK_MAX_INTERVAL_S}, ` +
        "0 = never checked on a schedule, null or omitted = the deployment's default (HEALTH_CHECK_DEFAULT_INTERVAL_S).",
    })(target, key);
    IsOptional()(target, key);
    ValidateIf((_o, v) => v !== null && v !== 0)(target, key);
    IsInt({ message: `${String(key)} must be 0 or an integer number of seconds` })(target, key);
    Min(HEALTH_CHECK_MIN_INTERVAL_S, {
      message: `${String(key)} must be 0 (off) or at least ${HEALTH_CHECK_MIN_INTERVAL_S} seconds`,
    })(target, key);
    Max(HEALTH_CHECK_MAX_INTERVAL_S, {
      message: `${String(key)} must be at most ${HEALTH_CHECK_MAX_INTERVAL_S} seconds (7 days)`,
    })(target, key);
  };
}
const Integer = () => 'integer' as const;

/** Config and credentials are validated against the type registry's JSON Schemas, not here. */
export class ConnectionBodyBase {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: DATABASE_CONFIG_DESCRIPTION,
  })
  @IsOptional()
  @IsObject()
  database_config?: Record<string, unknown>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: STORAGE_CONFIG_DESCRIPTION,
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
  @HealthCheckInterval() health_check_interval_seconds?: number | null;

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

  @HealthCheckInterval() health_check_interval_seconds?: number | null;
}

export class LastVerificationDto {
  @ApiProperty({ example: true }) success: boolean;
  @ApiProperty({ example: 'connection verified' }) message: string;
  @ApiProperty({ example: 184 }) latency_ms: number;
}

/** The pool settings in effect: every field, defaults filled in. */
export class PoolSettingsDto {
  @ApiProperty({ example: 10 }) max_connections: number;
  @ApiProperty({ example: 0 }) min_connections: number;
  @ApiProperty({ example: 30000 }) idle_timeout_ms: number;
  @ApiProperty({ example: 10000 }) connection_timeout_ms: number;
  @ApiProperty({ example: 1800000 }) max_lifetime_ms: number;
}

/** What the last health check could tell ahead of a failure (fields the type cannot tell are absent). */
export class HealthForecastDto {
  @ApiPropertyOptional({ format: 'date-time', description: "The server certificate's notAfter" })
  tls_certificate_not_after?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When the active credentials were stored' })
  credentials_set_at?: string;
  @ApiPropertyOptional({ description: 'HEALTH_CREDENTIALS_MAX_AGE_DAYS of this deployment' })
  credentials_max_age_days?: number;
  @ApiPropertyOptional({ format: 'date-time', description: 'When the credentials reach that age' })
  credentials_expire_at?: string;
}

@ApiExtraModels(LastVerificationDto, HealthForecastDto)
export class ConnectionDto {
  @ApiProperty({ example: URI_EXAMPLE }) resource_uri: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CONNECTION_TYPES }) connection_type: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty() org_id: string;
  @ApiProperty({ type: String, nullable: true, description: 'null for org-level connections' }) project_id:
    string | null;
  @ApiProperty({ enum: ['project', 'organization'] }) scope: 'project' | 'organization';
  @ApiProperty({ enum: ['PENDING', 'ACTIVE', 'ERROR', 'DISABLED'] }) status: string;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'Database types: the settings as stored (defaults applied), including `auth_type` and, when some are selected, `selected_tables`. The default schema is `db_schema`.',
  })
  database_config?: Record<string, unknown>;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Object storage types: the settings as stored (defaults applied), including `auth_type`.',
  })
  storage_config?: Record<string, unknown>;
  @ApiProperty({ type: PoolSettingsDto }) pool: PoolSettingsDto;
  @ApiProperty({ description: 'User id of the creator' }) created_by: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) last_verified_at: string | null;
  @ApiProperty({ ...nullableRef(LastVerificationDto), description: 'Outcome of the last re-verification' })
  last_verification: LastVerificationDto | null;
  @ApiProperty({
    enum: CONNECTION_HEALTH,
    description:
      'What the scheduled health checks last found (`unknown` until the first one). `status` is the outcome of the last explicit verification; see the README, "Health".',
  })
  health: string;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: "Seconds between scheduled checks; 0 = off, null = the deployment's default",
  })
  health_check_interval_seconds: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) last_checked_at: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) last_healthy_at: string | null;
  @ApiProperty({ type: 'integer', example: 0, description: 'Failed checks in a row' })
  consecutive_failures: number;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the next check is due; null while off or not yet scheduled',
  })
  next_check_at: string | null;
  @ApiProperty(nullableRef(HealthForecastDto)) health_forecast: HealthForecastDto | null;

  /**
   * An explicit allow-list: nothing reaches the wire unless it is named here. `auth_type` and
   * `selected_tables` have their own columns but are answered where they are sent: in the config.
   */
  static from(e: DataConnectionEntity, configKey: 'database_config' | 'storage_config'): ConnectionDto {
    return {
      resource_uri: e.resourceUri,
      name: e.name,
      connection_type: e.connectionType,
      description: e.description,
      org_id: e.orgId,
      project_id: e.projectId,
      scope: e.projectId ? 'project' : 'organization',
      status: e.status,
      tags: e.tags,
      [configKey]: { ...storedConfigOf(e), auth_type: e.authType },
      pool: e.pool as unknown as PoolSettingsDto,
      created_by: e.createdBy,
      created_at: e.createdAt.toISOString(),
      updated_at: e.updatedAt.toISOString(),
      last_verified_at: e.lastVerifiedAt?.toISOString() ?? null,
      last_verification: e.lastVerification,
      health: e.health,
      health_check_interval_seconds: e.healthCheckIntervalS,
      last_checked_at: e.lastCheckedAt?.toISOString() ?? null,
      last_healthy_at: e.lastHealthyAt?.toISOString() ?? null,
      consecutive_failures: e.consecutiveFailures,
      next_check_at: e.nextCheckAt?.toISOString() ?? null,
      health_forecast: (e.healthForecast as HealthForecast | null) ?? null,
    };
  }
}

export class ConnectionPageDto {
  @ApiProperty({ type: [ConnectionDto] }) data: ConnectionDto[];
  @ApiProperty({ type: PaginationDto }) pagination: PaginationDto;
}

/** What a consumer needs to open the same tunnel; the key or password is in `credentials.ssh_tunnel`. */
export class SshTunnelSecretDto {
  @ApiProperty({ example: 'bastion.acme.example.com' }) host: string;
  @ApiProperty({ type: 'integer', example: 22 }) port: number;
  @ApiProperty({ example: 'tunnel' }) username: string;
  @ApiProperty({ enum: ['managed_key', 'private_key', 'password'] }) auth_method: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8',
    description: 'The approved host key: refuse any other (null until one is approved)',
  })
  host_key_fingerprint: string | null;
}

export class ConnectionSecretDto {
  @ApiProperty({ example: URI_EXAMPLE }) resource_uri: string;
  @ApiProperty({ enum: CONNECTION_TYPES }) connection_type: string;
  @ApiProperty({
    description: "The auth method the credentials are for; selects the type's credentials schema",
  })
  auth_type: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The decrypted credentials' })
  credentials: Record<string, unknown>;
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    example: 3,
    description: 'The version these credentials are (`?version=` picks it); a new one on every change',
  })
  version: number;
  @ApiProperty({ type: 'integer', minimum: 1, example: 3, description: 'The version currently active' })
  active_version: number;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the active version was promoted by a rotation (or a rollback); null if never rotated',
  })
  rotated_at: string | null;
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    example: 2,
    description: 'During a grace period only: the version the active one replaced, still readable',
  })
  previous_version?: number;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description:
      'During a grace period only: when the previous version is retired. Reconnect with the active version before then.',
  })
  previous_version_expires_at?: string;
  @ApiPropertyOptional({
    type: SshTunnelSecretDto,
    description:
      'When the database sits behind an SSH bastion: where and as whom to open the tunnel. The private key (`private_key`, during a key rotation also `previous_private_key`), its `passphrase` or the `password` are in `credentials.ssh_tunnel`.',
  })
  ssh_tunnel?: SshTunnelSecretDto;
}

export class VerificationStepDto {
  @ApiProperty({ enum: VERIFICATION_STEPS })
  name: string;
  @ApiProperty({ enum: ['ok', 'failed', 'skipped'] }) status: string;
  @ApiProperty() latency_ms: number;
  @ApiProperty() message: string;
}

export class DiscoveredTableDto {
  @ApiProperty({ example: 'customers' }) name: string;
  @ApiProperty({ example: 'table', description: 'table, view, materialized_view, foreign_table, …' })
  type: string;
}

export class DiscoveredSchemaDto {
  @ApiProperty({ example: 'public' }) name: string;
  @ApiProperty({ type: [DiscoveredTableDto] }) tables: DiscoveredTableDto[];
}

export class VerificationDetailsDto {
  @ApiPropertyOptional({ example: 'PostgreSQL 16.4' }) server_version?: string;
  @ApiPropertyOptional({
    type: [DiscoveredSchemaDto],
    description: 'Databases that enumerate tables: what discovery found',
  })
  schemas?: DiscoveredSchemaDto[];
  @ApiPropertyOptional({ type: [String], description: 'Object storage: key prefixes found' })
  prefixes?: string[];
  @ApiProperty({ description: 'Discovery stopped at max_objects' }) truncated: boolean;
  @ApiProperty({ type: [String] }) warnings: string[];
  @ApiPropertyOptional({
    type: [String],
    description: 'Re-verify: selected tables that no longer exist',
  })
  missing_selected_tables?: string[];
  @ApiPropertyOptional({
    type: [String],
    description: 'Selected tables that exist but this login may no longer SELECT from (PostgreSQL, Redshift)',
  })
  unreadable_selected_tables?: string[];
  @ApiPropertyOptional({
    format: 'date-time',
    description: "The server certificate's notAfter, when the session used TLS (PostgreSQL)",
  })
  tls_certificate_not_after?: string;
  @ApiPropertyOptional({
    example: 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8',
    description:
      'Through an SSH tunnel: the host key the bastion presented (approve it with POST …/ssh-host-key/approve)',
  })
  ssh_host_key_fingerprint?: string;
  @ApiPropertyOptional({ enum: VERIFICATION_ERROR_CODES, description: 'Why a failed probe failed' })
  error_code?: string;
}

export class VerificationReportDto {
  @ApiProperty() success: boolean;
  @ApiProperty() message: string;
  @ApiProperty() latency_ms: number;
  @ApiProperty({ type: [VerificationStepDto] }) steps: VerificationStepDto[];
  @ApiProperty({ type: VerificationDetailsDto }) details: VerificationDetailsDto;
}
