import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook notifications: subscriptions (their signing secrets are in Governance), the events
 * published for data connections, one delivery per event and matching subscription (claimed
 * with a lease by the delivery worker) and the log of every attempt.
 */
export class CreateWebhooks1764000000800 implements MigrationInterface {
  name = 'CreateWebhooks1764000000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE webhook_subscriptions (
      id uuid PRIMARY KEY,
      org_id text NOT NULL,
      project_id text,
      scope_key text NOT NULL,
      url text NOT NULL,
      events text[] NOT NULL,
      enabled boolean NOT NULL,
      description text,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      secret_rotated_at timestamptz NOT NULL,
      CHECK (scope_key = coalesce(project_id, ''))
    )`);
    await q.query(
      'CREATE INDEX webhook_subscriptions_scope_idx ON webhook_subscriptions (org_id, scope_key, created_at, id)',
    );
    await q.query(`CREATE TABLE webhook_events (
      id uuid PRIMARY KEY,
      org_id text NOT NULL,
      project_id text,
      type text NOT NULL,
      resource_uri text NOT NULL,
      data jsonb NOT NULL,
      actor_id text NOT NULL,
      occurred_at timestamptz NOT NULL
    )`);
    // The retention sweep removes the oldest events (with their deliveries and log) first.
    await q.query('CREATE INDEX webhook_events_occurred_idx ON webhook_events (occurred_at)');
    await q.query(`CREATE TABLE webhook_deliveries (
      id uuid PRIMARY KEY,
      event_id uuid NOT NULL REFERENCES webhook_events (id) ON DELETE CASCADE,
      subscription_id uuid NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
      org_id text NOT NULL,
      scope_key text NOT NULL,
      status text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL,
      lease_until timestamptz,
      lease_token uuid,
      last_status_code integer,
      last_error text,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      completed_at timestamptz,
      UNIQUE (event_id, subscription_id)
    )`);
    // The worker's claim reads only pending rows, oldest due first.
    await q.query(
      `CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`,
    );
    await q.query(
      'CREATE INDEX webhook_deliveries_subscription_idx ON webhook_deliveries (subscription_id, created_at DESC, id)',
    );
    await q.query(`CREATE TABLE webhook_delivery_attempts (
      id uuid PRIMARY KEY,
      delivery_id uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
      org_id text NOT NULL,
      scope_key text NOT NULL,
      attempt integer NOT NULL,
      attempted_at timestamptz NOT NULL,
      status_code integer,
      duration_ms integer NOT NULL,
      error text,
      response_excerpt text,
      UNIQUE (delivery_id, attempt)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE webhook_delivery_attempts');
    await q.query('DROP TABLE webhook_deliveries');
    await q.query('DROP TABLE webhook_events');
    await q.query('DROP TABLE webhook_subscriptions');
  }
}
