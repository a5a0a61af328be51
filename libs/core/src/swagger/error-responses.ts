import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiResponse } from '@nestjs/swagger';
import { ErrorCode } from '../errors/error-code.js';

export class ErrorBodyDto {
  @ApiProperty({ enum: ErrorCode, enumName: 'ErrorCode', example: 'RESOURCE_NOT_FOUND' }) code: ErrorCode;
  @ApiProperty({ example: 'Data connection not found' }) message: string;
  @ApiProperty({ example: 404 }) status: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'Machine-readable context. Validation errors (400/422) carry `fields: [{ field, message }]`; 429 carries `retry_after_s`.',
  })
  details: Record<string, unknown>;
  @ApiProperty({ example: '5b0c3b5e-0d6c-4a9e-9d0e-1f9a2b3c4d5e' }) request_id: string;
  @ApiProperty({ type: String, nullable: true, example: '4bf92f3577b34da6a3ce929d0e0e4736' })
  trace_id: string | null;
}

export class ErrorEnvelopeDto {
  @ApiProperty({ type: ErrorBodyDto }) error: ErrorBodyDto;
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'INVALID_REQUEST: malformed query',
  401: 'INVALID_TOKEN: missing, expired or invalid bearer token',
  403: 'INSUFFICIENT_PERMISSIONS',
  404: 'RESOURCE_NOT_FOUND: missing, or not visible to the caller',
  408: 'REQUEST_TIMEOUT: the client stopped sending the request body',
  409: 'RESOURCE_ALREADY_EXISTS',
  413: 'PAYLOAD_TOO_LARGE',
  416: 'RANGE_NOT_SATISFIABLE: the range starts past the end of the object',
  422: 'VALIDATION_ERROR: well-formed body that fails validation',
  429: 'RATE_LIMIT_EXCEEDED',
  503: 'SERVICE_UNAVAILABLE: a dependency (database, authz, secrets, audit) is down',
  504: 'DEADLINE_EXCEEDED: the request deadline passed; `details.outcome` says whether anything was applied',
};

/** Documents the error envelope for the given statuses. */
export function ApiErrors(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error', type: ErrorEnvelopeDto }),
    ),
  );
}
