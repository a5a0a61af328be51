import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';
import { BackendOutputTracker, EmbeddedWireServer, MessageFramer } from './embedded-wire-server.js';

/** A frontend message: type byte, int32 length, body. */
const message = (type: string, ...body: Buffer[]) => {
  const payload = Buffer.concat(body);
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(4 + payload.length, 1);
  return Buffer.concat([header, payload]);
};
const cstr = (text: string) => Buffer.from(`${text}\0`);
const int16 = (n: number) => Buffer.from([n >> 8, n & 0xff]);
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const startup = () => {
  const body = Buffer.concat([
    int32(196608),
    cstr('user'),
    cstr('postgres'),
    cstr('database'),
    cstr('postgres'),
    Buffer.from([0]),
  ]);
  return Buffer.concat([int32(4 + body.length), body]);
};
const parse = (sql: string) => message('P', cstr(''), cstr(sql), int16(0));
const bind = () => message('B', cstr(''), cstr(''), int16(0), int16(0), int16(0));
const execute = () => message('E', cstr(''), int32(0));
const sync = () => message('S');
const query = (sql: string) => message('Q', cstr(sql));

/** A client that speaks the protocol by hand, to stop at points `pg` never stops at. */
class RawClient {
  private buffered = Buffer.alloc(0);
  private readonly received: Array<{ type: string; body: Buffer }> = [];
  private wakeUp: (() => void) | null = null;

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, chunk]);
      while (this.buffered.length >= 5 && this.buffered.length >= 1 + this.buffered.readInt32BE(1)) {
        const end = 1 + this.buffered.readInt32BE(1);
        this.received.push({
          type: String.fromCharCode(this.buffered[0]!),
          body: this.buffered.subarray(5, end),
        });
        this.buffered = this.buffered.subarray(end);
      }
      this.wakeUp?.();
    });
    socket.on('error', () => undefined);
  }

  static async connect(url: string): Promise<RawClient> {
    const socket = connect({ host: '127.0.0.1', port: Number(new URL(url).port) });
    await new Promise((resolve) => socket.once('connect', resolve));
    const client = new RawClient(socket);
    client.socket.write(startup());
    await client.until('Z');
    return client;
  }

  send(...messages: Buffer[]): void {
    this.socket.write(Buffer.concat(messages));
  }

  /** Backend messages up to and including the first of `type`. */
  async until(type: string): Promise<string[]> {
    for (;;) {
      const at = this.received.findIndex((m) => m.type === type);
      if (at >= 0) return this.received.splice(0, at + 1).map((m) => m.type);
      await new Promise<void>((resolve) => (this.wakeUp = resolve));
    }
  }
}

describe(EmbeddedWireServer.name, () => {
  let server: EmbeddedPostgres;
  const clients: pg.Client[] = [];

  const client = async () => {
    const c = new pg.Client({ connectionString: server.url });
    c.on('error', () => undefined); // a killed client reports its own death
    await c.connect();
    clients.push(c);
    return c;
  };
  const kill = (c: pg.Client) =>
    (c as unknown as { connection: { stream: Socket } }).connection.stream.destroy();
  const rows = async (sql: string, params: unknown[] = []) =>
    (await (await client()).query(sql, params)).rows;

  beforeAll(async () => {
    server = await startEmbeddedPostgres({ dataDir: null });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.end().catch(() => undefined)));
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('should give each of many concurrent clients the answer to its own parameterized query', async () => {
    const readers = await Promise.all(Array.from({ length: 10 }, client));
    const writer = await client();
    await writer.query('CREATE TABLE answers (id int)');
    let readersDone = false;
    // Transactions make the others queue up, which is when their messages used to interleave.
    const writing = (async () => {
      for (let i = 0; !readersDone; i++) {
        await writer.query('BEGIN');
        await writer.query('INSERT INTO answers VALUES ($1)', [i]);
        await writer.query('COMMIT');
      }
    })();
    const wrong: string[] = [];
    await Promise.all(
      readers.map(async (reader, r) => {
        for (let i = 0; i < 40; i++) {
          // Two statement shapes, so a Bind against another client's Parse cannot go unnoticed.
          const { rows: got } =
            r % 2
              ? await reader.query('SELECT $1::int AS i, $2::text AS who', [i, `reader-${r}`])
              : await reader.query('SELECT $2::text AS who, $1::int AS i, 1 AS shape', [i, `reader-${r}`]);
          if (got.length !== 1 || got[0].i !== i || got[0].who !== `reader-${r}`)
            wrong.push(`${r}/${i}: ${JSON.stringify(got)}`);
        }
      }),
    ).finally(() => (readersDone = true));
    await writing;
    expect(wrong).toEqual([]);
  });

  it('should keep other connections out of an open transaction, so a rollback undoes only its own statements', async () => {
    await (await client()).query('CREATE TABLE ledger (who text, n int)');
    const rollers = await Promise.all(Array.from({ length: 3 }, client));
    const committers = await Promise.all(Array.from({ length: 3 }, client));
    const seenInside: number[] = [];
    await Promise.all([
      ...rollers.map(async (c, r) => {
        for (let i = 0; i < 15; i++) {
          await c.query('BEGIN');
          await c.query('INSERT INTO ledger VALUES ($1, $2)', [`roller-${r}`, i]);
          // Inside the transaction only its own row of this round exists, nobody else's.
          seenInside.push(
            Number((await c.query(`SELECT count(*) AS n FROM ledger WHERE who LIKE 'roller-%'`)).rows[0].n),
          );
          await c.query('ROLLBACK');
        }
      }),
      ...committers.map(async (c, r) => {
        for (let i = 0; i < 15; i++)
          await c.query('INSERT INTO ledger VALUES ($1, $2)', [`committer-${r}`, i]);
      }),
    ]);
    expect(seenInside.every((n) => n === 1)).toBe(true);
    const survived = await rows(`SELECT who, count(*)::int AS n FROM ledger GROUP BY who ORDER BY who`);
    expect(survived).toEqual([0, 1, 2].map((r) => ({ who: `committer-${r}`, n: 15 })));
  });

  it("should not show a transaction's uncommitted rows to another connection, which waits for it to end", async () => {
    const a = await client();
    const b = await client();
    await a.query('CREATE TABLE drafts (id int)');
    await a.query('BEGIN');
    await a.query('INSERT INTO drafts VALUES ($1)', [1]);
    const events: string[] = [];
    const reading = b.query('SELECT count(*)::int AS n FROM drafts WHERE id = $1', [1]).then((r) => {
      events.push('b read');
      return r.rows[0].n as number;
    });
    expect((await a.query('SELECT count(*)::int AS n FROM drafts')).rows[0].n).toBe(1);
    await a.query('ROLLBACK');
    events.push('a rolled back');
    expect(await reading).toBe(0);
    expect(events).toEqual(['a rolled back', 'b read']);
  });

  it('should roll back the transaction of a client killed mid-transaction and serve the clients waiting behind it', async () => {
    await (await client()).query('CREATE TABLE kills (who text)');
    const victim = await client();
    const waiter = await client();
    await victim.query('BEGIN');
    await victim.query('INSERT INTO kills VALUES ($1)', ['victim']);
    const waiting = waiter.query('INSERT INTO kills VALUES ($1) RETURNING who', ['waiter']);
    kill(victim);
    expect((await waiting).rows).toEqual([{ who: 'waiter' }]);
    expect(await rows('SELECT who FROM kills')).toEqual([{ who: 'waiter' }]);
  });

  it.each([
    ['in autocommit', []],
    ['inside a transaction block', [query('BEGIN')]],
  ])(
    'should abort the exchange of a client killed before its Sync (%s) and serve the clients waiting behind it',
    async (_, before) => {
      const table = `unsynced_${before.length}`;
      await (await client()).query(`CREATE TABLE ${table} (who text)`);
      const waiter = await client();
      const raw = await RawClient.connect(server.url);
      for (const m of before) {
        raw.send(m);
        await raw.until('Z');
      }
      raw.send(parse(`INSERT INTO ${table} VALUES ('raw')`), bind(), execute());
      expect(await raw.until('C')).toEqual(['1', '2', 'C']);
      // The raw client owns the backend now: the waiter's statement queues behind it.
      const waiting = waiter.query(`INSERT INTO ${table} VALUES ($1) RETURNING who`, ['waiter']);
      raw.socket.destroy();
      expect((await waiting).rows).toEqual([{ who: 'waiter' }]);
      expect(await rows(`SELECT who FROM ${table}`)).toEqual([{ who: 'waiter' }]);
      // The backend is idle again: a new transaction starts cleanly and sees committed rows only.
      const next = await client();
      await next.query('BEGIN');
      expect((await next.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n).toBe(1);
      await next.query('COMMIT');
    },
  );

  it('should carry messages many TCP reads long, in both directions, for clients sending at once', async () => {
    const [a, b] = await Promise.all([client(), client()]);
    await a.query('CREATE TABLE blobs (id int, body text)');
    const bodies = [a, b].map((_, i) => String.fromCharCode(97 + i).repeat(3 * 1024 * 1024 + i));
    await Promise.all([a, b].map((c, i) => c.query('INSERT INTO blobs VALUES ($1, $2)', [i, bodies[i]])));
    const read = await Promise.all(
      [a, b].map((c, i) => c.query('SELECT body FROM blobs WHERE id = $1', [i])),
    );
    read.forEach((r, i) => expect(r.rows[0].body === bodies[i]).toBe(true));
  });

  it('should answer an SSLRequest with N and serve the connection in plain text', async () => {
    const socket = connect({ host: '127.0.0.1', port: Number(new URL(server.url).port) });
    socket.on('error', () => undefined);
    const answer = new Promise<Buffer>((resolve) => socket.once('data', resolve));
    socket.write(Buffer.concat([int32(8), int32(80877103)]));
    expect((await answer).toString()).toBe('N');
    socket.destroy();
  });

  it('should refuse connections beyond maxConnections (16 by default) with SQLSTATE 53300', async () => {
    const served = await Promise.all(Array.from({ length: 16 }, client));
    await expect(client()).rejects.toMatchObject({ code: '53300' });
    expect((await served[0]!.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('should let a second process attach to the server running on a data dir through its published URL', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'embedded-wire-'));
    const running = await startEmbeddedPostgres({ dataDir: join(parent, 'db') });
    try {
      const attached = await startEmbeddedPostgres({ dataDir: join(parent, 'db') });
      expect(attached).toMatchObject({ url: running.url, owned: false });
      const c = new pg.Client({ connectionString: attached.url });
      await c.connect();
      expect((await c.query('SELECT $1::text AS hello', ['there'])).rows).toEqual([{ hello: 'there' }]);
      await c.end();
    } finally {
      await running.stop();
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('should stop while a client holds a transaction and another waits behind it', async () => {
    const other = await startEmbeddedPostgres({ dataDir: null });
    const holder = new pg.Client({ connectionString: other.url });
    const waiter = new pg.Client({ connectionString: other.url });
    for (const c of [holder, waiter]) c.on('error', () => undefined);
    await Promise.all([holder.connect(), waiter.connect()]);
    await holder.query('BEGIN');
    const waiting = waiter.query('SELECT 1');
    await other.stop();
    await expect(waiting).rejects.toThrow();
  });
});

describe(MessageFramer.name, () => {
  it('should cut whole messages out of a stream split at every possible point', () => {
    const stream = Buffer.concat([
      startup(),
      parse('SELECT $1'),
      bind(),
      execute(),
      sync(),
      query('x'.repeat(300)),
    ]);
    for (const size of [1, 2, 3, 5, 7, 64, stream.length]) {
      const framer = new MessageFramer();
      const out: Buffer[] = [];
      for (let at = 0; at < stream.length; at += size) {
        framer.push(stream.subarray(at, at + size));
        for (let m = framer.next(out.length === 0); m; m = framer.next(false)) out.push(Buffer.from(m));
      }
      expect(Buffer.concat(out).equals(stream)).toBe(true);
      expect(out.map((m) => m.length)).toEqual([
        startup().length,
        parse('SELECT $1').length,
        bind().length,
        execute().length,
        5,
        306,
      ]);
    }
  });

  it('should refuse a length that cannot be a message', () => {
    const framer = new MessageFramer();
    framer.push(Buffer.from([0x51, 0, 0, 0, 2]));
    expect(() => framer.next(false)).toThrow(/invalid message length/);
  });
});

describe(BackendOutputTracker.name, () => {
  it('should know the last message and the transaction status across arbitrary chunks', () => {
    const ready = (status: string) => message('Z', Buffer.from(status));
    const tracker = new BackendOutputTracker();
    expect(tracker.idle).toBe(true);
    const output = Buffer.concat([message('1'), message('2'), message('C', cstr('INSERT 0 1')), ready('T')]);
    for (const byte of output) tracker.feed(Buffer.from([byte]));
    expect({ idle: tracker.idle, status: String.fromCharCode(tracker.status) }).toEqual({
      idle: false,
      status: 'T',
    });
    // A row whose last bytes look like ReadyForQuery(idle) is still a row.
    tracker.feed(message('D', int16(1), int32(6), Buffer.from('Z\0\0\0\x05I')));
    expect({ idle: tracker.idle, last: String.fromCharCode(tracker.lastType) }).toEqual({
      idle: false,
      last: 'D',
    });
    tracker.feed(message('C', cstr('SELECT 1')));
    tracker.feed(ready('I'));
    expect(tracker.idle).toBe(true);
  });
});
