/** Default schema of the embedded engine's tables. */
export const AUTHZ_SCHEMA = 'authz';

export function quoteIdent(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid SQL identifier '${name}'`);
  return `"${name}"`;
}

/**
 * DDL for the tuple tables, shared by the TypeORM migration and by tests/bench that need a
 * throwaway schema. Idempotent (IF NOT EXISTS everywhere).
 *
 * - `tuples`: the current relationship tuples. `user_relation` is '' for plain users and
 *   wildcards (`user_id = '*'`) so it can sit in the primary key. The primary key serves
 *   object-side reads (object_type, object_id, relation, …); `tuples_user_idx` serves user-side
 *   reads (Read by user, `type:` reads).
 * - `changelog`: one row per effective insert or delete, ids strictly increasing in commit order
 *   (writers serialize on a table lock, see PostgresTupleStore). Replicas replay it to keep their
 *   in-memory index fresh.
 */
export function authzTuplesDdl(schema = AUTHZ_SCHEMA): string[] {
  const s = quoteIdent(schema);
  return [
    `CREATE SCHEMA IF NOT EXISTS ${s}`,
    `CREATE TABLE IF NOT EXISTS ${s}.tuples (
      object_type text NOT NULL,
      object_id text NOT NULL,
      relation text NOT NULL,
      user_type text NOT NULL,
      user_id text NOT NULL,
      user_relation text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT tuples_pkey PRIMARY KEY (object_type, object_id, relation, user_type, user_id, user_relation)
    )`,
    `CREATE INDEX IF NOT EXISTS tuples_user_idx ON ${s}.tuples (user_type, user_id, user_relation, object_type, relation)`,
    `CREATE TABLE IF NOT EXISTS ${s}.changelog (
      id bigserial PRIMARY KEY,
      operation text NOT NULL CHECK (operation IN ('write', 'delete')),
      object_type text NOT NULL,
      object_id text NOT NULL,
      relation text NOT NULL,
      user_type text NOT NULL,
      user_id text NOT NULL,
      user_relation text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
  ];
}

export function dropAuthzTuplesDdl(schema = AUTHZ_SCHEMA): string[] {
  const s = quoteIdent(schema);
  return [
    `DROP TABLE IF EXISTS ${s}.changelog`,
    `DROP TABLE IF EXISTS ${s}.tuples`,
    `DROP SCHEMA IF EXISTS ${s}`,
  ];
}
