import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

export class ErrorBodyDto {
  @ApiProperty({ example: 'RESOURCE_NOT_FOUND' }) code: string;
  @ApiProperty({ example: 'Data connection not found' }) message: string;
  @ApiProperty({ example: 404 }) status: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
  @ApiProperty({ example: '5b0c3b5e-0d6c-4a9e-9d0e-1f9a2b3c4d5e' }) request_id: string;
  @ApiPropertyOptional({ type: String, nullable: true }) trace_id: string | null;
}

export class ErrorEnvelopeDto {
  @ApiProperty({ type: ErrorBodyDto }) error: ErrorBodyDto;
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'INVALID_REQUEST: malformed request or query',
  401: 'INVALID_TOKEN: missing, expired or invalid bearer token',
  403: 'INSUFFICIENT_PERMISSIONS',
  404: 'RESOURCE_NOT_FOUND: missing, or not visible to the caller',
  408: 'REQUEST_TIMEOUT: the client stopped sending the request body',
  409: 'RESOURCE_ALREADY_EXISTS',
  413: 'PAYLOAD_TOO_LARGE',
  422: 'VALIDATION_ERROR: well-formed body that fails validation',
  429: 'RATE_LIMIT_EXCEEDED',
  503: 'SERVICE_UNAVAILABLE: a dependency (database, authz, secrets, audit) is down',
};

/** Documents the error envelope for the given statuses. */
export function ApiErrors(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error', type: ErrorEnvelopeDto }),
    ),
  );
}
