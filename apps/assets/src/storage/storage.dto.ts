import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PaginationDto } from '@app/core';

export class ListObjectsQueryDto {
  @ApiPropertyOptional({ description: 'Key prefix relative to the solution, e.g. `reports/2024-`' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  prefix?: string;
  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  cursor?: string;
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
  @ApiPropertyOptional({
    description:
      'Use this registered storage connection (resource URI, or name in your scope) instead of the default store; needs `can_execute` on it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  connection?: string;
}

export class StoredObjectDto {
  @ApiProperty({
    example: 'conversations/abc123/messages.jsonl',
    description: 'Relative to the solution prefix',
  })
  key: string;
  @ApiProperty() size: number;
  @ApiProperty({ type: String, nullable: true }) etag: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) last_modified: string | null;
  @ApiProperty({ type: String, nullable: true }) content_type: string | null;
}

export class ObjectPageDto {
  @ApiProperty({ type: [StoredObjectDto] }) data: StoredObjectDto[];
  @ApiProperty({ type: String, nullable: true }) next_cursor: string | null;
}

export class PutObjectResultDto {
  @ApiProperty({ example: 'conversations/abc123/messages.jsonl' }) key: string;
  @ApiProperty() size: number;
  @ApiProperty({ type: String, nullable: true }) etag: string | null;
}

export class FileUploadedDto {
  @ApiProperty({ example: 'file:acme:proj-42:quarterly-report' }) resource_uri: string;
  @ApiProperty({ example: '/assets/storage/files/reports/q1.pdf' }) url: string;
  @ApiProperty({ example: 'reports/q1.pdf' }) key: string;
  @ApiProperty() name: string;
  @ApiProperty() message: string;
  @ApiProperty() size: number;
  @ApiProperty() content_type: string;
}

export class FileDto {
  @ApiProperty({ example: 'file:acme:proj-42:quarterly-report' }) resource_uri: string;
  @ApiProperty({ example: 'reports/q1.pdf', description: 'Relative to the `files` solution' }) key: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty() content_type: string;
  @ApiProperty() size: number;
  @ApiProperty({ type: String, nullable: true }) etag: string | null;
  @ApiProperty({
    example: '/assets/storage/files/reports/q1.pdf',
    description: 'Where the bytes are read; names the storage connection when they live in one',
  })
  url: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The storage connection holding the bytes; null for the default store',
  })
  connection_uri: string | null;
  @ApiProperty() created_by: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}

export class FilePageDto {
  @ApiProperty({ type: [FileDto] }) data: FileDto[];
  @ApiProperty({ type: PaginationDto }) pagination: PaginationDto;
}
