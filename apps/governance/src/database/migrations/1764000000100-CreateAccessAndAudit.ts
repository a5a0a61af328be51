import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAccessAndAudit1764000000100 implements MigrationInterface {
  name = 'CreateAccessAndAudit1764000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE organizations (
      id text PRIMARY KEY,
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE projects (
      org_id text NOT NULL,
      id text NOT NULL,
      name text NOT NULL,
      description text,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, id)
    )`);
    await q.query(`CREATE TABLE audit_events (
      id uuid PRIMARY KEY,
      "timestamp" timestamptz NOT NULL,
      org_id text NOT NULL,
      project_id text,
      actor_id text NOT NULL,
      actor_type text NOT NULL,
      action text NOT NULL,
      resource_type text NOT NULL,
      resource_id text,
      source_service text NOT NULL,
      request_id text,
      trace_id text,
      details jsonb NOT NULL DEFAULT '{}'
    )`);
    await q.query(`CREATE INDEX audit_events_org_time ON audit_events (org_id, "timestamp" DESC, id DESC)`);
    await q.query(
      `CREATE INDEX audit_events_org_resource ON audit_events (org_id, resource_type, resource_id)`,
    );
    // Append-only: the log is tamper-evident only if rows cannot be rewritten through the app role.
    await q.query(`CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$`);
    await q.query(`CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_events');
    await q.query('DROP FUNCTION audit_events_append_only');
    await q.query('DROP TABLE projects');
    await q.query('DROP TABLE organizations');
  }
}
