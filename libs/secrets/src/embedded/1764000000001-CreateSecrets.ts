import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Envelope-encrypted secrets of the embedded backend. Nullable scope parts are stored as ''
 * so that one plain unique constraint covers org, project and resource secrets.
 * Tables live in the connection's default schema (the app picks it via search_path).
 */
export class CreateSecrets1764000000001 implements MigrationInterface {
  name = 'CreateSecrets1764000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "secrets" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "org_id" character varying(128) NOT NULL,
        "project_id" character varying(128) NOT NULL DEFAULT '',
        "resource_uri" character varying(1024) NOT NULL DEFAULT '',
        "name" character varying(128) NOT NULL,
        "description" text,
        "ciphertext" bytea NOT NULL,
        "iv" bytea NOT NULL,
        "tag" bytea NOT NULL,
        "wrapped_key" bytea NOT NULL,
        "key_id" character varying(64) NOT NULL,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_secrets" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_secrets_scope_name" UNIQUE ("org_id", "project_id", "resource_uri", "name")
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_secrets_key_id" ON "secrets" ("key_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "secrets"`);
  }
}
