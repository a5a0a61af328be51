import type { MigrationInterface, QueryRunner } from 'typeorm';
import { authzTuplesDdl, dropAuthzTuplesDdl } from './authz-tuples.schema.js';

/** Tables of the embedded OpenFGA engine (schema `authz`): tuples and their changelog. */
export class CreateAuthzTuples1764000000000 implements MigrationInterface {
  name = 'CreateAuthzTuples1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of authzTuplesDdl()) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // DROP SCHEMA without CASCADE: refuses to drop objects someone else put in `authz`.
    for (const sql of dropAuthzTuplesDdl()) await queryRunner.query(sql);
  }
}
