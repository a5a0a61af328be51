import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SystemScope, TenantScope } from '@app/core';
import { isUniqueViolation, ScopedRepository } from '@app/database';
import type { DeliveryStatus, WebhookDeliveryAttemptEntity, WebhookEventEntity } from './webhook.entities.js';
import {
  WEBHOOK_DELIVERIES,
  WEBHOOK_DELIVERY_ATTEMPTS,
  WEBHOOK_EVENTS,
  WEBHOOK_SUBSCRIPTIONS,
} from './webhook.tables.js';

/** A delivery the worker holds a lease on, with what it needs to send it. */
export interface ClaimedDelivery {
  id: string;
  leaseToken: string;
  orgId: string;
  projectId: string | null;
  subscriptionId: string;
  url: string;
  enabled: boolean;
  /** The attempt this claim makes (1 for the first). */
  attempt: number;
  event: Pick<WebhookEventEntity, 'id' | 'type' | 'resourceUri' | 'data' | 'actorId' | 'occurredAt'> & {
    projectId: string | null;
  };
}

export interface AttemptRecord {
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  responseExcerpt: string | null;
}

export type DeliveryUpdate = { status: 'succeeded' | 'failed' } | { status: 'pending'; nextAttemptAt: Date };

export interface DeliveryLogItem {
  id: string;
  eventId: string;
  eventType: string;
  resourceUri: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  completedAt: Date | null;
  log: Omit<WebhookDeliveryAttemptEntity, 'deliveryId' | 'orgId' | 'scopeKey'>[];
}

/**
 * Events, their deliveries and the attempt log. Publishing is one transaction; the worker claims
 * due deliveries with a lease (SKIP LOCKED, a fresh token per claim) and records an attempt only
 * while it still holds that lease, so no two replicas ever record, or send, the same attempt.
 */
@Injectable()
export class WebhookDeliveriesRepository extends ScopedRepository {
  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  /**
   * Stores the event and one pending delivery per enabled subscription of its scope that wants
   * its type (org subscriptions match every event of the org, a project's only its own), in one
   * transaction. Null when an event with this id was already published (nothing new is stored).
   */
  async publish(
    scope: TenantScope,
    event: WebhookEventEntity,
    now: Date,
  ): Promise<{ deliveries: number } | null> {
    try {
      return await this.transaction(async (tx) => {
        const inserted = await this.sql<{ id: string }>(
          scope,
          (
            tenant,
          ) => `INSERT INTO webhook_events (id, org_id, project_id, type, resource_uri, data, actor_id, occurred_at)
            SELECT CAST(:id AS uuid), :orgId, CAST(:projectId AS text), :type, :resourceUri, CAST(:data AS jsonb),
                   :actorId, CAST(:occurredAt AS timestamptz)
             WHERE NOT EXISTS (SELECT 1 FROM webhook_events e WHERE ${tenant(WEBHOOK_EVENTS, 'e')} AND e.id = CAST(:id AS uuid))
            RETURNING id`,
          { ...event, data: JSON.stringify(event.data) },
          tx,
        );
        if (inserted.length === 0) return null;
        const deliveries = await this.sql<{ id: string }>(
          scope,
          (
            tenant,
          ) => `INSERT INTO webhook_deliveries (id, event_id, subscription_id, org_id, scope_key, status, attempts,
              next_attempt_at, created_at, updated_at)
            SELECT gen_random_uuid(), CAST(:eventId AS uuid), s.id, s.org_id, s.scope_key, 'pending', 0,
                   CAST(:now AS timestamptz), CAST(:now AS timestamptz), CAST(:now AS timestamptz)
              FROM webhook_subscriptions s
             WHERE ${tenant(WEBHOOK_SUBSCRIPTIONS, 's')} AND s.enabled AND :type = ANY(s.events)
            RETURNING id`,
          { eventId: event.id, type: event.type, now },
          tx,
        );
        return { deliveries: deliveries.length };
      });
    } catch (error) {
      // A concurrent publish of the same id won: it stored the event and its deliveries.
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /** Claims due deliveries across tenants with a lease, in one statement (SKIP LOCKED). */
  async claimDue(system: SystemScope, limit: number, now: Date, leaseMs: number): Promise<ClaimedDelivery[]> {
    const claimed = await this.sql<{ id: string; lease_token: string; attempts: number }>(
      system,
      (tenant) => `UPDATE webhook_deliveries d
          SET lease_until = CAST(:leaseUntil AS timestamptz), lease_token = gen_random_uuid()
        WHERE d.id IN (
          SELECT p.id FROM webhook_deliveries p
           WHERE ${tenant(WEBHOOK_DELIVERIES, 'p')} AND p.status = 'pending' AND p.next_attempt_at <= CAST(:now AS timestamptz)
             AND (p.lease_until IS NULL OR p.lease_until <= CAST(:now AS timestamptz))
           ORDER BY p.next_attempt_at
           LIMIT :limit
           FOR UPDATE SKIP LOCKED)
        RETURNING d.id, d.lease_token, d.attempts`,
      { limit, now, leaseUntil: new Date(now.getTime() + leaseMs) },
    );
    if (claimed.length === 0) return [];
    const details = await this.sql<{
      id: string;
      org_id: string;
      scope_key: string;
      subscription_id: string;
      url: string;
      enabled: boolean;
      event_id: string;
      type: string;
      resource_uri: string;
      data: Record<string, unknown>;
      actor_id: string;
      occurred_at: Date;
      event_project_id: string | null;
    }>(
      system,
      (
        tenant,
      ) => `SELECT d.id, d.org_id, d.scope_key, d.subscription_id, s.url, s.enabled, e.id AS event_id, e.type,
             e.resource_uri, e.data, e.actor_id, e.occurred_at, e.project_id AS event_project_id
        FROM webhook_deliveries d
        JOIN webhook_subscriptions s ON s.id = d.subscription_id AND s.org_id = d.org_id
        JOIN webhook_events e ON e.id = d.event_id AND e.org_id = d.org_id
       WHERE ${tenant(WEBHOOK_DELIVERIES, 'd')} AND d.id = ANY(CAST(:ids AS uuid[]))`,
      { ids: claimed.map((c) => c.id) },
    );
    const byId = new Map(details.map((d) => [d.id, d]));
    return claimed.flatMap((c) => {
      const d = byId.get(c.id);
      // Gone with its subscription between the two statements: nothing left to send.
      if (!d) return [];
      return [
        {
          id: c.id,
          leaseToken: c.lease_token,
          orgId: d.org_id,
          projectId: d.scope_key || null,
          subscriptionId: d.subscription_id,
          url: d.url,
          enabled: d.enabled,
          attempt: c.attempts + 1,
          event: {
            id: d.event_id,
            type: d.type,
            resourceUri: d.resource_uri,
            data: d.data,
            actorId: d.actor_id,
            occurredAt: new Date(d.occurred_at),
            projectId: d.event_project_id,
          },
        },
      ];
    });
  }

  /**
   * Records one attempt and the delivery's next state, only under the lease this worker holds
   * (false: the lease was lost to another replica, and nothing was recorded).
   */
  async recordAttempt(
    scope: TenantScope,
    claim: Pick<ClaimedDelivery, 'id' | 'leaseToken' | 'attempt'>,
    attempt: AttemptRecord,
    next: DeliveryUpdate,
    now: Date,
  ): Promise<boolean> {
    return this.transaction(async (tx) => {
      const updated = await this.sql<{ id: string }>(
        scope,
        (tenant) => `UPDATE webhook_deliveries d SET
            status = :status, attempts = :attempt, lease_until = NULL, lease_token = NULL,
            next_attempt_at = coalesce(CAST(:nextAttemptAt AS timestamptz), d.next_attempt_at),
            last_status_code = CAST(:statusCode AS integer), last_error = CAST(:error AS text), updated_at = CAST(:now AS timestamptz),
            completed_at = CASE WHEN :status = 'pending' THEN NULL ELSE CAST(:now AS timestamptz) END
          WHERE ${tenant(WEBHOOK_DELIVERIES, 'd')} AND d.id = :id AND d.lease_token = CAST(:leaseToken AS uuid)
          RETURNING d.id`,
        {
          id: claim.id,
          leaseToken: claim.leaseToken,
          attempt: claim.attempt,
          status: next.status,
          nextAttemptAt: next.status === 'pending' ? next.nextAttemptAt : null,
          statusCode: attempt.statusCode,
          error: attempt.error,
          now,
        },
        tx,
      );
      if (updated.length === 0) return false;
      await this.sql(
        scope,
        (
          tenant,
        ) => `INSERT INTO webhook_delivery_attempts (id, delivery_id, org_id, scope_key, attempt, attempted_at,
            status_code, duration_ms, error, response_excerpt)
          SELECT gen_random_uuid(), d.id, d.org_id, d.scope_key, :attempt, CAST(:now AS timestamptz),
                 CAST(:statusCode AS integer), :durationMs, CAST(:error AS text), CAST(:excerpt AS text)
            FROM webhook_deliveries d WHERE ${tenant(WEBHOOK_DELIVERIES, 'd')} AND d.id = :id`,
        {
          id: claim.id,
          attempt: claim.attempt,
          now,
          statusCode: attempt.statusCode,
          durationMs: Math.max(0, Math.round(attempt.durationMs)),
          error: attempt.error,
          excerpt: attempt.responseExcerpt,
        },
        tx,
      );
      return true;
    });
  }

  /** Gives a claimed delivery back at once (draining), instead of when its lease runs out. */
  async release(scope: TenantScope, claim: Pick<ClaimedDelivery, 'id' | 'leaseToken'>): Promise<void> {
    await this.sql(
      scope,
      (tenant) => `UPDATE webhook_deliveries d SET lease_until = NULL, lease_token = NULL
        WHERE ${tenant(WEBHOOK_DELIVERIES, 'd')} AND d.id = :id AND d.lease_token = CAST(:leaseToken AS uuid)`,
      { id: claim.id, leaseToken: claim.leaseToken },
    );
  }

  /**
   * Removes events that happened before `cutoff` and have no pending delivery, with their
   * deliveries and attempt log (cascade), at most `limit` events per call; returns how many.
   */
  async deleteSettledBefore(system: SystemScope, cutoff: Date, limit: number): Promise<number> {
    const rows = await this.sql<{ id: string }>(
      system,
      (tenant) => `DELETE FROM webhook_events e WHERE e.id IN (
          SELECT o.id FROM webhook_events o
           WHERE ${tenant(WEBHOOK_EVENTS, 'o')} AND o.occurred_at < CAST(:cutoff AS timestamptz)
             AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = o.id AND d.status = 'pending')
           ORDER BY o.occurred_at
           LIMIT :limit)
        RETURNING e.id`,
      { cutoff, limit },
    );
    return rows.length;
  }

  /** One subscription's deliveries, newest first, each with its attempts (the delivery log). */
  async listForSubscription(
    scope: TenantScope,
    subscriptionId: string,
    page: number,
    limit: number,
  ): Promise<[DeliveryLogItem[], number]> {
    const key = scope.projectId ?? '';
    const [rows, count] = await Promise.all([
      this.sql<{
        id: string;
        event_id: string;
        type: string;
        resource_uri: string;
        status: DeliveryStatus;
        attempts: number;
        next_attempt_at: Date;
        last_status_code: number | null;
        last_error: string | null;
        created_at: Date;
        completed_at: Date | null;
      }>(
        scope,
        (tenant) => `SELECT d.id, d.event_id, e.type, e.resource_uri, d.status, d.attempts, d.next_attempt_at,
               d.last_status_code, d.last_error, d.created_at, d.completed_at
          FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id AND e.org_id = d.org_id
         WHERE ${tenant(WEBHOOK_DELIVERIES, 'd')} AND d.scope_key = :key AND d.subscription_id = CAST(:subscriptionId AS uuid)
         ORDER BY d.created_at DESC, d.id LIMIT :limit OFFSET :offset`,
        { key, subscriptionId, limit, offset: (page - 1) * limit },
      ),
      this.sql<{ total: string }>(
        scope,
        (tenant) => `SELECT count(*) AS total FROM webhook_deliveries d
         WHERE ${tenant(WEBHOOK_DELIVERIES, 'd')} AND d.scope_key = :key AND d.subscription_id = CAST(:subscriptionId AS uuid)`,
        { key, subscriptionId },
      ),
    ]);
    const attempts = rows.length
      ? await this.sql<{
          delivery_id: string;
          id: string;
          attempt: number;
          attempted_at: Date;
          status_code: number | null;
          duration_ms: number;
          error: string | null;
          response_excerpt: string | null;
        }>(
          scope,
          (
            tenant,
          ) => `SELECT a.delivery_id, a.id, a.attempt, a.attempted_at, a.status_code, a.duration_ms, a.error,
                 a.response_excerpt
            FROM webhook_delivery_attempts a
           WHERE ${tenant(WEBHOOK_DELIVERY_ATTEMPTS, 'a')} AND a.scope_key = :key AND a.delivery_id = ANY(CAST(:ids AS uuid[]))
           ORDER BY a.attempt`,
          { key, ids: rows.map((r) => r.id) },
        )
      : [];
    const items = rows.map((r): DeliveryLogItem => ({
      id: r.id,
      eventId: r.event_id,
      eventType: r.type,
      resourceUri: r.resource_uri,
      status: r.status,
      attempts: r.attempts,
      nextAttemptAt: r.status === 'pending' ? new Date(r.next_attempt_at) : null,
      lastStatusCode: r.last_status_code,
      lastError: r.last_error,
      createdAt: new Date(r.created_at),
      completedAt: r.completed_at ? new Date(r.completed_at) : null,
      log: attempts
        .filter((a) => a.delivery_id === r.id)
        .map((a) => ({
          id: a.id,
          attempt: a.attempt,
          attemptedAt: new Date(a.attempted_at),
          statusCode: a.status_code,
          durationMs: a.duration_ms,
          error: a.error,
          responseExcerpt: a.response_excerpt,
        })),
    }));
    return [items, Number(count[0]?.total ?? 0)];
  }
}
