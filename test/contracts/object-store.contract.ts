import { createHash, randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { AppException, ErrorCode } from '@app/core';
import {
  HeadersSentError,
  type ObjectStore,
  RangeNotSatisfiableError,
  READ_SLICE_BYTES,
  STREAM_CHUNK_BYTES,
} from '@app/storage';

async function rejection(promise: Promise<unknown>): Promise<AppException> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppException) return err;
    throw err;
  }
  throw new Error('expected the call to be rejected');
}

async function drain(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Deterministic bytes generated on the fly: `total` bytes in `chunk`-sized pieces. */
function generated(total: number, chunk = 256 * 1024): { stream: Readable; digest: () => string } {
  const hash = createHash('sha256');
  let sent = 0;
  let counter = 0;
  const stream = new Readable({
    read() {
      if (sent >= total) {
        this.push(null);
        return;
      }
      const size = Math.min(chunk, total - sent);
      const piece = Buffer.alloc(size, counter++ % 251);
      piece.writeUInt32BE(counter, 0);
      hash.update(piece);
      sent += size;
      this.push(piece);
    },
  });
  return { stream, digest: () => hash.digest('hex') };
}

/**
 * A destination that looks at each chunk only when it calls back, as a socket does: a body that
 * refilled a buffer before that would corrupt what this one records.
 */
class LateReadingWritable extends Writable {
  readonly hash = createHash('sha256');
  bytes = 0;
  largestChunk = 0;
  events: string[] = [];

  constructor(private readonly failAfterBytes = Number.POSITIVE_INFINITY) {
    super({ highWaterMark: 1 });
  }

  override _write(chunk: Buffer, _encoding: string, callback: (error?: Error) => void): void {
    if (this.events.at(-1) !== 'write') this.events.push('write');
    setTimeout(() => {
      this.hash.update(chunk);
      this.bytes += chunk.length;
      this.largestChunk = Math.max(this.largestChunk, chunk.length);
      callback(this.bytes > this.failAfterBytes ? new Error('destination failed') : undefined);
    }, 1);
  }

  override _final(callback: () => void): void {
    this.events.push('end');
    callback();
  }
}

export interface ObjectStoreContractOptions {
  /** Azure drops the content type of objects written as block lists (multipart). */
  keepsContentTypeOnMultipart?: boolean;
}

/**
 * Behaviour every ObjectStore backend shares. Each test writes below its own random prefix, so one
 * store instance serves the whole suite.
 */
export function objectStoreContract(
  name: string,
  factory: () => Promise<ObjectStore>,
  options: ObjectStoreContractOptions,
): void {
  describe(`ObjectStore contract: ${name}`, () => {
    let store: ObjectStore;
    let base: string;
    const key = (rest: string) => `${base}/${rest}`;

    beforeAll(async () => {
      store = await factory();
    });

    beforeEach(() => {
      base = `org-${randomBytes(4).toString('hex')}/proj-1/sol`;
    });

    it('should put a buffer and get it back with its size, etag and last-modified time', async () => {
      const put = await store.put(key('docs/hello.txt'), Buffer.from('hello world'), {
        contentType: 'text/plain',
      });
      expect(put).toMatchObject({ key: key('docs/hello.txt'), size: 11 });
      expect(put.etag).toEqual(expect.stringMatching(/^(W\/)?".+"$/));

      const got = await store.get(key('docs/hello.txt'));
      await expect(drain(got.body.stream())).resolves.toEqual(Buffer.from('hello world'));
      expect(got.size).toBe(11);
      expect(got.etag).toBe(put.etag);
      expect(got.lastModified).toBeInstanceOf(Date);
      expect(Math.abs(got.lastModified!.getTime() - Date.now())).toBeLessThan(5 * 60_000);
      expect(got.contentType).toBe('text/plain');
      expect(got.contentRange).toBeUndefined();
    });

    it('should round-trip the content type through get, head and list, per version, and drop it with the object', async () => {
      const at = key('types/report.csv');
      await store.put(at, Buffer.from('a,b\n'), { contentType: 'text/csv; charset=utf-8' });
      expect((await store.get(at)).contentType).toBe('text/csv; charset=utf-8');
      expect((await store.head(at)).contentType).toBe('text/csv; charset=utf-8');
      const listed = await store.list({ prefix: key('types/'), limit: 10 });
      expect(listed.items.map((i) => [i.key, i.content_type])).toEqual([[at, 'text/csv; charset=utf-8']]);
      // A new version carries its own type, streamed or not.
      await store.put(at, Readable.from([Buffer.from('{}')]), { contentType: 'application/json' });
      expect((await store.head(at)).contentType).toBe('application/json');
      // Deleted with the object: a later version written without a type does not inherit it.
      await store.delete(at);
      await store.put(at, Buffer.from('plain'));
      expect((await store.head(at)).contentType).not.toBe('application/json');
    });

    it('should head an object without reading it', async () => {
      await store.put(key('docs/a.json'), Buffer.from('{"a":1}'), { contentType: 'application/json' });
      const info = await store.head(key('docs/a.json'));
      expect(info).toMatchObject({ key: key('docs/a.json'), size: 7 });
      expect(info.contentType).toBe('application/json');
    });

    it('should replace an object and change its etag', async () => {
      const first = await store.put(key('docs/v.txt'), Buffer.from('one'));
      // No wait for the clock to tick: the sizes differ, so even fs's size-and-mtime validator changes.
      const second = await store.put(key('docs/v.txt'), Buffer.from('second'));
      expect(second.size).toBe(6);
      expect(second.etag).not.toBe(first.etag);
      await expect(drain((await store.get(key('docs/v.txt'))).body.stream())).resolves.toEqual(
        Buffer.from('second'),
      );
    });

    it('should serve byte ranges, open-ended ranges and clamp an end past the size', async () => {
      await store.put(key('docs/range.txt'), Buffer.from('0123456789'));
      const middle = await store.get(key('docs/range.txt'), { range: { start: 2, end: 5 } });
      await expect(drain(middle.body.stream())).resolves.toEqual(Buffer.from('2345'));
      expect(middle.contentRange).toEqual({ start: 2, end: 5, size: 10 });

      const tail = await store.get(key('docs/range.txt'), { range: { start: 7 } });
      await expect(drain(tail.body.stream())).resolves.toEqual(Buffer.from('789'));
      expect(tail.contentRange).toEqual({ start: 7, end: 9, size: 10 });

      const clamped = await store.get(key('docs/range.txt'), { range: { start: 8, end: 100 } });
      await expect(drain(clamped.body.stream())).resolves.toEqual(Buffer.from('89'));
      expect(clamped.contentRange).toEqual({ start: 8, end: 9, size: 10 });
    });

    it('should reject a range starting at or past the end', async () => {
      await store.put(key('docs/short.txt'), Buffer.from('abc'));
      const error = await rejection(store.get(key('docs/short.txt'), { range: { start: 3 } }));
      expect(error).toBeInstanceOf(RangeNotSatisfiableError);
      expect((error as RangeNotSatisfiableError).size).toBe(3);
    });

    it('should map a missing key to RESOURCE_NOT_FOUND on get, head and copy', async () => {
      const calls = [
        () => store.get(key('docs/missing')),
        () => store.head(key('docs/missing')),
        () => store.copy(key('docs/missing'), key('docs/copy')),
      ];
      for (const call of calls) {
        const error = await rejection(call());
        expect(error.code).toBe(ErrorCode.RESOURCE_NOT_FOUND);
        expect(error.status).toBe(404);
      }
    });

    it('should delete idempotently', async () => {
      await store.put(key('docs/gone.txt'), Buffer.from('x'));
      await store.delete(key('docs/gone.txt'));
      await expect(rejection(store.head(key('docs/gone.txt')))).resolves.toMatchObject({ status: 404 });
      await expect(store.delete(key('docs/gone.txt'))).resolves.toBeUndefined();
      await expect(store.delete(key('docs/never-existed.txt'))).resolves.toBeUndefined();
    });

    it('should copy an object with its bytes and content type', async () => {
      await store.put(key('docs/src.txt'), Buffer.from('copied'), { contentType: 'text/plain' });
      await store.copy(key('docs/src.txt'), key('other/dst.txt'));
      const copy = await store.get(key('other/dst.txt'));
      await expect(drain(copy.body.stream())).resolves.toEqual(Buffer.from('copied'));
      expect(copy.contentType).toBe('text/plain');
      await expect(store.head(key('docs/src.txt'))).resolves.toMatchObject({ size: 6 });
    });

    it('should list by prefix in key order with a stable cursor across pages', async () => {
      const names = ['b/2.txt', 'a/1.txt', 'b/10.txt', 'a/sub/deep.txt', 'c.txt', 'b/1.txt', 'ab.txt'];
      for (const n of names) await store.put(key(`list/${n}`), Buffer.from(n), { contentType: 'text/plain' });
      await store.put(key('listing-sibling.txt'), Buffer.from('not under list/'));

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await store.list({ prefix: key('list/'), cursor, limit: 3 });
        expect(page.items.length).toBeLessThanOrEqual(3);
        for (const item of page.items) {
          const relative = item.key.slice(key('list/').length);
          expect(item.size).toBe(Buffer.byteLength(relative));
          expect(item.last_modified).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/));
          expect(item.etag).toEqual(expect.any(String));
          expect(item.content_type).toBe('text/plain');
        }
        seen.push(...page.items.map((i) => i.key));
        cursor = page.next_cursor;
        pages++;
      } while (cursor && pages < 10);
      const expected = names
        .map((n) => key(`list/${n}`))
        .sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
      expect(seen).toEqual(expected);
      expect(pages).toBe(3);
    });

    it('should list a partial name prefix and return an empty page for an unknown prefix', async () => {
      for (const n of ['2024-01.csv', '2024-02.csv', '2025-01.csv'])
        await store.put(key(`reports/${n}`), Buffer.from(n));
      const page = await store.list({ prefix: key('reports/2024-'), limit: 10 });
      expect(page.items.map((i) => i.key)).toEqual([key('reports/2024-01.csv'), key('reports/2024-02.csv')]);
      expect(page.next_cursor).toBeNull();
      await expect(store.list({ prefix: key('nothing-here/'), limit: 10 })).resolves.toEqual({
        items: [],
        next_cursor: null,
      });
    });

    it('should reject a cursor issued for another prefix', async () => {
      for (const n of ['x/1', 'x/2', 'y/1']) await store.put(key(n), Buffer.from(n));
      const page = await store.list({ prefix: key('x/'), limit: 1 });
      expect(page.next_cursor).toEqual(expect.any(String));
      const error = await rejection(store.list({ prefix: key('y/'), cursor: page.next_cursor, limit: 1 }));
      expect(error.code).toBe(ErrorCode.INVALID_REQUEST);
    });

    it('should stream an object larger than one multipart chunk both ways', async () => {
      const total = STREAM_CHUNK_BYTES + 3 * 1024 * 1024 + 17;
      const source = generated(total);
      const put = await store.put(key('big/blob.bin'), source.stream, { contentType: 'application/x-test' });
      expect(put.size).toBe(total);
      const expectedDigest = source.digest();

      const got = await store.get(key('big/blob.bin'));
      expect(got.size).toBe(total);
      const hash = createHash('sha256');
      let largestChunk = 0;
      for await (const chunk of got.body.stream()) {
        hash.update(chunk as Buffer);
        largestChunk = Math.max(largestChunk, (chunk as Buffer).length);
      }
      expect(hash.digest('hex')).toBe(expectedDigest);
      expect(largestChunk).toBeLessThanOrEqual(STREAM_CHUNK_BYTES);
      if (options.keepsContentTypeOnMultipart !== false) expect(got.contentType).toBe('application/x-test');

      const slice = await store.get(key('big/blob.bin'), {
        range: { start: STREAM_CHUNK_BYTES - 2, end: STREAM_CHUNK_BYTES + 1 },
      });
      const bytes = await drain(slice.body.stream());
      expect(bytes.length).toBe(4);
      expect(slice.contentRange).toEqual({
        start: STREAM_CHUNK_BYTES - 2,
        end: STREAM_CHUNK_BYTES + 1,
        size: total,
      });
    });

    it('should write a body into a destination with reused buffers, each refilled only after its write called back', async () => {
      const total = 5 * READ_SLICE_BYTES + 123;
      const source = generated(total, 100_000);
      await store.put(key('write-to/blob.bin'), source.stream);
      const expected = source.digest();
      const destination = new LateReadingWritable();
      const got = await store.get(key('write-to/blob.bin'));
      await got.body.writeTo(destination, { beforeFirstWrite: () => destination.events.push('headers') });
      expect(destination.hash.digest('hex')).toBe(expected);
      expect(destination.bytes).toBe(total);
      expect(destination.largestChunk).toBeLessThanOrEqual(READ_SLICE_BYTES);
      expect(destination.events).toEqual(['headers', 'write', 'end']);
      expect(() => got.body.stream()).toThrow(/only once/);
    });

    it('should write a range across slices, and an empty object as just the end', async () => {
      const source = generated(3 * READ_SLICE_BYTES, 65_536);
      await store.put(key('write-to/range.bin'), source.stream);
      const whole = await drain((await store.get(key('write-to/range.bin'))).body.stream());
      const start = READ_SLICE_BYTES - 10;
      const end = 2 * READ_SLICE_BYTES + 10;
      const ranged = await store.get(key('write-to/range.bin'), { range: { start, end } });
      const destination = new LateReadingWritable();
      await ranged.body.writeTo(destination);
      expect(destination.hash.digest('hex')).toBe(
        createHash('sha256')
          .update(whole.subarray(start, end + 1))
          .digest('hex'),
      );

      await store.put(key('write-to/empty.bin'), Buffer.alloc(0));
      const empty = new LateReadingWritable();
      await (
        await store.get(key('write-to/empty.bin'))
      ).body.writeTo(empty, { beforeFirstWrite: () => empty.events.push('headers') });
      expect(empty.events).toEqual(['headers', 'end']);
      expect(empty.bytes).toBe(0);
    });

    it('should stop and report HeadersSentError when the destination fails mid-body', async () => {
      await store.put(key('write-to/fails.bin'), generated(4 * READ_SLICE_BYTES).stream);
      const destination = new LateReadingWritable(READ_SLICE_BYTES);
      const got = await store.get(key('write-to/fails.bin'));
      const error = await got.body.writeTo(destination).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(HeadersSentError);
      expect(destination.bytes).toBeLessThan(4 * READ_SLICE_BYTES);
    });

    it('should keep the content type of a small streamed object', async () => {
      await store.put(key('small/stream.txt'), Readable.from([Buffer.from('str'), Buffer.from('eamed')]), {
        contentType: 'text/markdown',
      });
      const got = await store.get(key('small/stream.txt'));
      await expect(drain(got.body.stream())).resolves.toEqual(Buffer.from('streamed'));
      expect(got.contentType).toBe('text/markdown');
    });

    it('should refuse a stream over maxBytes and leave no object behind', async () => {
      const source = generated(2 * 1024 * 1024);
      const error = await rejection(
        store.put(key('limits/too-big.bin'), source.stream, { maxBytes: 1024 * 1024 }),
      );
      expect(error.code).toBe(ErrorCode.PAYLOAD_TOO_LARGE);
      await expect(rejection(store.head(key('limits/too-big.bin')))).resolves.toMatchObject({ status: 404 });
    });

    it('should publish nothing when the commit refuses, and keep the object already at the key', async () => {
      await store.put(key('commit/kept.bin'), Buffer.from('before'));
      const refused = AppException.conflict('reservation lost');
      for (const body of [
        generated(STREAM_CHUNK_BYTES + 1024).stream,
        Readable.from([Buffer.from('small')]),
        Buffer.from('buffer'),
      ]) {
        await expect(
          store.put(key('commit/kept.bin'), body, { commit: () => Promise.reject(refused) }),
        ).rejects.toBe(refused);
        await expect(
          store.put(key('commit/new.bin'), body, { commit: () => Promise.reject(refused) }),
        ).rejects.toBeDefined();
      }
      await expect(drain((await store.get(key('commit/kept.bin'))).body.stream())).resolves.toEqual(
        Buffer.from('before'),
      );
      await expect(rejection(store.head(key('commit/new.bin')))).resolves.toMatchObject({ status: 404 });
      const published = await store.put(key('commit/new.bin'), Buffer.from('after'), {
        commit: (publish) => publish(),
      });
      expect(published.size).toBe(5);
    });

    it('should abort a body that sends nothing for idleTimeoutMs with REQUEST_TIMEOUT, and leave no object', async () => {
      const stalled = new Readable({ read() {} });
      stalled.push(Buffer.alloc(64 * 1024, 1));
      const error = await rejection(store.put(key('idle/stalled.bin'), stalled, { idleTimeoutMs: 100 }));
      expect(error.code).toBe(ErrorCode.REQUEST_TIMEOUT);
      expect(error.status).toBe(408);
      // The body is left to the caller (an HTTP handler still answers on its socket).
      expect(stalled.destroyed).toBe(false);
      await expect(rejection(store.head(key('idle/stalled.bin')))).resolves.toMatchObject({ status: 404 });
    });

    it('should abort a put when its signal fires, with the reason of the signal', async () => {
      const stalled = new Readable({ read() {} });
      stalled.push(Buffer.alloc(1024, 1));
      const controller = new AbortController();
      const reason = AppException.conflict('taken');
      const put = store.put(key('signal/aborted.bin'), stalled, { signal: controller.signal });
      controller.abort(reason);
      await expect(put).rejects.toBe(reason);
      await expect(rejection(store.head(key('signal/aborted.bin')))).resolves.toMatchObject({ status: 404 });
    });

    it('should never take a finished object for an abandoned upload', async () => {
      await store.put(key('janitor/kept.txt'), Buffer.from('kept'));
      await expect(store.removeAbandonedUploads(0)).resolves.toEqual(expect.any(Number));
      await expect(drain((await store.get(key('janitor/kept.txt'))).body.stream())).resolves.toEqual(
        Buffer.from('kept'),
      );
    });

    it('should refuse unsafe keys before any I/O', async () => {
      for (const bad of [
        `${base}/../escape`,
        `/${base}/abs`,
        `${base}//empty`,
        `${base}/back\\slash`,
        `${base}/nul\u0000`,
        `${base}/%2e%2e/x`,
      ]) {
        const error = await rejection(store.put(bad, Buffer.from('x')));
        expect(error.code).toBe(ErrorCode.INVALID_REQUEST);
      }
    });
  });
}
