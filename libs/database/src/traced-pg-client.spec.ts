import { pgTargetOf, summarizeSql } from './traced-pg-client.js';

describe(summarizeSql.name, () => {
  it('should name a statement by its operation and main table, as TypeORM and our adapters write them', () => {
    expect(
      summarizeSql(
        'SELECT "c"."id" AS "c_id" FROM "data_connections" "c" WHERE "c"."org_id" = $1 AND "c"."uri" = $2',
      ),
    ).toEqual({ operation: 'SELECT', table: 'data_connections', summary: 'SELECT data_connections' });
    expect(
      summarizeSql('INSERT INTO "audit_events"("id", "action") VALUES ($1, $2) RETURNING "id"').summary,
    ).toBe('INSERT audit_events');
    expect(summarizeSql('UPDATE "public"."secrets" SET "value" = $1 WHERE "id" = $2').summary).toBe(
      'UPDATE public.secrets',
    );
    expect(summarizeSql('  /* typeorm */ delete from tuples where store = $1').summary).toBe('DELETE tuples');
    expect(summarizeSql('START TRANSACTION').summary).toBe('START');
    expect(summarizeSql('COMMIT')).toEqual({ operation: 'COMMIT', table: undefined, summary: 'COMMIT' });
    expect(summarizeSql('SELECT 1').summary).toBe('SELECT');
  });

  it('should never take a literal from the text, whatever the statement inlines', () => {
    for (const text of [
      "SELECT * FROM users WHERE password = 'hunter2'",
      "INSERT INTO secrets VALUES ('hunter2')",
      "SET app.token = 'hunter2'",
      "'hunter2'",
      '$$hunter2$$',
      "ALTER ROLE reader PASSWORD 'hunter2'",
    ])
      expect(JSON.stringify(summarizeSql(text))).not.toContain('hunter2');
  });
});

describe(pgTargetOf.name, () => {
  it('should keep the host, port and database of a URL, never its user or password', () => {
    const target = pgTargetOf('postgres://reader:hunter2@db.internal:6543/orders?sslmode=require');
    expect(target).toEqual({ host: 'db.internal', port: 6543, database: 'orders' });
    expect(pgTargetOf('postgres://127.0.0.1/app')).toEqual({
      host: '127.0.0.1',
      port: 5432,
      database: 'app',
    });
    expect(pgTargetOf('not a url')).toEqual({});
  });
});
