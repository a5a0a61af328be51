import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { AppMetrics, SystemScope } from '@app/core';
import { BackgroundPass, CLOCK, type Clock } from '../../common/index.js';
import {
  type ClaimedDelivery,
  WebhookDeliveriesRepository,
} from '../persistence/webhook-deliveries.repository.js';
import { WebhookSecretsStore } from '../webhook-secrets.store.js';
import { type AttemptResult, outcomeOf } from './delivery-policy.js';
import { signWebhook, signingKeyOf } from './webhook-signature.js';
import { WebhookSender } from './webhook-sender.js';

/** Claiming due deliveries is a query across tenants; each claimed row then carries its own. */
const DELIVERY_WORKER = SystemScope.of('webhook-delivery');
const BATCH = 20;
/** Longer than any attempt can take (connect + response bounds), so a live lease is never stolen. */
const LEASE_MS = 60_000;
/** Events, their deliveries and the delivery log are kept this long once no delivery is pending. */
export const RETENTION_MS = 30 * 24 * 3_600_000;
/** The retention sweep runs at most this often per process, and removes at most SWEEP_BATCH events a run. */
const SWEEP_EVERY_MS = 3_600_000;
const SWEEP_BATCH = 1000;

export interface WebhookDeliveryOptions {
  /** How often the worker runs; 0 = never on a timer (tests call runOnce). */
  intervalMs: number;
  /** In [0, 1): the jitter of the backoff; injectable so tests can pin the schedule. */
  random?: () => number;
}
export const WEBHOOK_DELIVERY_OPTIONS = Symbol('WEBHOOK_DELIVERY_OPTIONS');

export interface DeliverySummary {
  claimed: number;
  succeeded: number;
  retried: number;
  failed: number;
}

/** The Standard Webhooks body: `type`, `timestamp` (of the event) and `data`; the same on every retry. */
export function payloadOf(event: ClaimedDelivery['event'], orgId: string): string {
  return JSON.stringify({
    type: event.type,
    timestamp: event.occurredAt.toISOString(),
    data: {
      ...event.data,
      resource_uri: event.resourceUri,
      org_id: orgId,
      project_id: event.projectId,
      actor: event.actorId,
    },
  });
}

/** The receiver's excerpt with the secret and its key scrubbed (a receiver may echo headers back). */
function scrub(excerpt: string | null, secret: string): string | null {
  if (!excerpt) return null;
  const key = secret.slice('whsec_'.length);
  return excerpt.split(secret).join('[redacted]').split(key).join('[redacted]');
}

/**
 * Sends pending deliveries: claims due ones with a lease (several replicas never take the same
 * one), signs each with its subscription's secret read from Governance, POSTs it through the
 * egress policy and records the attempt under the lease; retries with backoff, then gives up.
 */
@Injectable()
export class WebhookDeliveryWorker extends BackgroundPass<DeliverySummary> {
  private readonly logger = new Logger(WebhookDeliveryWorker.name);
  private readonly outcomes: Counter<'outcome'> | null;
  private readonly random: () => number;
  private lastSweep = Number.NEGATIVE_INFINITY;

  protected get intervalMs(): number {
    return this.options.intervalMs;
  }

  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly secrets: WebhookSecretsStore,
    private readonly sender: WebhookSender,
    @Inject(WEBHOOK_DELIVERY_OPTIONS) private readonly options: WebhookDeliveryOptions,
    @Inject(CLOCK) private readonly now: Clock,
    @Optional() metrics?: AppMetrics,
  ) {
    super();
    this.random = options.random ?? Math.random;
    this.outcomes = metrics
      ? metrics.counter({
          name: 'webhook_delivery_attempts_total',
          help: 'Webhook delivery attempts by outcome (succeeded, retry, failed)',
          labelNames: ['outcome'],
        })
      : null;
  }

  protected async pass(): Promise<DeliverySummary> {
    const summary: DeliverySummary = { claimed: 0, succeeded: 0, retried: 0, failed: 0 };
    while (!this.stopping) {
      const claimed = await this.deliveries.claimDue(DELIVERY_WORKER, BATCH, new Date(this.now()), LEASE_MS);
      summary.claimed += claimed.length;
      // One read of each subscription's secret per batch, not one per delivery.
      const secrets = new Map<string, Promise<string>>();
      for (const [i, delivery] of claimed.entries()) {
        if (this.stopping) {
          for (const rest of claimed.slice(i))
            await this.deliveries.release(this.scopeOf(rest), rest).catch(() => undefined);
          return summary;
        }
        const outcome = await this.deliver(delivery, secrets).catch((error: unknown) => {
          // Recording failed (database down): the lease runs out and a later pass retries.
          this.logger.warn({ delivery: delivery.id, err: (error as Error)?.name }, 'Delivery not recorded');
          return null;
        });
        if (outcome === 'succeeded') summary.succeeded += 1;
        else if (outcome === 'retry') summary.retried += 1;
        else if (outcome === 'failed') summary.failed += 1;
      }
      if (claimed.length < BATCH) break;
    }
    await this.sweepOld();
    return summary;
  }

  /** Drops what is past retention; a failure waits for the next pass (nothing depends on it). */
  private async sweepOld(): Promise<void> {
    const now = this.now();
    if (this.stopping || now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    try {
      const removed = await this.deliveries.deleteSettledBefore(
        DELIVERY_WORKER,
        new Date(now - RETENTION_MS),
        SWEEP_BATCH,
      );
      if (removed > 0) this.logger.log({ removed }, 'Webhook events past retention removed');
    } catch (error) {
      this.logger.warn({ err: (error as Error)?.name }, 'Webhook retention sweep failed');
    }
  }

  private scopeOf(delivery: ClaimedDelivery) {
    return { orgId: delivery.orgId, projectId: delivery.projectId };
  }

  /** The subscription's secret, read from Governance once per batch; null when it cannot be had. */
  private async signingSecretOf(
    delivery: ClaimedDelivery,
    secrets: Map<string, Promise<string>>,
  ): Promise<string | null> {
    try {
      const cached =
        secrets.get(delivery.subscriptionId) ??
        this.secrets.read({ ...this.scopeOf(delivery), id: delivery.subscriptionId });
      secrets.set(delivery.subscriptionId, cached);
      const secret = await cached;
      signingKeyOf(secret);
      return secret;
    } catch {
      secrets.delete(delivery.subscriptionId);
      return null;
    }
  }

  private async deliver(
    delivery: ClaimedDelivery,
    secrets: Map<string, Promise<string>>,
  ): Promise<'succeeded' | 'retry' | 'failed' | null> {
    const started = performance.now();
    let result: AttemptResult;
    let excerpt: string | null = null;
    if (!delivery.enabled) {
      result = { kind: 'error', label: 'subscription_disabled', retryable: false };
    } else {
      const secret = await this.signingSecretOf(delivery, secrets);
      if (secret === null) {
        result = { kind: 'error', label: 'signing_secret_unavailable', retryable: true };
      } else {
        const body = payloadOf(delivery.event, delivery.orgId);
        const timestamp = Math.floor(this.now() / 1000);
        const sent = await this.sender.post(
          new URL(delivery.url),
          {
            'content-type': 'application/json',
            'user-agent': 'assets-webhooks/1',
            'webhook-id': delivery.event.id,
            'webhook-timestamp': String(timestamp),
            'webhook-signature': signWebhook(secret, delivery.event.id, timestamp, body),
          },
          body,
          this.now,
        );
        result = sent.result;
        excerpt = scrub(sent.excerpt, secret);
      }
    }
    const outcome = outcomeOf(result, delivery.attempt, this.random());
    const finishedAt = this.now();
    const recorded = await this.deliveries.recordAttempt(
      this.scopeOf(delivery),
      delivery,
      {
        statusCode: result.kind === 'response' ? result.status : null,
        durationMs: performance.now() - started,
        error: outcome.status === 'succeeded' ? null : outcome.error,
        responseExcerpt: excerpt,
      },
      outcome.status === 'retry'
        ? { status: 'pending', nextAttemptAt: new Date(finishedAt + outcome.delayMs) }
        : { status: outcome.status },
      new Date(finishedAt),
    );
    if (!recorded) return null;
    this.outcomes?.inc({ outcome: outcome.status });
    return outcome.status;
  }
}
