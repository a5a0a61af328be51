import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { PaginationDto } from '@app/core';
import type { ProjectEntity } from './project.entity.js';

export class CreateProjectDto {
  @ApiProperty({ example: 'analytics-prod', description: 'Slug, unique in the org; used as X-Project-ID' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'id must be a lowercase slug of 2-63 characters' })
  id: string;

  @ApiProperty({ example: 'Analytics (production)' })
  @IsString()
  @Length(1, 255)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string | null;
}

export class ProjectDto {
  @ApiProperty() id: string;
  @ApiProperty() org_id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty() created_by: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;

  static from(p: ProjectEntity): ProjectDto {
    return {
      id: p.id,
      org_id: p.orgId,
      name: p.name,
      description: p.description,
      created_by: p.createdBy,
      created_at: p.createdAt.toISOString(),
      updated_at: p.updatedAt.toISOString(),
    };
  }
}

export class ProjectPageDto {
  @ApiProperty({ type: [ProjectDto] }) data: ProjectDto[];
  @ApiProperty({ type: PaginationDto }) pagination: PaginationDto;
}

/** OpenAPI example: a project as Governance answers it. */
export const PROJECT_EXAMPLE: ProjectDto = {
  id: 'analytics-prod',
  org_id: 'acme-corp',
  name: 'Analytics (production)',
  description: 'Production analytics pipelines and their data connections',
  created_by: '3f9a7c2e-1d4b-4e8a-b6c5-0a9d8e7f6b5c',
  created_at: '2025-03-14T09:26:53.000Z',
  updated_at: '2025-03-14T09:26:53.000Z',
};
