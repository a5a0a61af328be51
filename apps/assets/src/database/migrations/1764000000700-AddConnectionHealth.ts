import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scheduled health checks: the connection's current health and schedule live on its row (the list
 * filters on `health`), and each check's result is kept in `connection_health_checks`.
 * `health_check_interval_s` is NULL for the deployment default and 0 for off. Existing connections
 * get a first check spread over the next hour, so an upgrade does not check them all at once.
 */
export class AddConnectionHealth1764000000700 implements MigrationInterface {
  name = 'AddConnectionHealth1764000000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE data_connections
      ADD COLUMN health text NOT NULL DEFAULT 'unknown',
      ADD COLUMN health_check_interval_s integer,
      ADD COLUMN last_checked_at timestamptz,
      ADD COLUMN last_healthy_at timestamptz,
      ADD COLUMN consecutive_failures integer NOT NULL DEFAULT 0,
      ADD COLUMN next_check_at timestamptz,
      ADD COLUMN health_forecast jsonb`);
    await q.query(
      `UPDATE data_connections SET next_check_at = now() + random() * interval '1 hour' WHERE lifecycle = 'active'`,
    );
    // The scheduler's claim: due connections, oldest first.
    await q.query(
      `CREATE INDEX data_connections_health_due ON data_connections (next_check_at) WHERE lifecycle = 'active' AND next_check_at IS NOT NULL`,
    );
    await q.query(`CREATE TABLE connection_health_checks (
      id uuid PRIMARY KEY,
      connection_id uuid NOT NULL,
      org_id text NOT NULL,
      project_id text,
      checked_at timestamptz NOT NULL,
      health text NOT NULL,
      error_code text,
      message text NOT NULL,
      latency_ms integer NOT NULL,
      warnings jsonb NOT NULL DEFAULT '[]',
      forecast jsonb
    )`);
    await q.query(
      'CREATE INDEX connection_health_checks_history ON connection_health_checks (connection_id, checked_at DESC, id)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE connection_health_checks');
    await q.query('DROP INDEX data_connections_health_due');
    await q.query(`ALTER TABLE data_connections DROP COLUMN health, DROP COLUMN health_check_interval_s,
      DROP COLUMN last_checked_at, DROP COLUMN last_healthy_at, DROP COLUMN consecutive_failures,
      DROP COLUMN next_check_at, DROP COLUMN health_forecast`);
  }
}
