import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;
}

export class PaginationDto {
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
  @ApiProperty() total_items: number;
  @ApiProperty() total_pages: number;
  @ApiProperty({ type: Number, nullable: true }) next_page: number | null;
  @ApiProperty({ type: Number, nullable: true }) prev_page: number | null;
}

export interface Page<T> {
  data: T[];
  pagination: PaginationDto;
}

export function pageOf<T>(data: T[], totalItems: number, page: number, limit: number): Page<T> {
  const totalPages = Math.ceil(totalItems / limit);
  return {
    data,
    pagination: {
      page,
      limit,
      total_items: totalItems,
      total_pages: totalPages,
      next_page: page < totalPages ? page + 1 : null,
      prev_page: page > 1 ? Math.min(page - 1, Math.max(totalPages, 1)) : null,
    },
  };
}

export function offsetOf(page: number, limit: number): number {
  return (page - 1) * limit;
}
