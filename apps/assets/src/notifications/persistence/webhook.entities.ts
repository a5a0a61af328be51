import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A project's or an org's webhook; its signing secret lives in Governance, never here. */
@Entity('webhook_subscriptions')
export class WebhookSubscriptionEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') orgId: string;
  /** null: an org subscription (receives every event of the org). */
  @Column('text', { nullable: true }) projectId: string | null;
  /** The indexed form of `project_id` ('' at org level). */
  @Column('text') scopeKey: string;
  @Column('text') url: string;
  @Column('text', { array: true }) events: string[];
  @Column('boolean') enabled: boolean;
  @Column('text', { nullable: true }) description: string | null;
  @Column('text') createdBy: string;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') updatedAt: Date;
  /** When the signing secret was last set (create or rotation). */
  @Column('timestamptz') secretRotatedAt: Date;
}

/** One thing that happened to a connection; the payload every delivery of it sends. */
@Entity('webhook_events')
export class WebhookEventEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') orgId: string;
  @Column('text', { nullable: true }) projectId: string | null;
  @Column('text') type: string;
  @Column('text') resourceUri: string;
  @Column('jsonb') data: Record<string, unknown>;
  @Column('text') actorId: string;
  @Column('timestamptz') occurredAt: Date;
}

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

/** One event for one subscription: claimed with a lease, attempted until it succeeds or gives up. */
@Entity('webhook_deliveries')
export class WebhookDeliveryEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') eventId: string;
  @Column('uuid') subscriptionId: string;
  /** The subscription's tenant (an org subscription's deliveries are org-level). */
  @Column('text') orgId: string;
  @Column('text') scopeKey: string;
  @Column('text') status: DeliveryStatus;
  @Column('integer') attempts: number;
  @Column('timestamptz') nextAttemptAt: Date;
  @Column('timestamptz', { nullable: true }) leaseUntil: Date | null;
  /** Set by each claim: only the holder of the current lease may record the attempt. */
  @Column('uuid', { nullable: true }) leaseToken: string | null;
  @Column('integer', { nullable: true }) lastStatusCode: number | null;
  @Column('text', { nullable: true }) lastError: string | null;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') updatedAt: Date;
  @Column('timestamptz', { nullable: true }) completedAt: Date | null;
}

/** The delivery log: one row per attempt (status, duration, a fixed error label). */
@Entity('webhook_delivery_attempts')
export class WebhookDeliveryAttemptEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') deliveryId: string;
  @Column('text') orgId: string;
  @Column('text') scopeKey: string;
  @Column('integer') attempt: number;
  @Column('timestamptz') attemptedAt: Date;
  @Column('integer', { nullable: true }) statusCode: number | null;
  @Column('integer') durationMs: number;
  @Column('text', { nullable: true }) error: string | null;
  /** At most a short excerpt of the receiver's answer, the signing secret scrubbed from it. */
  @Column('text', { nullable: true }) responseExcerpt: string | null;
}

export const WEBHOOK_ENTITIES = [
  WebhookSubscriptionEntity,
  WebhookEventEntity,
  WebhookDeliveryEntity,
  WebhookDeliveryAttemptEntity,
];
