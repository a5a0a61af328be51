import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PaginationDto } from '@app/core';
import type { AuditEventEntity } from './audit-event.entity.js';

/** The audit list's page size when the caller names none (the platform reference's). */
export const AUDIT_PAGE_DEFAULT = 50;

export class AuditQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(63) project_id?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) actor_id?: string;
  @ApiPropertyOptional({ example: 'secret.read' })
  @IsOptional()
  @Matches(/^[a-z_]+(\.[a-z_]+)*$/)
  @MaxLength(100)
  action?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) resource_type?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1024) resource_id?: string;
  @ApiPropertyOptional({
    description:
      'Events whose resource_id starts with this: `data:acme-corp:analytics-prod:customer-db#` finds the reads of every credential version of that connection',
    example: 'data:acme-corp:analytics-prod:customer-db#',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  resource_id_prefix?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @Type(() => Date) @IsDate() start_time?: Date;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @Type(() => Date) @IsDate() end_time?: Date;
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page: number = 1;
  @ApiPropertyOptional({
    default: AUDIT_PAGE_DEFAULT,
    minimum: 1,
    maximum: 100,
    description: 'Events per page',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 100,
    deprecated: true,
    description:
      'Deprecated alias of `limit` (the platform reference names it); use `limit`. Both at once must agree.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  page_size?: number;
}

export class AuditEventDto {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) timestamp: string;
  @ApiProperty() org_id: string;
  @ApiProperty({ type: String, nullable: true }) project_id: string | null;
  @ApiProperty() actor_id: string;
  @ApiProperty({ enum: ['user', 'service', 'system'] })
  @IsIn(['user', 'service', 'system'])
  actor_type: string;
  @ApiProperty({ example: 'secret.read' }) action: string;
  @ApiProperty() resource_type: string;
  @ApiProperty({ type: String, nullable: true }) resource_id: string | null;
  @ApiProperty() source_service: string;
  @ApiProperty({ type: String, nullable: true }) request_id: string | null;
  @ApiProperty({ type: String, nullable: true }) trace_id: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;

  static from(e: AuditEventEntity): AuditEventDto {
    return {
      id: e.id,
      timestamp: e.timestamp.toISOString(),
      org_id: e.orgId,
      project_id: e.projectId,
      actor_id: e.actorId,
      actor_type: e.actorType,
      action: e.action,
      resource_type: e.resourceType,
      resource_id: e.resourceId,
      source_service: e.sourceService,
      request_id: e.requestId,
      trace_id: e.traceId,
      details: e.details,
    };
  }
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEventDto] }) data: AuditEventDto[];
  @ApiProperty({ type: PaginationDto }) pagination: PaginationDto;
}

/** OpenAPI example: a project secret read, as the log keeps it (never the value). */
export const AUDIT_EVENT_EXAMPLE: AuditEventDto = {
  id: '7c1e9a52-4b3d-4f6e-8a2c-9d0b1e2f3a4b',
  timestamp: '2025-03-14T10:02:17.381Z',
  org_id: 'acme-corp',
  project_id: 'analytics-prod',
  actor_id: '3f9a7c2e-1d4b-4e8a-b6c5-0a9d8e7f6b5c',
  actor_type: 'user',
  action: 'secret.read',
  resource_type: 'secret',
  resource_id: 'credentials',
  source_service: 'governance',
  request_id: '01JPB4Q9X2M7K3N8R5T6V1W0YZ',
  trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
  details: {},
};
