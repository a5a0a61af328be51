import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiResponse } from '@nestjs/swagger';
import {
  AppException,
  ErrorCode,
  ErrorEnvelopeDto,
  type Principal,
  RequestContext,
  traceIdOf,
} from '@app/core';
import type { FastifyRequest } from 'fastify';
import type { AuditEventInput } from './audit-sink.js';

export type AuditedRequest = FastifyRequest & { principal?: Principal; projectId?: string | null };

export function auditUnavailable(): AppException {
  return new AppException(
    ErrorCode.AUDIT_UNAVAILABLE,
    'Audit log is unavailable; the request was not completed',
  );
}

const AUDIT_SOURCE_KEY = 'audit:source-service';
const reflector = new Reflector();

function sourceServiceOf(context: ExecutionContext): string {
  return reflector.get<string | undefined>(AUDIT_SOURCE_KEY, context.getClass()) ?? 'unknown';
}

/** The event of one request: actor and scope from the request, ids from its context, the rest from the route's spec. */
function buildAuditEvent(
  request: AuditedRequest,
  spec: AuditWriteSpec,
  sourceService: string,
): AuditEventInput {
  const principal = request.principal;
  if (!principal) throw AppException.invalidToken();
  const context = RequestContext.current();
  return {
    org_id: principal.orgId,
    project_id: spec.projectId?.(request) ?? request.projectId ?? null,
    actor_id: principal.userId,
    actor_type: principal.actorType,
    action: spec.action,
    resource_type: spec.resourceType,
    resource_id: spec.resourceId?.(request) ?? null,
    source_service: sourceService,
    request_id: context?.requestId ?? String(request.id),
    trace_id: context?.traceId ?? traceIdOf(request),
    details: spec.details?.(request) ?? {},
  };
}

const AUDIT_503 = ApiResponse({
  status: 503,
  description:
    'SERVICE_UNAVAILABLE / AUDIT_UNAVAILABLE: the audit event could not be written, nothing was returned',
  type: ErrorEnvelopeDto,
});

/** What an audited route records; derived from the request alone (never from a value it reads or writes). */
export interface AuditWriteSpec {
  action: string;
  resourceType: string;
  resourceId?: (request: AuditedRequest) => string | null | undefined;
  /** The project the resource lives in, for routes whose resource names it (not X-Project-ID). */
  projectId?: (request: AuditedRequest) => string | null | undefined;
  details?: (request: AuditedRequest) => Record<string, unknown>;
}

const AUDIT_WRITE_KEY = 'audit:write-spec';
const AUDIT_READ_KEY = 'audit:read-spec';

/**
 * Marks a read route whose value is released only once its audit event is written (a secret
 * read): the handler receives the event through `@PendingAudit()` and hands it to the app's
 * audit recorder with the read itself. If the event cannot be written the caller gets 503 and
 * no value.
 */
export function AuditedRead(spec: AuditWriteSpec) {
  return applyDecorators(SetMetadata(AUDIT_READ_KEY, spec), AUDIT_503);
}

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
 * The audit event of an `@AuditedWrite` or `@AuditedRead` route, built from the request (actor,
 * org, project, request and trace ids) and the route's spec. Using it on a route without either
 * fails the request, so an audited route cannot silently go unaudited.
 */
export const PendingAudit = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuditEventInput => {
    const spec =
      reflector.get<AuditWriteSpec | undefined>(AUDIT_WRITE_KEY, context.getHandler()) ??
      reflector.get<AuditWriteSpec | undefined>(AUDIT_READ_KEY, context.getHandler());
    if (!spec)
      throw new Error(
        `@PendingAudit() needs @AuditedWrite() or @AuditedRead() on ${context.getClass().name}.${context.getHandler().name}`,
      );
    const request = context.switchToHttp().getRequest<AuditedRequest>();
    return buildAuditEvent(request, spec, sourceServiceOf(context));
  },
);

/** Class decorator naming the emitting service for the audited routes in the controller. */
export const AuditSource = (service: string): ClassDecorator => SetMetadata(AUDIT_SOURCE_KEY, service);
