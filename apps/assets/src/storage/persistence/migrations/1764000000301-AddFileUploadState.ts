import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A file row is reserved (`uploading`) before its bytes are written and becomes `ready` after, so
 * two uploads of one key cannot overwrite each other and an interrupted one can be cleaned up.
 * `connection_uri` is the storage connection that holds the bytes (null: the default store).
 */
export class AddFileUploadState1764000000301 implements MigrationInterface {
  name = 'AddFileUploadState1764000000301';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE files ADD COLUMN status text NOT NULL DEFAULT 'ready' CHECK (status IN ('uploading', 'ready'))`,
    );
    await q.query(`ALTER TABLE files ADD COLUMN connection_uri text`);
    await q.query(`CREATE INDEX files_uploading ON files (updated_at) WHERE status = 'uploading'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX files_uploading`);
    await q.query(`ALTER TABLE files DROP COLUMN connection_uri`);
    await q.query(`ALTER TABLE files DROP COLUMN status`);
  }
}
