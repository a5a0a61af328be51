import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFiles1764000000300 implements MigrationInterface {
  name = 'CreateFiles1764000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE files (
      id uuid PRIMARY KEY,
      org_id text NOT NULL,
      project_id text NOT NULL,
      resource_uri text NOT NULL,
      name text NOT NULL,
      key text NOT NULL,
      storage_key text NOT NULL,
      description text,
      tags text[] NOT NULL DEFAULT '{}',
      content_type text NOT NULL,
      size bigint NOT NULL,
      etag text,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE UNIQUE INDEX files_org_project_uri ON files (org_id, project_id, resource_uri)`);
    await q.query(`CREATE UNIQUE INDEX files_org_project_key ON files (org_id, project_id, key)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE files`);
  }
}
