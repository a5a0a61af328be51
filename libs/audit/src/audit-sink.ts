import { RequestContext } from '@app/core';

export type ActorType = 'user' | 'service' | 'system';

/** One audit record. Secret values never go in here, including in `details`. */
export interface AuditEventInput {
  org_id: string;
  project_id?: string | null;
  actor_id: string;
  actor_type: ActorType;
  /** Dotted, e.g. `secret.read`, `data_connection.create`. */
  action: string;
  resource_type: string;
  resource_id?: string | null;
  source_service: string;
  request_id?: string | null;
  trace_id?: string | null;
  details?: Record<string, unknown>;
}

/**
 * The event with the request and trace ids of the request it is recorded in (see RequestContext),
 * unless it names its own (a platform service reporting its request). Outside a request: as is.
 */
export function withRequestIds(event: AuditEventInput): AuditEventInput {
  const context = RequestContext.current();
  if (!context) return event;
  return {
    ...event,
    request_id: event.request_id ?? context.requestId,
    trace_id: event.trace_id ?? context.traceId,
  };
}

/**
 * Where audit events go. Governance writes to its database; Assets posts to Governance.
 * `record` resolves only once the event is durable, so callers can fail closed.
 */
export abstract class AuditSink {
  abstract record(event: AuditEventInput): Promise<void>;
}
