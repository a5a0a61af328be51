import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PaginationDto } from '@app/core';
import {
  ROTATION_STATUSES,
  type ConnectionRotationEntity,
} from '../persistence/connection-rotation.entity.js';

/** Bounds of a rotation's grace period: none at all, up to a week. */
export const MAX_GRACE_PERIOD_SECONDS = 7 * 24 * 3600;

export class CreateRotationDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    writeOnly: true,
    description:
      "The new credentials, checked against the auth method's credentials schema; stored in Governance, never in Assets",
    example: { username: 'analytics_reader', password: 'n3w-s3cret' },
  })
  @IsObject()
  credentials: Record<string, unknown>;

  @ApiPropertyOptional({
    example: 'basic',
    description:
      "A new auth method, where the type offers several (as on update); default: the connection's current one",
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  auth_type?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_GRACE_PERIOD_SECONDS,
    example: 3600,
    description:
      "How long the replaced version stays readable (`GET …/secret?version=previous`) after promotion; 0 retires it at once. Default: the deployment's ROTATION_GRACE_PERIOD_DEFAULT_S (1 hour).",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_GRACE_PERIOD_SECONDS)
  grace_period_seconds?: number;
}

export class RotationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'data:acme-corp:analytics-prod:customer-analytics-db' }) resource_uri: string;
  @ApiProperty({
    enum: ROTATION_STATUSES,
    description:
      'staged (new version written) → verifying → promoted (active; the replaced version in grace) or failed (the new version deleted, the active one untouched); promoted → rolled_back (the replaced version active again) → retired (the version held in grace deleted)',
  })
  status: string;
  @ApiProperty({ type: 'integer', description: 'The version active when the rotation started' })
  from_version: number;
  @ApiProperty({ type: 'integer', description: 'The version the rotation staged' })
  to_version: number;
  @ApiProperty({ example: 'basic', description: 'Auth method of the new credentials' }) auth_type: string;
  @ApiProperty({ type: 'integer' }) grace_period_seconds: number;
  @ApiProperty({ description: 'User who started the rotation' }) actor_id: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description:
      "Why it failed: the verification report's error_code (auth_failed, unreachable, …), or staging_failed, verification_unavailable, rotation_interrupted",
  })
  error_code: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The verification report's message (never a credential)",
  })
  error_message: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) promoted_at: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'Until when the version held in grace (the replaced one; after a rollback, the rolled-back one) stays readable',
  })
  previous_version_expires_at: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) rolled_back_at: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) retired_at: string | null;

  static from(r: ConnectionRotationEntity): RotationDto {
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    return {
      id: r.id,
      resource_uri: r.resourceUri,
      status: r.status,
      from_version: r.fromVersion,
      to_version: r.toVersion,
      auth_type: r.toAuthType,
      grace_period_seconds: r.gracePeriodSeconds,
      actor_id: r.actorId,
      error_code: r.errorCode,
      error_message: r.errorMessage,
      created_at: r.createdAt.toISOString(),
      updated_at: r.updatedAt.toISOString(),
      promoted_at: iso(r.promotedAt),
      previous_version_expires_at: iso(r.previousVersionExpiresAt),
      rolled_back_at: iso(r.rolledBackAt),
      retired_at: iso(r.retiredAt),
    };
  }
}

export class RotationPageDto {
  @ApiProperty({ type: [RotationDto] }) data: RotationDto[];
  @ApiProperty({ type: PaginationDto }) pagination: PaginationDto;
}

/** `?version=` on the secret route: the active version (default), the previous one, or a number. */
export class SecretVersionQuery {
  @ApiPropertyOptional({
    example: 'previous',
    description:
      '`active` (default), `previous` (the version a rotation replaced, during its grace period), or a version number (the active or the in-grace previous one); any other version is 404',
  })
  @IsOptional()
  @IsString()
  @Matches(/^(active|previous|[1-9][0-9]{0,8})$/, {
    message: 'version must be active, previous or a positive version number',
  })
  version?: string;
}
