import type { OpenAPIObject } from '@nestjs/swagger';
import { PROJECT_HEADER } from '../tenancy.js';
import { ErrorCode } from '../errors/error-code.js';

type Json = Record<string, unknown>;
interface Operation {
  operationId?: string;
  security?: unknown[];
  parameters?: Json[];
  requestBody?: { content?: Record<string, unknown> };
  responses: Record<string, Json>;
  [extension: `x-${string}`]: unknown;
}

/** Extensions our decorators leave on operations for this pass to act on; none reaches the document. */
export const PUBLIC_EXTENSION = 'x-public';
export const NO_STORE_EXTENSION = 'x-no-store';

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];
const ENVELOPE_REF = '#/components/schemas/ErrorEnvelopeDto';

/** The code each status answers with in the example envelopes (the codes a client switches on). */
const EXAMPLE_ERRORS: Record<number, [ErrorCode, string]> = {
  400: [ErrorCode.INVALID_REQUEST, 'Malformed request'],
  401: [ErrorCode.INVALID_TOKEN, 'Missing or invalid bearer token'],
  403: [ErrorCode.INSUFFICIENT_PERMISSIONS, 'Insufficient permissions'],
  404: [ErrorCode.RESOURCE_NOT_FOUND, 'Data connection not found'],
  408: [ErrorCode.REQUEST_TIMEOUT, 'The request body stopped arriving'],
  409: [ErrorCode.CONFLICT, 'Another change to this resource came first; nothing was changed'],
  413: [ErrorCode.PAYLOAD_TOO_LARGE, 'Request body is too large'],
  415: [ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Unsupported Content-Type: send the body as application/json'],
  416: [ErrorCode.RANGE_NOT_SATISFIABLE, 'Range not satisfiable'],
  422: [ErrorCode.VALIDATION_ERROR, 'Request body failed validation'],
  429: [ErrorCode.RATE_LIMIT_EXCEEDED, 'Too many requests'],
  500: [ErrorCode.INTERNAL_ERROR, 'An unexpected error occurred'],
  503: [ErrorCode.SERVICE_UNAVAILABLE, 'A dependency is unavailable; retry later'],
  504: [ErrorCode.DEADLINE_EXCEEDED, 'The request deadline passed'],
};

export function exampleEnvelope(status: number, details: Json = {}): Json {
  const [code, message] = EXAMPLE_ERRORS[status] ?? [ErrorCode.INVALID_REQUEST, 'Request failed'];
  return {
    error: {
      code,
      message,
      status,
      details:
        status === 422 && Object.keys(details).length === 0
          ? { fields: [{ field: 'name', message: 'must be 1 to 255 characters' }] }
          : details,
      request_id: '01JD3ZK6Q8W5V7N2C4X9T0B1RM',
      trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
    },
  };
}

const HEADERS: Record<string, Json> = {
  RequestId: {
    description: 'The request id: also in the error envelope, in the logs and in audit events.',
    required: true,
    schema: { type: 'string', example: '01JD3ZK6Q8W5V7N2C4X9T0B1RM' },
  },
  WwwAuthenticate: {
    description:
      'RFC 6750 challenge: `Bearer realm="<service>"`, with `error="invalid_token"` when a token was sent.',
    required: true,
    schema: { type: 'string', example: 'Bearer realm="assets", error="invalid_token"' },
  },
  RetryAfter: {
    description: 'Seconds to wait before retrying, when the service can tell.',
    schema: { type: 'integer', minimum: 0, example: 2 },
  },
  CacheControlNoStore: {
    description: 'Credentials and errors are never cached by clients or proxies.',
    required: true,
    schema: { type: 'string', enum: ['no-store'] },
  },
};
const ref = (name: string) => ({ $ref: `#/components/headers/${name}` });

function isEnvelope(response: Json): boolean {
  const content = response.content as Record<string, { schema?: Json }> | undefined;
  return content?.['application/json']?.schema?.$ref === ENVELOPE_REF;
}

function errorResponse(status: number, description: string): Json {
  return {
    description,
    content: { 'application/json': { schema: { $ref: ENVELOPE_REF }, example: exampleEnvelope(status) } },
  };
}

/**
 * Documents `status` with `cause` among its causes: one `CODE: cause; cause` description, however
 * many decorators and rules named one.
 */
function ensureStatus(operation: Operation, status: number, cause: string): void {
  const existing = operation.responses[String(status)];
  const code = (EXAMPLE_ERRORS[status] ?? [ErrorCode.INVALID_REQUEST])[0];
  const causes = [...String(existing?.description ?? '').split('; '), cause]
    .map((part) => part.replace(/^[A-Z_]+(: |$)/, '').trim())
    .filter((part, index, all) => part && part !== 'Error' && all.indexOf(part) === index);
  const description = causes.length ? `${code}: ${causes.join('; ')}` : code;
  if (existing) existing.description = description;
  else operation.responses[String(status)] = errorResponse(status, description);
}

export interface DocumentServer {
  /** `host[:port]` the document's server variable defaults to. */
  defaultHost: string;
  description: string;
}

/**
 * What the decorators cannot say, applied to every operation alike: servers and license; public
 * routes without security; the statuses every authenticated route, JSON body and X-Project-ID
 * can answer; the headers every response carries; and an example envelope on every error.
 */
export function finishOpenApiDocument(document: OpenAPIObject, server: DocumentServer): OpenAPIObject {
  document.info.license = { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' };
  // One templated server: Swagger UI and generated clients let the user point it at their deployment.
  document.servers = [
    {
      url: '{scheme}://{host}',
      description: server.description,
      variables: {
        scheme: { enum: ['https', 'http'], default: 'http' },
        host: { default: server.defaultHost, description: 'host[:port] of the deployment' },
      },
    },
  ];
  document.components ??= {};
  document.components.headers = { ...(document.components.headers ?? {}), ...HEADERS };
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (operation) finishOperation(operation);
    }
  }
  return document;
}

function finishOperation(operation: Operation): void {
  const isPublic = operation[PUBLIC_EXTENSION] === true;
  const noStore = operation[NO_STORE_EXTENSION] === true;
  delete operation[PUBLIC_EXTENSION];
  delete operation[NO_STORE_EXTENSION];
  // The input guards answer any route, public ones included, whose path, query or headers carry
  // hostile text (U+0000, say).
  ensureStatus(operation, 400, 'malformed path, query or header');
  if (isPublic) operation.security = [];
  else ensureStatus(operation, 401, 'missing, expired or invalid bearer token');
  if (operation.requestBody?.content?.['application/json']) {
    ensureStatus(operation, 400, 'the body is not well-formed JSON');
    ensureStatus(operation, 415, 'the body is not application/json');
  }
  const project = operation.parameters?.find(
    (p) => p.in === 'header' && String(p.name).toLowerCase() === PROJECT_HEADER.toLowerCase(),
  );
  if (project)
    ensureStatus(
      operation,
      400,
      project.required
        ? 'X-Project-ID is missing or not a valid project slug'
        : 'X-Project-ID is not a valid project slug',
    );
  for (const [status, response] of Object.entries(operation.responses)) {
    if ('$ref' in response) continue;
    const code = Number(status);
    const headers: Json = { 'X-Request-Id': ref('RequestId'), ...((response.headers as Json) ?? {}) };
    if (code === 401) headers['WWW-Authenticate'] = ref('WwwAuthenticate');
    if (code === 429 || code === 503) headers['Retry-After'] = ref('RetryAfter');
    if (noStore || isEnvelope(response)) headers['Cache-Control'] = ref('CacheControlNoStore');
    response.headers = headers;
    if (isEnvelope(response)) {
      const media = (response.content as Record<string, Json>)['application/json'];
      if (media.example === undefined && media.examples === undefined) media.example = exampleEnvelope(code);
    }
  }
}
