import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUTHZ_SCHEMA, authzChangelogHorizonDdl, quoteIdent } from './authz-tuples.schema.js';

/** The changelog horizon, so writers can prune the changelog (databases created before it). */
export class AddAuthzChangelogHorizon1764000000002 implements MigrationInterface {
  name = 'AddAuthzChangelogHorizon1764000000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of authzChangelogHorizonDdl()) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS ${quoteIdent(AUTHZ_SCHEMA)}.changelog_horizon`);
  }
}
