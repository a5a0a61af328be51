import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One change at a time per connection, decided by the database:
 * - `revision` is compared-and-set by every write (update, credential change, delete), so a writer
 *   that read an older row gets 409 and stores nothing;
 * - at most one pending operation (credential change, delete) per connection;
 * - credential versions come from a counter per resource URI that is never reset, so a version
 *   number is never used twice, not even by a later connection of the same name.
 */
export class SerializeConnectionChanges1764000000420 implements MigrationInterface {
  name = 'SerializeConnectionChanges1764000000420';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE data_connections ADD COLUMN revision integer NOT NULL DEFAULT 1');
    await q.query(`CREATE TABLE connection_secret_versions (
      resource_uri text PRIMARY KEY,
      last_version integer NOT NULL
    )`);
    await q.query(`INSERT INTO connection_secret_versions (resource_uri, last_version)
      SELECT resource_uri, max(v) FROM (
        SELECT resource_uri, credentials_version AS v FROM data_connections
        UNION ALL SELECT resource_uri, secret_version FROM connection_operations
        UNION ALL SELECT resource_uri, previous_secret_version FROM connection_operations WHERE previous_secret_version IS NOT NULL
      ) versions GROUP BY resource_uri`);
    await q.query(
      `CREATE UNIQUE INDEX connection_operations_one_pending ON connection_operations (connection_id) WHERE status = 'pending'`,
    );
    await q.query('CREATE INDEX connection_operations_connection ON connection_operations (connection_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX connection_operations_connection');
    await q.query('DROP INDEX connection_operations_one_pending');
    await q.query('DROP TABLE connection_secret_versions');
    await q.query('ALTER TABLE data_connections DROP COLUMN revision');
  }
}
