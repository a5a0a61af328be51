import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '@app/core';
import { CONNECTION_TYPES } from '../../connection-types/index.js';
import { CONNECTION_HEALTH } from '../persistence/data-connection.entity.js';

export const SORT_FIELDS = [
  'name',
  'created_at',
  'updated_at',
  'connection_type',
  'status',
  'last_verified_at',
  'last_checked_at',
] as const;
const SORT = new RegExp(
  `^(${SORT_FIELDS.join('|')}):(asc|desc)(,(${SORT_FIELDS.join('|')}):(asc|desc)){0,5}$`,
);

export class ListConnectionsQuery extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Case-insensitive match on name and description; % _ \\ are literal' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(/\S/, { message: 'search must not be blank' })
  search?: string;

  @ApiPropertyOptional({ enum: CONNECTION_TYPES })
  @IsOptional()
  @IsIn(CONNECTION_TYPES)
  connection_type?: string;

  @ApiPropertyOptional({ enum: ['PENDING', 'ACTIVE', 'ERROR', 'DISABLED'] })
  @IsOptional()
  @IsIn(['PENDING', 'ACTIVE', 'ERROR', 'DISABLED'])
  status?: string;

  @ApiPropertyOptional({
    enum: CONNECTION_HEALTH,
    description: 'What the scheduled health checks last found',
  })
  @IsOptional()
  @IsIn(CONNECTION_HEALTH)
  health?: string;

  @ApiPropertyOptional({
    description: 'Comma-separated; a connection must carry every tag',
    example: 'production,analytics',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:-]{1,64}(,[A-Za-z0-9_.:-]{1,64}){0,19}$/, {
    message: 'tags must be a comma-separated list of tags',
  })
  tags?: string;

  @ApiPropertyOptional({ example: 'alice', description: 'Creator (user id); `user:alice` is accepted too' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/^user:/, '') : value))
  created_by?: string;

  @ApiPropertyOptional({ deprecated: true, description: 'Deprecated alias of created_by' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/^user:/, '') : value))
  owner_id?: string;

  @ApiPropertyOptional({
    example: 'name:asc,created_at:desc',
    description: `Fields: ${SORT_FIELDS.join(', ')}`,
  })
  @IsOptional()
  @Matches(SORT, { message: `sort must look like name:asc,created_at:desc over ${SORT_FIELDS.join(', ')}` })
  sort?: string;
}
