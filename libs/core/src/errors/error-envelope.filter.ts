import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppException } from './app.exception.js';
import { ErrorCode, statusForCode } from './error-code.js';
import { traceIdOf } from '../http/request-id.js';
import { RequestContext } from '../context/request-context.js';
import { recordRequestError } from '../tracing/tracing.js';

export interface ErrorEnvelope {
  error: {
    code: string;
    message: string;
    status: number;
    details: Record<string, unknown>;
    request_id: string;
    trace_id: string | null;
  };
}

/**
 * PostgreSQL refuses some text the client sent: 22021 (character_not_in_repertoire, e.g. U+0000 in
 * a text column) and 22P05 (untranslatable_character, e.g. `\u0000` in jsonb). That is bad input,
 * not a fault; the input guards refuse it first, and this keeps any path they miss from a 500.
 * Matched on the driver's error shape (pg's DatabaseError, TypeORM's QueryFailedError over it).
 */
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);
function isUnstorableText(exception: unknown): boolean {
  if (!(exception instanceof Error)) return false;
  const e = exception as Error & { code?: unknown; severity?: unknown; driverError?: { code?: unknown } };
  const code = e.driverError?.code ?? (e.severity !== undefined ? e.code : undefined);
  return typeof code === 'string' && UNSTORABLE_TEXT.has(code);
}

/** Nest/Fastify HTTP errors carry only a status; give them the matching platform code. */
function codeForStatus(status: number): ErrorCode {
  if (status === 401) return ErrorCode.INVALID_TOKEN;
  if (status === 403) return ErrorCode.INSUFFICIENT_PERMISSIONS;
  if (status === 404 || status === 405) return ErrorCode.RESOURCE_NOT_FOUND;
  if (status === 409) return ErrorCode.RESOURCE_ALREADY_EXISTS;
  if (status === 413) return ErrorCode.PAYLOAD_TOO_LARGE;
  if (status === 415) return ErrorCode.UNSUPPORTED_MEDIA_TYPE;
  if (status === 416) return ErrorCode.RANGE_NOT_SATISFIABLE;
  if (status === 422) return ErrorCode.VALIDATION_ERROR;
  if (status === 429) return ErrorCode.RATE_LIMIT_EXCEEDED;
  if (status === 502 || status === 503 || status === 504) return ErrorCode.SERVICE_UNAVAILABLE;
  if (status >= 400 && status < 500) return ErrorCode.INVALID_REQUEST;
  return ErrorCode.INTERNAL_ERROR;
}

/** Messages of framework errors can quote input (e.g. a JSON parse error); keep only safe ones. */
function safeFrameworkMessage(status: number, code: ErrorCode): string {
  switch (code) {
    case ErrorCode.RESOURCE_NOT_FOUND:
      return status === 405 ? 'Method not allowed' : 'Route not found';
    case ErrorCode.PAYLOAD_TOO_LARGE:
      return 'Request body is too large';
    case ErrorCode.INVALID_TOKEN:
      return 'Missing or invalid bearer token';
    case ErrorCode.INSUFFICIENT_PERMISSIONS:
      return 'Insufficient permissions';
    case ErrorCode.RATE_LIMIT_EXCEEDED:
      return 'Too many requests';
    case ErrorCode.RANGE_NOT_SATISFIABLE:
      return 'Range not satisfiable';
    case ErrorCode.UNSUPPORTED_MEDIA_TYPE:
      return 'Unsupported Content-Type: send the body as application/json';
    case ErrorCode.INVALID_REQUEST:
      return 'Malformed request';
    default:
      return 'Request failed';
  }
}

/**
 * The only place errors become responses. A 500 says nothing but the request id;
 * request bodies and headers are never logged.
 */
@Catch()
export class ErrorEnvelopeFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorEnvelope');

  /** `realm` names the service in the 401 challenge (`WWW-Authenticate: Bearer realm="assets"`). */
  constructor(private readonly realm = 'assets-platform') {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    this.send(exception, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
  }

  /** Also Fastify's error handler of every route, for errors raised before Nest runs (body parsers, hooks). */
  send(exception: unknown, request: FastifyRequest, reply: FastifyReply): void {
    const body = this.toEnvelope(exception, request);
    // The request's SERVER span (when traced) names what failed: a class or code, never a message.
    if (body.error.status >= 500) recordRequestError(exception);
    if (body.error.status >= 500 && body.error.code === ErrorCode.INTERNAL_ERROR) {
      this.logger.error(
        {
          err:
            exception instanceof Error ? { name: exception.name, stack: exception.stack } : String(exception),
          request_id: body.error.request_id,
        },
        'Unhandled error',
      );
    }
    if (body.error.code === ErrorCode.RATE_LIMIT_EXCEEDED && body.error.details.retry_after_s) {
      void reply.header('retry-after', String(body.error.details.retry_after_s));
    }
    if (body.error.status === 401) void reply.header('www-authenticate', this.challenge(request));
    // An error is about this request only: no client or proxy may reuse it.
    void reply
      .status(body.error.status)
      .header('content-type', 'application/json')
      .header('cache-control', 'no-store')
      .send(body);
  }

  /** RFC 6750 §3: a request that sent a token learns it was rejected; one without is just challenged. */
  private challenge(request: FastifyRequest | undefined): string {
    const sentToken = /^bearer\s/i.test(String(request?.headers?.authorization ?? ''));
    return `Bearer realm="${this.realm}"${sentToken ? ', error="invalid_token"' : ''}`;
  }

  toEnvelope(exception: unknown, request: FastifyRequest): ErrorEnvelope {
    const request_id = String(request?.id ?? '');
    // The request's trace: its SERVER span's when traced, else continued from `traceparent` or
    // started here; the same id its log lines carry. The header alone outside a request.
    const trace_id = RequestContext.current()?.traceId ?? (request ? traceIdOf(request) : null);
    if (exception instanceof AppException) {
      return {
        error: {
          code: exception.code,
          message: exception.message,
          status: exception.status,
          details: exception.details,
          request_id,
          trace_id,
        },
      };
    }
    if (isUnstorableText(exception)) {
      const code = ErrorCode.INVALID_REQUEST;
      return {
        error: {
          code,
          message: 'The request contains characters that cannot be stored',
          status: statusForCode(code),
          details: {},
          request_id,
          trace_id,
        },
      };
    }
    const status =
      exception instanceof HttpException
        ? exception.getStatus()
        : typeof (exception as { statusCode?: unknown })?.statusCode === 'number'
          ? (exception as { statusCode: number }).statusCode
          : 500;
    const code = codeForStatus(status);
    if (code === ErrorCode.INTERNAL_ERROR) {
      return {
        error: {
          code,
          message: 'An unexpected error occurred',
          status: statusForCode(code),
          details: {},
          request_id,
          trace_id,
        },
      };
    }
    return {
      error: { code, message: safeFrameworkMessage(status, code), status, details: {}, request_id, trace_id },
    };
  }
}
