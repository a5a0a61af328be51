import { Injectable, Optional } from '@nestjs/common';
import type { Counter } from 'prom-client';
import {
  AppException,
  AppMetrics,
  auditWriteFailures,
  DependencyUnavailableError,
  type Principal,
  RequestContext,
} from '@app/core';
import { type AuditEventInput, AuditSink, scrubDetails } from '@app/audit';
import { ASSETS_SERVICE_SUBJECT } from './service-identity.js';

/** What a caller says about an event; the recorder adds who acted, the service and the request. */
export type AuditDraft = Omit<
  AuditEventInput,
  'org_id' | 'actor_id' | 'actor_type' | 'source_service' | 'request_id' | 'trace_id'
> & {
  /** Only for work no principal carries (the service account acts); otherwise the actor's org. */
  org_id?: string;
};

/**
 * Assets' one way into the audit log (Governance's, through the AuditSink port), with one rule:
 *
 * - a read is released only after its event is written: `read` returns the value once the event
 *   is durable, and drops it (503) when the event cannot be written;
 * - a write commits together with its event: `write` writes the event first and only then runs
 *   the step that makes the change real (a saga's activation, a row update). If the event cannot
 *   be written that step never runs and the caller gets 503; the saga undoes what it prepared.
 *
 * The actor is the given principal, else the request's, else the Assets service account; request
 * and trace ids come from the request context; details are scrubbed before they leave.
 */
@Injectable()
export class AuditRecorder {
  private readonly failures: Counter<'stage'> | null;

  constructor(
    private readonly sink: AuditSink,
    private readonly context: RequestContext,
    @Optional() metrics?: AppMetrics,
  ) {
    this.failures = metrics ? auditWriteFailures(metrics) : null;
  }

  /** `draft` may describe the value (a verification's outcome, say); it never holds the value itself. */
  async read<T>(
    actor: Principal | null,
    draft: AuditDraft | ((value: T) => AuditDraft),
    fetch: () => Promise<T>,
  ): Promise<T> {
    const value = await fetch();
    await this.record(actor, typeof draft === 'function' ? draft(value) : draft);
    return value;
  }

  async write<T>(actor: Principal | null, draft: AuditDraft, commit: () => Promise<T>): Promise<T> {
    await this.record(actor, draft);
    return commit();
  }

  /** The event as it goes to the sink. */
  eventOf(actor: Principal | null, draft: AuditDraft): AuditEventInput {
    const { org_id, details, ...rest } = draft;
    const principal = actor ?? this.context.principal ?? null;
    const orgId = org_id ?? principal?.orgId;
    if (!orgId) throw new Error(`audit event ${draft.action} names no org`);
    return {
      ...rest,
      org_id: orgId,
      actor_id: principal ? principal.userId : ASSETS_SERVICE_SUBJECT,
      actor_type: principal ? principal.actorType : 'service',
      source_service: 'assets',
      request_id: this.context.requestId,
      trace_id: this.context.traceId,
      ...(details === undefined ? {} : { details: scrubDetails(details) }),
    };
  }

  /** Fails closed: a 4xx raised on purpose passes, anything else is 503 naming the audit log. */
  private async record(actor: Principal | null, draft: AuditDraft): Promise<void> {
    try {
      await this.sink.record(this.eventOf(actor, draft));
    } catch (error) {
      if (error instanceof AppException) throw error;
      this.failures?.inc({ stage: 'record' });
      throw new DependencyUnavailableError('audit log', error);
    }
  }
}
