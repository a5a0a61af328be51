import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per org the secret-store sweep has visited: the replica sweeping it now (`holder`,
 * until `lease_until`) and when a sweep of it last completed (`swept_at`). Replicas claim an org
 * with one conditional upsert, so only one sweeps a given org at a time.
 */
export class CreateSecretSweepLeases1764000000600 implements MigrationInterface {
  name = 'CreateSecretSweepLeases1764000000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE secret_sweep_leases (
      org_id text PRIMARY KEY,
      holder text,
      lease_until timestamptz NOT NULL,
      swept_at timestamptz
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE secret_sweep_leases');
  }
}
