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
