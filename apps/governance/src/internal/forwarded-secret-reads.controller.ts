import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  AcceptedWhen,
  ApiErrors,
  NoStore,
  type Principal,
  RequestSignal,
  TrustedServiceOnly,
} from '@app/core';
import { CurrentPrincipal, ProjectHeader } from '@app/auth';
import { SECRET_VALUE_EXAMPLE, SecretValueDto } from '../secrets/index.js';
import { TrustedServiceGuard } from './trusted-service.guard.js';
import { type ForwardedReadResult, ForwardedSecretReads } from './forwarded-secret-reads.js';

const TRACEPARENT_PATTERN = /^[\da-f]{2}-[\da-f]{32}-[\da-f]{16}-[\da-f]{2}$/;

/** Most reads in one call: what one audit append carries. */
export const MAX_FORWARDED_READS = 100;
const MAX_TOKEN_LENGTH = 16 * 1024;
const MAX_URI_LENGTH = 1024;
const MAX_NAME_LENGTH = 128;
const MAX_REQUEST_ID_LENGTH = 128;
const READ_FIELDS = new Set(['token', 'resource_uri', 'name', 'request_id', 'traceparent']);

const isStringUpTo = (value: unknown, max: number): boolean =>
  typeof value === 'string' && value.length <= max;

/** A read the decorators below certainly accept (lengths in UTF-16 units, which never exceed theirs). */
function isPlainRead(read: unknown): boolean {
  if (typeof read !== 'object' || read === null || Array.isArray(read)) return false;
  for (const key of Object.keys(read)) if (!READ_FIELDS.has(key)) return false;
  const r = read as Record<string, unknown>;
  return (
    isStringUpTo(r.token, MAX_TOKEN_LENGTH) &&
    isStringUpTo(r.resource_uri, MAX_URI_LENGTH) &&
    isStringUpTo(r.name, MAX_NAME_LENGTH) &&
    (r.request_id === undefined || isStringUpTo(r.request_id, MAX_REQUEST_ID_LENGTH)) &&
    (r.traceparent === undefined ||
      (typeof r.traceparent === 'string' && TRACEPARENT_PATTERN.test(r.traceparent)))
  );
}

/**
 * The body as Assets sends it, checked without class-validator, which cost Governance more than
 * the reads' own decisions (bench/README.md). Anything else is validated by the decorators.
 */
export function isPlainForwardedReads(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const keys = Object.keys(body);
  const reads = (body as { reads?: unknown }).reads;
  return (
    keys.length === 1 &&
    keys[0] === 'reads' &&
    Array.isArray(reads) &&
    reads.length >= 1 &&
    reads.length <= MAX_FORWARDED_READS &&
    reads.every(isPlainRead)
  );
}

export class ForwardedSecretReadDto {
  @ApiProperty({
    description:
      "The caller's own bearer token, as they presented it to the service. Governance verifies it and decides as that caller.",
    writeOnly: true,
  })
  @IsString()
  @MaxLength(MAX_TOKEN_LENGTH)
  token: string;

  @ApiProperty({ example: 'data:acme-corp:analytics-prod:customer-db' })
  @IsString()
  @MaxLength(MAX_URI_LENGTH)
  resource_uri: string;

  @ApiProperty({ example: 'credentials-v1' })
  @IsString()
  @MaxLength(MAX_NAME_LENGTH)
  name: string;

  @ApiPropertyOptional({
    type: String,
    maxLength: MAX_REQUEST_ID_LENGTH,
    description: "The id of the service's request the read serves, recorded in its audit event",
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_REQUEST_ID_LENGTH)
  request_id?: string;

  @ApiPropertyOptional({
    type: String,
    pattern: TRACEPARENT_PATTERN.source,
    description:
      "W3C `traceparent` of the service's span for this read: Governance's span of the read continues that trace, and its audit event records the trace id",
  })
  @IsOptional()
  @Matches(TRACEPARENT_PATTERN)
  traceparent?: string;
}

@AcceptedWhen(isPlainForwardedReads)
export class ForwardedSecretReadsDto {
  @ApiProperty({ type: [ForwardedSecretReadDto], minItems: 1, maxItems: MAX_FORWARDED_READS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_FORWARDED_READS)
  @ValidateNested({ each: true })
  @Type(() => ForwardedSecretReadDto)
  reads: ForwardedSecretReadDto[];
}

class ForwardedReadErrorDto {
  @ApiProperty({ example: 'RESOURCE_NOT_FOUND' }) code: string;
  @ApiProperty({ example: 'Data connection not found' }) message: string;
}

export class ForwardedReadResultDto {
  @ApiProperty({ description: 'What GET .../secrets/{name} would have answered that caller', example: 200 })
  status: number;
  @ApiPropertyOptional({ type: SecretValueDto, description: 'With status 200' }) secret?: SecretValueDto;
  @ApiPropertyOptional({ type: ForwardedReadErrorDto, description: 'With any other status' })
  error?: ForwardedReadErrorDto;
}

export class ForwardedReadResultsDto {
  @ApiProperty({ type: [ForwardedReadResultDto], description: 'One per read, in the order of `reads`' })
  results: ForwardedReadResultDto[];
}

/**
 * Reads a platform service (Assets) forwards for its callers, many per call: under load one
 * request carries what would otherwise be one request per read (bench/README.md). Anyone but a
 * trusted service gets 404; each read is decided and audited as its own caller's
 * (ForwardedSecretReads). 400 and 401 (and 415) are documented by the document's finishing pass.
 */
@ApiTags('internal')
@ApiBearerAuth()
@ProjectHeader('none')
@TrustedServiceOnly(TrustedServiceGuard)
@Controller('internal')
export class ForwardedSecretReadsController {
  constructor(private readonly reads: ForwardedSecretReads) {}

  @Post('forwarded-secret-reads')
  @HttpCode(200)
  @NoStore()
  @ApiOperation({
    operationId: 'readResourceSecretsForCallers',
    summary:
      "Read data connection secrets for the service's callers, each as that caller (their token, their permission, their audit event; fails closed per read)",
  })
  @ApiBody({
    type: ForwardedSecretReadsDto,
    examples: {
      two: {
        summary: 'Two users reading credentials at once',
        value: {
          reads: [
            {
              token: "<the first caller's bearer token>",
              resource_uri: 'data:acme-corp:analytics-prod:customer-db',
              name: 'credentials-v1',
              request_id: '01JPB4Q9X2M7K3N8R5T6V1W0YZ',
              traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
            },
            {
              token: "<the second caller's bearer token>",
              resource_uri: 'data:acme-corp:analytics-prod:orders-db',
              name: 'credentials-v3',
              request_id: '01JPB4Q9X2M7K3N8R5T6V1W0Z0',
              traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
            },
          ],
        },
      },
    },
  })
  @ApiOkResponse({
    type: ForwardedReadResultsDto,
    example: {
      results: [
        { status: 200, secret: { ...SECRET_VALUE_EXAMPLE, name: 'credentials-v1' } },
        { status: 404, error: { code: 'RESOURCE_NOT_FOUND', message: 'Data connection not found' } },
      ],
    },
  })
  @ApiErrors(404, 413, 422, 503, 504)
  async readAll(
    @CurrentPrincipal() service: Principal,
    @Body() body: ForwardedSecretReadsDto,
    @RequestSignal() signal?: AbortSignal,
  ): Promise<{ results: ForwardedReadResult[] }> {
    return { results: await this.reads.readAll(service, body.reads, signal) };
  }
}
