/** The events a webhook can subscribe to; each is also an audit event (see auditActionOf). */
export const CONNECTION_EVENT_TYPES = [
  'connection.health_changed',
  'connection.rotation.started',
  'connection.rotation.promoted',
  'connection.rotation.failed',
  'connection.deleted',
] as const;

export type ConnectionEventType = (typeof CONNECTION_EVENT_TYPES)[number];

export function isConnectionEventType(value: unknown): value is ConnectionEventType {
  return (CONNECTION_EVENT_TYPES as readonly unknown[]).includes(value);
}

/** What a feature publishes when something happens to a data connection. */
export interface ConnectionEvent {
  type: ConnectionEventType;
  orgId: string;
  /** null: an org-level connection (only org subscriptions receive it). */
  projectId: string | null;
  resourceUri: string;
  /** Event-specific facts; never a credential (it is sent to the tenant's endpoints as is). */
  data: Record<string, unknown>;
  /** Who caused it; absent = the Assets service itself (a scheduled check, the reconciler). */
  actor?: string | null;
  /**
   * Makes publishing idempotent: a step that may run twice (a saga step finished by the
   * reconciler) passes a stable id, and the second publish stores nothing new.
   */
  id?: string;
}

/**
 * The audit action of an event: Governance accepts `data_connection` plus one to three segments,
 * so `connection.rotation.started` becomes `data_connection.event.rotation_started`.
 */
export function auditActionOf(type: ConnectionEventType): string {
  return `data_connection.event.${type.replace(/^connection\./, '').replace(/\./g, '_')}`;
}
