import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import {
  MAX_PREPARED_PER_CONNECTION,
  PREPARE_AFTER,
  preparedPgClient,
  StatementCatalog,
} from '../../libs/database/src/prepared-pg-client.js';

const kind = process.env.TEST_DB === 'embedded' ? describe.skip : describe;

/** The pool's Client against a real PostgreSQL: what the server ends up holding, and what it answers. */
kind('Prepared statements (PostgreSQL)', () => {
  let database: TestDatabase;
  let pool: pg.Pool;

  const preparedOnServer = async (client: pg.PoolClient) =>
    (
      await client.query<{ name: string; statement: string }>(
        `SELECT name, statement FROM pg_prepared_statements ORDER BY name`,
      )
    ).rows;

  beforeAll(async () => {
    database = await createTestDatabase('prepared');
    pool = new pg.Pool({ connectionString: database.url, max: 1, Client: preparedPgClient() });
    await pool.query(`CREATE TABLE items (id int PRIMARY KEY, label text NOT NULL)`);
    await pool.query(`INSERT INTO items SELECT i, 'item ' || i FROM generate_series(1, 20) i`);
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it('should prepare a statement once it repeats, and answer exactly as unprepared', async () => {
    const text = `SELECT id, label FROM items WHERE id = $1`;
    const answers: unknown[] = [];
    for (let i = 1; i <= PREPARE_AFTER + 2; i++) answers.push((await pool.query(text, [i])).rows);
    expect(answers).toEqual(
      Array.from({ length: PREPARE_AFTER + 2 }, (_, i) => [{ id: i + 1, label: `item ${i + 1}` }]),
    );
    const client = await pool.connect();
    try {
      expect((await preparedOnServer(client)).map((s) => s.statement)).toEqual([text]);
    } finally {
      client.release();
    }
  });

  it('should never prepare utility statements, several statements in one text, or one-off statements', async () => {
    const client = await pool.connect();
    try {
      for (let i = 0; i < PREPARE_AFTER + 1; i++) {
        await client.query(`SET LOCAL statement_timeout = 1000`);
        await client.query(`SELECT 1; SELECT 2`);
      }
      await client.query(`SELECT label FROM items WHERE id = $1 AND label <> 'once'`, [1]);
      const prepared = (await preparedOnServer(client)).map((s) => s.statement);
      expect(prepared.filter((s) => /SET LOCAL|SELECT 1|'once'/.test(s))).toEqual([]);
      expect(prepared.length).toBe(1);
    } finally {
      client.release();
    }
  });

  it('should run a statement unprepared from then on once a DDL changed what it returns', async () => {
    const text = `SELECT label FROM items WHERE id = $1`;
    for (let i = 0; i < PREPARE_AFTER + 1; i++) await pool.query(text, [2]);
    await pool.query(`ALTER TABLE items ALTER COLUMN label TYPE varchar(40)`);
    // PostgreSQL refuses the stale plan once (0A000); the catalog then stops naming the text.
    const first = await pool.query(text, [2]).then(
      (r) => r.rows,
      (error: { code?: string }) => error.code,
    );
    expect(first).toBe('0A000');
    expect((await pool.query(text, [2])).rows).toEqual([{ label: 'item 2' }]);
  });

  it('should keep at most the per-connection cap of prepared statements', async () => {
    const catalog = new StatementCatalog();
    const capped = new pg.Pool({
      connectionString: database.url,
      max: 1,
      Client: preparedPgClient(pg.Client, catalog),
    });
    try {
      for (let n = 0; n < MAX_PREPARED_PER_CONNECTION + 5; n++)
        for (let i = 0; i < PREPARE_AFTER; i++) await capped.query(`SELECT $1::int + ${n} AS v`, [i]);
      const { rows } = await capped.query<{ count: string }>(`SELECT count(*) FROM pg_prepared_statements`);
      expect(Number(rows[0].count)).toBe(MAX_PREPARED_PER_CONNECTION);
    } finally {
      await capped.end();
    }
  });
});
