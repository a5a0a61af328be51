import {
  applyDecorators,
  type CallHandler,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  Logger,
  type NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiResponse } from '@nestjs/swagger';
import { AppException, ErrorCode, ErrorEnvelopeDto, type Principal, traceIdOf } from '@app/core';
import type { FastifyRequest } from 'fastify';
import { from, type Observable, switchMap } from 'rxjs';
import { type AuditEventInput, AuditSink } from './audit-sink.js';

export type AuditedRequest = FastifyRequest & { principal?: Principal; projectId?: string | null };

export interface AuditSpec {
  action: string;
  resourceType: string;
  /** Derives the resource id from the request and the handler result; never a secret value. */
  resourceId?: (request: AuditedRequest, result: unknown) => string | null | undefined;
  details?: (request: AuditedRequest, result: unknown) => Record<string, unknown>;
}

const AUDIT_KEY = 'audit:spec';

/** The service name stamped on events; each app provides it. */
export const AUDIT_SOURCE_SERVICE = Symbol('AUDIT_SOURCE_SERVICE');

/**
 * Writes the audit event after the handler succeeds and before the response leaves. If the
 * event cannot be written the caller gets 503 and never sees the handler's result: a secret
 * read with no audit record does not happen.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger(AuditInterceptor.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly sink: AuditSink,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.reflector.get<AuditSpec | undefined>(AUDIT_KEY, context.getHandler());
    if (!spec) return next.handle();
    const request = context.switchToHttp().getRequest<AuditedRequest>();
    return next.handle().pipe(
      switchMap((result: unknown) =>
        from(
          (async () => {
            const event = buildAuditEvent(request, spec, sourceServiceOf(this.reflector, context), result);
            try {
              await this.sink.record(event);
            } catch (error) {
              this.logger.error({ action: spec.action, request_id: request.id, err: (error as Error)?.name }, 'Audit write failed; failing closed');
              throw auditUnavailable();
            }
            return result;
          })(),
        ),
      ),
    );
  }
}

export function auditUnavailable(): AppException {
  return new AppException(ErrorCode.AUDIT_UNAVAILABLE, 'Audit log is unavailable; the request was not completed');
}

function sourceServiceOf(reflector: Reflector, context: ExecutionContext): string {
  return reflector.get<string | undefined>(AUDIT_SOURCE_SERVICE, context.getClass()) ?? 'unknown';
}

/** The event of one request: actor and scope from the request context, the rest from the route's spec. */
function buildAuditEvent(request: AuditedRequest, spec: AuditSpec, sourceService: string, result: unknown): AuditEventInput {
  const principal = request.principal;
  if (!principal) throw AppException.invalidToken();
  return {
    org_id: principal.orgId,
    project_id: request.projectId ?? null,
    actor_id: principal.userId,
    actor_type: principal.actorType,
    action: spec.action,
    resource_type: spec.resourceType,
    resource_id: spec.resourceId?.(request, result) ?? null,
    source_service: sourceService,
    request_id: String(request.id),
    trace_id: traceIdOf(request),
    details: spec.details?.(request, result) ?? {},
  };
}

const AUDIT_503 = ApiResponse({ status: 503, description: 'SERVICE_UNAVAILABLE / AUDIT_UNAVAILABLE: the audit event could not be written, nothing was returned', type: ErrorEnvelopeDto });

/** Marks a route as audited; the event is written before the response is sent (fail closed). */
export function Audited(spec: AuditSpec) {
  return applyDecorators(
    SetMetadata(AUDIT_KEY, spec),
    UseInterceptors(AuditInterceptor),
    AUDIT_503,
  );
}

/** What a write route records; derived from the request alone, because it is written before the change. */
export interface AuditWriteSpec {
  action: string;
  resourceType: string;
  resourceId?: (request: AuditedRequest) => string | null | undefined;
  details?: (request: AuditedRequest) => Record<string, unknown>;
}

const AUDIT_WRITE_KEY = 'audit:write-spec';
const reflector = new Reflector();

/**
 * Marks a write route whose change and audit event commit together (both or neither). The
 * handler receives the event through `@PendingAudit()` and hands it to the app's audited-change
 * unit with the change itself; nothing is written after the response by an interceptor.
 */
export function AuditedWrite(spec: AuditWriteSpec) {
  return applyDecorators(SetMetadata(AUDIT_WRITE_KEY, spec), AUDIT_503);
}

/** The spec of an `@AuditedWrite` handler, if it has one (route inventories use this). */
export function auditedWriteSpecOf(handler: object): AuditWriteSpec | undefined {
  return reflector.get<AuditWriteSpec | undefined>(AUDIT_WRITE_KEY, handler as () => unknown);
}

/**
 * The audit event of an `@AuditedWrite` route, built from the request (actor, org, project,
 * request and trace ids) and the route's spec. Using it on a route without `@AuditedWrite` fails
 * the request, so a write cannot silently go unaudited.
 */
export const PendingAudit = createParamDecorator((_data: unknown, context: ExecutionContext): AuditEventInput => {
  const spec = reflector.get<AuditWriteSpec | undefined>(AUDIT_WRITE_KEY, context.getHandler());
  if (!spec) throw new Error(`@PendingAudit() needs @AuditedWrite() on ${context.getClass().name}.${context.getHandler().name}`);
  const request = context.switchToHttp().getRequest<AuditedRequest>();
  return buildAuditEvent(request, spec, sourceServiceOf(reflector, context), undefined);
});

/** Class decorator naming the emitting service for @Audited routes in the controller. */
export const AuditSource = (service: string): ClassDecorator => SetMetadata(AUDIT_SOURCE_SERVICE, service);
