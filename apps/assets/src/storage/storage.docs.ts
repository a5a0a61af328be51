import { applyDecorators } from '@nestjs/common';
import { ApiResponse, type ApiResponseOptions, DECORATORS } from '@nestjs/swagger';
import { ApiErrors, ErrorCode, ErrorEnvelopeDto } from '@app/core';
import { projectFromHeader, RequirePermission } from '@app/authz';
import { envelopeExample } from './storage.examples.js';

// What the storage and files routes document beyond their DTOs: the key parameter, the headers of
// an object response, and each error status with what it means on these routes.

/**
 * The route's permission on the X-Project-ID project. RequirePermission also documents a generic
 * 401/403/404; these routes say what 403 and 404 mean for them (and HEAD has no body), so the
 * generic ones are dropped and 401 documented again. Keep it right above the method, below the
 * route's response decorators: decorators apply from the bottom up.
 */
export function ProjectPermission(permission: 'can_read' | 'can_write'): MethodDecorator {
  return applyDecorators(
    RequirePermission(permission, projectFromHeader, 'Project'),
    forgetResponses(401, 403, 404),
  );
}

function forgetResponses(...statuses: number[]): MethodDecorator {
  return (_target, _key, descriptor) => {
    const responses = {
      ...((Reflect.getMetadata(DECORATORS.API_RESPONSE, descriptor.value as object) as object) ?? {}),
    } as Record<string, unknown>;
    for (const status of statuses) delete responses[String(status)];
    Reflect.defineMetadata(DECORATORS.API_RESPONSE, responses, descriptor.value as object);
    return descriptor;
  };
}

/** An error status in the envelope, with what it means on the route (and an example, or the document's generic one). */
export const error = (status: number, description: string, extra: Partial<ApiResponseOptions> = {}) =>
  ApiResponse({ status, type: ErrorEnvelopeDto, description, ...extra } as ApiResponseOptions);

export const UNAUTHENTICATED = ApiErrors(401);

const NO_STORE = { $ref: '#/components/headers/CacheControlNoStore' };

/** HEAD answers an error with its status and the envelope's headers, never a body. */
export const headError = (status: number, description: string, headers: Record<string, unknown> = {}) =>
  ApiResponse({
    status,
    description: `${description}. No body (HEAD): a GET of the key answers the error envelope.`,
    headers: { 'Cache-Control': NO_STORE, ...headers },
  });

export const KEY_PARAM = {
  name: 'key',
  description:
    'The object: `{solution}/{artifact-type}/{id…}`. It spans slashes, sent raw or as `%2F` (generated clients encode the whole parameter): both separate segments alike. A single segment is shorthand for `default/objects/<name>`. No segment may be empty, `.` or `..`, or hold a backslash (nor `%5C`) or control characters; solution and artifact type match `[a-z0-9-]{1,63}`; at most 1,024 bytes with the tenant prefix.',
  schema: { type: 'string', minLength: 1, maxLength: 1024 },
  examples: {
    full: { summary: 'solution/artifact-type/id', value: 'talk2data/conversations/abc123/messages.jsonl' },
    shorthand: { summary: 'one segment: default/objects/test.txt', value: 'test.txt' },
  },
};

export const KEY_RETURNED =
  'The returned `key` is the canonical path of the object under `/assets/storage/` (`default/objects/test.txt` for the one-segment shorthand `test.txt`): GET, HEAD or DELETE exactly that.';

/** Headers of every answer about an object: 200, 206 and 304. */
export const OBJECT_HEADERS = {
  ETag: {
    description: 'Validator of this version: strong from cloud stores, weak (`W/`) on the local disk',
    schema: { type: 'string', example: '"9b2cf535f27731c974343645a3985328"' },
  },
  'Last-Modified': {
    description: 'When this version was written',
    schema: { type: 'string', example: 'Thu, 15 Jan 2026 09:30:00 GMT' },
  },
  'Accept-Ranges': { required: true, schema: { type: 'string', enum: ['bytes'] } },
  'Cache-Control': {
    description: 'Revalidate (If-None-Match) before reusing a cached copy',
    required: true,
    schema: { type: 'string', enum: ['private, no-cache'] },
  },
  'X-Content-Type-Options': { required: true, schema: { type: 'string', enum: ['nosniff'] } },
  'Content-Security-Policy': {
    description: 'User content served from the API origin never runs as a page',
    required: true,
    schema: { type: 'string', enum: ["sandbox; default-src 'none'"] },
  },
};

/** Headers of 200 and 206, which describe bytes. */
export const BODY_HEADERS = {
  'Content-Type': {
    description:
      'The Content-Type the object was uploaded with (`application/octet-stream` when the store cannot tell)',
    required: true,
    schema: { type: 'string', example: 'application/x-ndjson' },
  },
  'Content-Length': {
    description: 'Bytes of the object (200, HEAD) or of the range (206)',
    required: true,
    schema: { type: 'integer', minimum: 0, example: 48213 },
  },
};

/** The bytes as stored, in whatever type they were uploaded with; `example` shows a JSON Lines object. */
export const binary = (example: string) => ({
  '*/*': { schema: { type: 'string', format: 'binary' }, example },
});

export const CONTENT_RANGE = {
  description: 'The bytes served and the object size',
  required: true,
  schema: { type: 'string', pattern: '^bytes \\d+-\\d+/\\d+$', example: 'bytes 0-1023/48213' },
};
export const UNSATISFIED_RANGE = {
  description: 'The object size',
  required: true,
  schema: { type: 'string', pattern: '^bytes \\*/\\d+$', example: 'bytes */48213' },
};

export const BAD_KEY =
  'INVALID_REQUEST: a malformed key (empty, `.` or `..` segment, backslash or `%5C`, control characters, a leftover escape such as a double-encoded `%252F`, a solution or artifact type outside `[a-z0-9-]`, too long), X-Project-ID or query parameter';
export const FORBIDDEN =
  'INSUFFICIENT_PERMISSIONS: the caller cannot use the `connection` (`can_execute`); EGRESS_DENIED: its endpoint is not an allowed destination';
export const WRITE_FORBIDDEN =
  'INSUFFICIENT_PERMISSIONS: the caller may read the project but not write it, or cannot use the `connection` (`can_execute`); EGRESS_DENIED: its endpoint is not an allowed destination';
export const PROJECT_OR_CONNECTION_MISSING =
  'RESOURCE_NOT_FOUND: the X-Project-ID project or the `connection` does not exist or is not visible to the caller';
export const OBJECT_MISSING =
  'RESOURCE_NOT_FOUND: no object at the key, or the X-Project-ID project or the `connection` does not exist or is not visible to the caller';
export const DISABLED = 'RESOURCE_ALREADY_EXISTS: the `connection` is disabled';
export const CHANGED =
  'RESOURCE_ALREADY_EXISTS: the object changed while it was being read (read it again), or the `connection` is disabled';
export const FILES_AREA =
  'RESOURCE_ALREADY_EXISTS: the key is under `files/`, which belongs to the files API (`/assets/files`), or the `connection` is disabled';
export const NOT_STORAGE = 'VALIDATION_ERROR: the `connection` is not a storage connection';
export const UNAVAILABLE =
  'SERVICE_UNAVAILABLE: the object store, the database or Governance is unavailable; AUDIT_UNAVAILABLE when a use of a `connection` cannot be audited';

export const OBJECT_MISSING_EXAMPLE = {
  example: envelopeExample(404, ErrorCode.RESOURCE_NOT_FOUND, 'Object not found'),
};
export const PROJECT_MISSING_EXAMPLE = {
  example: envelopeExample(404, ErrorCode.RESOURCE_NOT_FOUND, 'Project not found'),
};
export const DISABLED_EXAMPLE = {
  example: envelopeExample(409, ErrorCode.RESOURCE_ALREADY_EXISTS, 'The connection is disabled', {
    resource_uri: 'data:acme-corp:analytics-prod:shared-lake',
  }),
};
export const FILES_AREA_EXAMPLE = {
  example: envelopeExample(
    409,
    ErrorCode.RESOURCE_ALREADY_EXISTS,
    'Objects under files/ are managed by the files API (POST /assets/files); they cannot be written or deleted here',
    { solution: 'files' },
  ),
};
export const CHANGED_EXAMPLE = {
  example: envelopeExample(
    409,
    ErrorCode.RESOURCE_ALREADY_EXISTS,
    'The object changed while it was being read',
  ),
};
export const NOT_STORAGE_EXAMPLE = {
  example: envelopeExample(
    422,
    ErrorCode.VALIDATION_ERROR,
    'A postgres connection is not a storage connection',
    {
      fields: [{ field: 'connection', message: 'must be a storage connection (s3, minio, gcs, azure_blob)' }],
      allowed_types: ['s3', 'minio', 'gcs', 'azure_blob'],
    },
  ),
};
export const UNSATISFIABLE_EXAMPLE = {
  example: envelopeExample(416, ErrorCode.RANGE_NOT_SATISFIABLE, 'Requested range not satisfiable', {
    size: 48213,
  }),
};
