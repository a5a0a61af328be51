import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `GET /governance/audit?resource_id_prefix=` (a connection's reads of every credential version):
 * a LIKE 'prefix%' needs pattern ordering to use an index whatever the database's collation.
 */
export class AuditResourcePrefixIndex1764000000200 implements MigrationInterface {
  name = 'AuditResourcePrefixIndex1764000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX audit_events_org_resource_prefix ON audit_events (org_id, resource_id text_pattern_ops)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX audit_events_org_resource_prefix');
  }
}
