import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { PaginationDto, PageQueryDto } from '@app/core';
import { CONNECTION_EVENT_TYPES } from '../connection-event.js';
import type { WebhookSubscriptionEntity } from '../persistence/webhook.entities.js';
import type { DeliveryLogItem } from '../persistence/webhook-deliveries.repository.js';
import { MAX_URL_LENGTH } from '../webhook-url.js';

const URL_DESCRIPTION =
  'Where events are POSTed: https (http only outside production), no user:password@, no fragment; destinations the egress policy denies are refused';

export class CreateWebhookDto {
  @ApiProperty({
    maxLength: MAX_URL_LENGTH,
    description: URL_DESCRIPTION,
    example: 'https://hooks.example.com/assets',
  })
  @IsString()
  @MaxLength(MAX_URL_LENGTH)
  url: string;

  @ApiProperty({ enum: CONNECTION_EVENT_TYPES, isArray: true, example: ['connection.deleted'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CONNECTION_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(CONNECTION_EVENT_TYPES, { each: true })
  events: string[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1000, example: 'Pager for the data team' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(1000)
  description?: string | null;
}

export class UpdateWebhookDto {
  @ApiPropertyOptional({ maxLength: MAX_URL_LENGTH, description: URL_DESCRIPTION })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_URL_LENGTH)
  url?: string;

  @ApiPropertyOptional({ enum: CONNECTION_EVENT_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CONNECTION_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(CONNECTION_EVENT_TYPES, { each: true })
  events?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1000 })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(1000)
  description?: string | null;
}

export class WebhookDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() org_id: string;
  @ApiProperty({ type: String, nullable: true, description: 'null: an org webhook (every event of the org)' })
  project_id: string | null;
  @ApiProperty({ enum: ['project', 'organization'] }) scope: 'project' | 'organization';
  @ApiProperty() url: string;
  @ApiProperty({ enum: CONNECTION_EVENT_TYPES, isArray: true }) events: string[];
  @ApiProperty() enabled: boolean;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty() created_by: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
  @ApiProperty({ format: 'date-time', description: 'When the signing secret was last set' })
  secret_rotated_at: string;

  static from(row: WebhookSubscriptionEntity): WebhookDto {
    return {
      id: row.id,
      org_id: row.orgId,
      project_id: row.projectId,
      scope: row.projectId ? 'project' : 'organization',
      url: row.url,
      events: row.events,
      enabled: row.enabled,
      description: row.description,
      created_by: row.createdBy,
      created_at: row.createdAt.toISOString(),
      updated_at: row.updatedAt.toISOString(),
      secret_rotated_at: row.secretRotatedAt.toISOString(),
    };
  }
}

export class WebhookWithSecretDto extends WebhookDto {
  @ApiProperty({
    description:
      'The Standard Webhooks signing secret (`whsec_` + base64). Returned only in this answer: it is kept in Governance and never shown again.',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  })
  signing_secret: string;
}

export class WebhookPageDto {
  @ApiProperty({ type: [WebhookDto] }) data: WebhookDto[];
  @ApiProperty({ type: PaginationDto }) pagination: PaginationDto;
}

export class ListWebhooksQuery extends PageQueryDto {}

export class DeliveryAttemptDto {
  @ApiProperty() attempt: number;
  @ApiProperty({ format: 'date-time' }) attempted_at: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: "The receiver's HTTP status; null when none came",
  })
  status_code: number | null;
  @ApiProperty() duration_ms: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'A fixed label: http_<status>, egress_denied, connect_timeout, response_timeout, connection_refused, dns_error, tls_error, network_error, redirect_refused, signing_secret_unavailable, subscription_disabled',
  })
  error: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "At most 120 characters of the receiver's answer",
  })
  response_excerpt: string | null;
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The `webhook-id` header of every attempt' }) event_id: string;
  @ApiProperty({ enum: CONNECTION_EVENT_TYPES }) event_type: string;
  @ApiProperty() resource_uri: string;
  @ApiProperty({ enum: ['pending', 'succeeded', 'failed'] }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When a pending delivery is next tried',
  })
  next_attempt_at: string | null;
  @ApiProperty({ type: Number, nullable: true }) last_status_code: number | null;
  @ApiProperty({ type: String, nullable: true }) last_error: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completed_at: string | null;
  @ApiProperty({ type: [DeliveryAttemptDto] }) log: DeliveryAttemptDto[];

  static from(item: DeliveryLogItem): WebhookDeliveryDto {
    return {
      id: item.id,
      event_id: item.eventId,
      event_type: item.eventType,
      resource_uri: item.resourceUri,
      status: item.status,
      attempts: item.attempts,
      next_attempt_at: item.nextAttemptAt?.toISOString() ?? null,
      last_status_code: item.lastStatusCode,
      last_error: item.lastError,
      created_at: item.createdAt.toISOString(),
      completed_at: item.completedAt?.toISOString() ?? null,
      log: item.log.map((a) => ({
        attempt: a.attempt,
        attempted_at: a.attemptedAt.toISOString(),
        status_code: a.statusCode,
        duration_ms: a.durationMs,
        error: a.error,
        response_excerpt: a.responseExcerpt,
      })),
    };
  }
}

export class WebhookDeliveryPageDto {
  @ApiProperty({ type: [WebhookDeliveryDto] }) data: WebhookDeliveryDto[];
  @ApiProperty({ type: PaginationDto }) pagination: PaginationDto;
}
