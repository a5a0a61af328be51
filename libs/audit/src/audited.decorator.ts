import {
  applyDecorators,
  type CallHandler,
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
import { AuditSink } from './audit-sink.js';

type AuditedRequest = FastifyRequest & { principal?: Principal; projectId?: string | null };

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
    const sourceService = this.reflector.get<string | undefined>(AUDIT_SOURCE_SERVICE, context.getClass()) ?? 'unknown';
    return next.handle().pipe(
      switchMap((result: unknown) =>
        from(
          (async () => {
            const principal = request.principal;
            if (!principal) throw AppException.invalidToken();
            try {
              await this.sink.record({
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
              });
            } catch (error) {
              this.logger.error({ action: spec.action, request_id: request.id, err: (error as Error)?.name }, 'Audit write failed; failing closed');
              throw new AppException(ErrorCode.AUDIT_UNAVAILABLE, 'Audit log is unavailable; the request was not completed');
            }
            return result;
          })(),
        ),
      ),
    );
  }
}

/** Marks a route as audited; the event is written before the response is sent (fail closed). */
export function Audited(spec: AuditSpec) {
  return applyDecorators(
    SetMetadata(AUDIT_KEY, spec),
    UseInterceptors(AuditInterceptor),
    ApiResponse({ status: 503, description: 'SERVICE_UNAVAILABLE / AUDIT_UNAVAILABLE: the audit event could not be written, nothing was returned', type: ErrorEnvelopeDto }),
  );
}

/** Class decorator naming the emitting service for @Audited routes in the controller. */
export const AuditSource = (service: string): ClassDecorator => SetMetadata(AUDIT_SOURCE_SERVICE, service);
