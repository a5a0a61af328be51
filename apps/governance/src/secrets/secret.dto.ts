import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsByteLength, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PaginationDto } from '@app/core';
import type { SecretMetadata } from '@app/secrets';

export const SECRET_NAME = /^[A-Za-z0-9_.-]{1,128}$/;
export const MAX_SECRET_BYTES = 64 * 1024;
/** The backend's limit is in UTF-8 bytes; counted the same way here, so an oversized value is always 422. */
const VALUE_SIZE = IsByteLength(1, MAX_SECRET_BYTES, {
  message: `value must be 1 to ${MAX_SECRET_BYTES} bytes of UTF-8`,
});

const VALUE_DESCRIPTION = `The secret value (write-only), 1 to ${MAX_SECRET_BYTES} bytes of UTF-8. Structured values are serialized JSON.`;

export class CreateSecretDto {
  @ApiProperty({ example: 'credentials', pattern: SECRET_NAME.source })
  @Matches(SECRET_NAME, { message: 'name must be 1-128 characters of A-Z a-z 0-9 _ . -' })
  name: string;

  @ApiProperty({ description: VALUE_DESCRIPTION, writeOnly: true, minLength: 1 })
  @IsString()
  @VALUE_SIZE
  value: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;
}

export class UpdateSecretDto {
  @ApiProperty({ description: VALUE_DESCRIPTION, writeOnly: true, minLength: 1 })
  @IsString()
  @VALUE_SIZE
  value: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;
}

export class SecretCreatedDto {
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
}

export class SecretMetadataDto {
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
  @ApiProperty() version: number;

  static from(m: SecretMetadata): SecretMetadataDto {
    return {
      name: m.name,
      description: m.description,
      created_at: m.created_at,
      updated_at: m.updated_at,
      version: m.version,
    };
  }
}

export class SecretValueDto extends SecretMetadataDto {
  @ApiProperty() value: string;
}

export class SecretPageDto {
  @ApiProperty({ type: [SecretMetadataDto] }) data: SecretMetadataDto[];
  @ApiProperty({ type: PaginationDto }) pagination: PaginationDto;
}

/** OpenAPI examples: placeholders only, never a real credential. */
const CREDENTIALS_JSON = '{"username":"analytics_reader","password":"<password>"}';
export const SECRET_EXAMPLES = {
  createStructured: {
    summary: 'Structured credentials (serialized JSON)',
    value: {
      name: 'credentials',
      value: CREDENTIALS_JSON,
      description: 'Warehouse login for the nightly loads',
    },
  },
  createPlain: {
    summary: 'A single value',
    value: { name: 'slack-webhook-token', value: '<token>', description: null },
  },
  update: {
    summary: 'Rotate the value, keep the description',
    value: { value: '{"username":"analytics_reader","password":"<new-password>"}' },
  },
  updateDescribed: {
    summary: 'Rotate the value and change the description',
    value: { value: '<token>', description: 'Rotated after the March incident' },
  },
  resourcePut: {
    summary: "A data connection's credentials",
    value: { value: '{"username":"analytics_reader","password":"<password>"}', description: null },
  },
} as const;
export const SECRET_CREATED_EXAMPLE: SecretCreatedDto = {
  name: 'credentials',
  created_at: '2025-03-14T09:30:12.000Z',
};
export const SECRET_METADATA_EXAMPLE: SecretMetadataDto = {
  name: 'credentials',
  description: 'Warehouse login for the nightly loads',
  created_at: '2025-03-14T09:30:12.000Z',
  updated_at: '2025-04-02T16:05:41.000Z',
  version: 2,
};
export const SECRET_VALUE_EXAMPLE: SecretValueDto = { ...SECRET_METADATA_EXAMPLE, value: CREDENTIALS_JSON };
export const RESOURCE_SECRET_METADATA_EXAMPLE: SecretMetadataDto = {
  name: 'credentials-v1',
  description: null,
  created_at: '2025-03-14T09:41:07.000Z',
  updated_at: '2025-03-14T09:41:07.000Z',
  version: 1,
};
