import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PaginationDto } from '@app/core';
import { STORAGE_NAME } from '@app/storage';

const CONNECTION_DESCRIPTION =
  'Use this registered storage connection (resource URI, or name in your scope) instead of the default store; needs `can_execute` on it';

/** The query of the object routes: only the store to use. */
export class ObjectQueryDto {
  @ApiPropertyOptional({
    description: CONNECTION_DESCRIPTION,
    example: 'data:acme-corp:analytics-prod:shared-lake',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  connection?: string;
}

export class ListObjectsQueryDto extends ObjectQueryDto {
  @ApiProperty({ description: 'The solution to list', example: 'talk2data', pattern: STORAGE_NAME.source })
  @IsString()
  @Matches(STORAGE_NAME, { message: 'must match [a-z0-9-]{1,63}' })
  solution: string;
  @ApiPropertyOptional({
    description: 'Key prefix relative to the solution, e.g. `reports/2024-` (may end inside a name)',
    example: 'conversations/abc123/',
    maxLength: 1024,
  })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  prefix?: string;
  @ApiPropertyOptional({ description: 'Opaque `next_cursor` of the previous page', maxLength: 2048 })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  cursor?: string;
  @ApiPropertyOptional({ type: 'integer', default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

const KEY_DESCRIPTION =
  "The object's path under `/assets/storage/`: `{solution}/{artifact-type}/{id…}`. GET, HEAD and DELETE it there as is (percent-encode each segment, or the whole key with `/` as `%2F`).";

export class StoredObjectDto {
  @ApiProperty({ example: 'talk2data/conversations/abc123/messages.jsonl', description: KEY_DESCRIPTION })
  key: string;
  @ApiProperty({ description: 'Bytes', example: 48213 }) size: number;
  @ApiProperty({ type: String, nullable: true, example: '"9b2cf535f27731c974343645a3985328"' })
  etag: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) last_modified: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'application/x-ndjson',
    description: 'The Content-Type it was uploaded with; null when the store cannot tell',
  })
  content_type: string | null;
}

export class ObjectPageDto {
  @ApiProperty({ type: [StoredObjectDto] }) data: StoredObjectDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last',
  })
  next_cursor: string | null;
}

export class PutObjectResultDto {
  @ApiProperty({ example: 'talk2data/conversations/abc123/messages.jsonl', description: KEY_DESCRIPTION })
  key: string;
  @ApiProperty({ description: 'Bytes stored', example: 48213 }) size: number;
  @ApiProperty({ type: String, nullable: true, example: '"9b2cf535f27731c974343645a3985328"' })
  etag: string | null;
}

const FILE_URL_DESCRIPTION =
  'Where the bytes are read (`GET`/`HEAD` there); names the storage connection (`?connection=`) when they live in one';

export class FileUploadedDto {
  @ApiProperty({ example: 'file:acme-corp:analytics-prod:quarterly-report-q1' }) resource_uri: string;
  @ApiProperty({ example: '/assets/storage/files/reports/q1.pdf', description: FILE_URL_DESCRIPTION })
  url: string;
  @ApiProperty({ example: 'reports/q1.pdf', description: 'As sent: relative to the `files` solution' })
  key: string;
  @ApiProperty({ example: 'Quarterly Report Q1' }) name: string;
  @ApiProperty({ example: 'File uploaded' }) message: string;
  @ApiProperty({ description: 'Bytes stored', example: 482133 }) size: number;
  @ApiProperty({ example: 'application/pdf', description: "The file part's Content-Type" })
  content_type: string;
}

export class FileDto {
  @ApiProperty({ example: 'file:acme-corp:analytics-prod:quarterly-report-q1' }) resource_uri: string;
  @ApiProperty({ example: 'reports/q1.pdf', description: 'Relative to the `files` solution' }) key: string;
  @ApiProperty({ example: 'Quarterly Report Q1' }) name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: [String], example: ['finance', 'quarterly'] }) tags: string[];
  @ApiProperty({ example: 'application/pdf' }) content_type: string;
  @ApiProperty({ description: 'Bytes', example: 482133 }) size: number;
  @ApiProperty({ type: String, nullable: true }) etag: string | null;
  @ApiProperty({ example: '/assets/storage/files/reports/q1.pdf', description: FILE_URL_DESCRIPTION })
  url: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The storage connection holding the bytes; null for the default store',
  })
  connection_uri: string | null;
  @ApiProperty({ example: 'alice' }) created_by: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}

export class FilePageDto {
  @ApiProperty({ type: [FileDto] }) data: FileDto[];
  @ApiProperty({ type: PaginationDto }) pagination: PaginationDto;
}
