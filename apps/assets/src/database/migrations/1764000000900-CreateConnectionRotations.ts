import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Zero-downtime credential rotation:
 * - `data_connections` keeps, next to the active version, the version it replaced
 *   (`previous_credentials_version`), readable until `previous_version_expires_at`, and when the
 *   active one was promoted (`rotated_at`);
 * - `connection_rotations` is the history of rotations (one row each), and the work list of the
 *   retirement pass: a promoted or rolled-back rotation whose grace has run out is claimed under a
 *   lease (`lease_until`, SKIP LOCKED) and its superseded version deleted;
 * - a rotation in flight is a `rotate` operation in the outbox, finished or undone by the reconciler.
 */
export class CreateConnectionRotations1764000000900 implements MigrationInterface {
  name = 'CreateConnectionRotations1764000000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE data_connections
      ADD COLUMN previous_credentials_version integer,
      ADD COLUMN previous_version_expires_at timestamptz,
      ADD COLUMN rotated_at timestamptz`);
    await q.query('ALTER TABLE connection_operations DROP CONSTRAINT connection_operations_kind_check');
    await q.query(`ALTER TABLE connection_operations ADD CONSTRAINT connection_operations_kind_check
      CHECK (kind IN ('create', 'update_credentials', 'delete', 'rotate'))`);
    await q.query(`CREATE TABLE connection_rotations (
      id uuid PRIMARY KEY,
      connection_id uuid NOT NULL,
      org_id text NOT NULL,
      project_id text,
      scope_key text GENERATED ALWAYS AS (coalesce(project_id, '')) STORED,
      resource_uri text NOT NULL,
      from_version integer NOT NULL,
      to_version integer NOT NULL,
      from_auth_type text NOT NULL,
      to_auth_type text NOT NULL,
      status text NOT NULL CHECK (status IN ('staged', 'verifying', 'promoted', 'failed', 'rolled_back', 'retired')),
      actor_id text NOT NULL,
      grace_period_seconds integer NOT NULL,
      error_code text,
      error_message text,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      promoted_at timestamptz,
      previous_version_expires_at timestamptz,
      rolled_back_at timestamptz,
      retired_at timestamptz,
      lease_until timestamptz
    )`);
    await q.query(
      'CREATE INDEX connection_rotations_history ON connection_rotations (connection_id, created_at DESC, id)',
    );
    // The retirement pass reads only rotations that still hold a version in grace.
    await q.query(`CREATE INDEX connection_rotations_in_grace ON connection_rotations (previous_version_expires_at)
      WHERE status IN ('promoted', 'rolled_back')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE connection_rotations');
    await q.query(`DELETE FROM connection_operations WHERE kind = 'rotate'`);
    await q.query('ALTER TABLE connection_operations DROP CONSTRAINT connection_operations_kind_check');
    await q.query(`ALTER TABLE connection_operations ADD CONSTRAINT connection_operations_kind_check
      CHECK (kind IN ('create', 'update_credentials', 'delete'))`);
    await q.query(`ALTER TABLE data_connections
      DROP COLUMN rotated_at,
      DROP COLUMN previous_version_expires_at,
      DROP COLUMN previous_credentials_version`);
  }
}
