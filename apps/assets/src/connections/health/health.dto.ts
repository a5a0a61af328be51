import { ApiExtraModels, ApiProperty } from '@nestjs/swagger';
import { PaginationDto } from '@app/core';
import { VERIFICATION_ERROR_CODES } from '../../verification/index.js';
import { CONNECTION_HEALTH } from '../persistence/data-connection.entity.js';
import type { HealthCheckRow } from '../persistence/health-checks.repository.js';
import { HealthForecastDto, nullableRef } from '../dto/connection.dto.js';

/** One scheduled check's result. */
@ApiExtraModels(HealthForecastDto)
export class HealthCheckResultDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) checked_at: string;
  @ApiProperty({ enum: CONNECTION_HEALTH }) health: string;
  @ApiProperty({
    type: String,
    enum: [...VERIFICATION_ERROR_CODES, null],
    nullable: true,
    description: 'Why the probe failed; null when it worked',
  })
  error_code: string | null;
  @ApiProperty({ example: 'connection verified' }) message: string;
  @ApiProperty({ type: 'integer', example: 184 }) latency_ms: number;
  @ApiProperty({
    type: [String],
    description: "Why a working connection is degraded, then the probe's warnings",
  })
  warnings: string[];
  @ApiProperty(nullableRef(HealthForecastDto)) forecast: HealthForecastDto | null;

  static from(row: HealthCheckRow): HealthCheckResultDto {
    return {
      id: row.id,
      checked_at: row.checked_at.toISOString(),
      health: row.health,
      error_code: row.error_code,
      message: row.message,
      latency_ms: row.latency_ms,
      warnings: row.warnings,
      forecast: row.forecast,
    };
  }
}

export class HealthCheckPageDto {
  @ApiProperty({ type: [HealthCheckResultDto] }) data: HealthCheckResultDto[];
  @ApiProperty({ type: PaginationDto }) pagination: PaginationDto;
}

export const HEALTH_CHECK_PAGE_EXAMPLE: HealthCheckPageDto = {
  data: [
    {
      id: '5b0c1f5e-8d1a-4f6e-9a57-3c1d2b4e6f70',
      checked_at: '2026-01-15T10:12:41.000Z',
      health: 'auth_failed',
      error_code: 'auth_failed',
      message: 'failed at authenticate: authentication failed',
      latency_ms: 41,
      warnings: [],
      forecast: {
        credentials_set_at: '2026-01-15T09:30:00.000Z',
        credentials_max_age_days: 90,
        credentials_expire_at: '2026-04-15T09:30:00.000Z',
      },
    },
    {
      id: '0f3e2d1c-4b5a-4978-8695-a4b3c2d1e0f9',
      checked_at: '2026-01-15T09:12:40.000Z',
      health: 'healthy',
      error_code: null,
      message: 'connection verified',
      latency_ms: 63,
      warnings: [],
      forecast: {
        credentials_set_at: '2026-01-15T09:30:00.000Z',
        credentials_max_age_days: 90,
        credentials_expire_at: '2026-04-15T09:30:00.000Z',
      },
    },
  ],
  pagination: { page: 1, limit: 20, total_items: 2, total_pages: 1, next_page: null, prev_page: null },
};
