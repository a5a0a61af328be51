import { createHash } from 'node:crypto';

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

/**
 * A stable event id (a UUID) for one step of one thing, e.g. `eventIdOf(rotationId, 'promoted')`:
 * publishing the same step again, from a retry or the reconciler, stores nothing new.
 */
export function eventIdOf(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  // RFC 9562 version 8 (custom) with the RFC variant bits.
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16).padStart(2, '0') + hex.slice(18, 20),
    hex.slice(20, 32),
  ].join('-');
}
