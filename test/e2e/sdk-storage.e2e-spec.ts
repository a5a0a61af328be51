import { createHash } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { AssetsApiError, type AssetsClient } from '../../sdk/typescript/src/index.js';
import { startSdkTenant, type SdkTenant } from '../support/sdk-harness.js';

const MiB = 1024 * 1024;
const LARGE = 64 * MiB;
const FILE = 32 * MiB;
const CHUNK = 64 * 1024;

// A real collection before each memory sample, so what is measured is what is still held.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const held = () => {
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

/** Chunk `i` of a generated object: fresh memory every time, so holding chunks would show. */
const chunkOf = (i: number) => Buffer.alloc(CHUNK, createHash('sha256').update(`chunk-${i}`).digest());

/**
 * Samples the memory held above the level at its creation. Streaming keeps it low at every sample
 * but for bursts in flight (socket buffers of the in-process server, too); holding the body shows
 * as growth that builds up over the samples (a high median) or the whole object at once (the peak).
 */
function memoryProbe() {
  const base = held();
  const samples: number[] = [];
  return {
    sample: () => void samples.push(held() - base),
    get peak() {
      return Math.max(...samples);
    },
    get median() {
      const sorted = [...samples].sort((a, b) => a - b);
      return sorted[Math.floor(sorted.length / 2)];
    },
    get count() {
      return samples.length;
    },
  };
}

/** Memory that stayed far below `size` while `size` bytes went through. */
function expectStreamed(probe: ReturnType<typeof memoryProbe>, size: number) {
  expect(probe.count).toBeGreaterThanOrEqual(8);
  expect(probe.median).toBeLessThan(size / 8);
  expect(probe.peak).toBeLessThan(size / 2);
}

/** `size` bytes made on the fly as a web ReadableStream (pulled one chunk at a time), hashing what it gives. */
function generated(size: number, onChunk: (sent: number) => void) {
  const hash = createHash('sha256');
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sent >= size) return controller.close();
        const chunk = chunkOf(sent / CHUNK).subarray(0, Math.min(CHUNK, size - sent));
        hash.update(chunk);
        sent += chunk.length;
        controller.enqueue(chunk);
        onChunk(sent);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, digest: () => hash.digest('hex') };
}

async function apiError(promise: Promise<unknown>): Promise<AssetsApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AssetsApiError);
  return error as AssetsApiError;
}

describe('TypeScript SDK: shared storage and files (e2e)', () => {
  let t: SdkTenant;
  let assets: AssetsClient;

  beforeAll(async () => {
    t = await startSdkTenant({
      // The SDK talks to one replica's own listener, and the memory probes read this process's
      // heap: with in-process replicas the 64 MiB streams measured both apps and timed out calls
      // to Governance behind the test proxy. Two-replica behaviour of storage is storage.e2e's.
      replicas: 1,
      env: {
        STORAGE_MAX_OBJECT_BYTES: String(LARGE + MiB),
        STORAGE_MAX_UPLOAD_BYTES: String(FILE + MiB),
      },
    });
    assets = t.assets();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('should stream a 64 MiB object up and down without holding it in memory', async () => {
    const upProbe = memoryProbe();
    const source = generated(LARGE, (sent) => {
      if (sent % (4 * MiB) === 0) upProbe.sample();
    });
    const put = await assets.storage.put('sdk/blobs/large.bin', source.stream);
    expect(put).toMatchObject({ key: 'sdk/blobs/large.bin', size: LARGE });
    expectStreamed(upProbe, LARGE);

    const downProbe = memoryProbe();
    const download = await assets.storage.get('sdk/blobs/large.bin');
    expect(download).toMatchObject({ status: 200, size: LARGE, range: null });
    const hash = createHash('sha256');
    let received = 0;
    let chunks = 0;
    for await (const chunk of download.nodeStream() as AsyncIterable<Buffer>) {
      hash.update(chunk);
      chunks++;
      const before = received;
      received += chunk.length;
      if (Math.floor(received / (4 * MiB)) > Math.floor(before / (4 * MiB))) downProbe.sample();
    }
    expect(received).toBe(LARGE);
    expect(hash.digest('hex')).toBe(source.digest());
    expect(chunks).toBeGreaterThan(64);
    expectStreamed(downProbe, LARGE);

    // A range of it: the last 5 bytes, as generated.
    const tail = await assets.storage.get('sdk/blobs/large.bin', { range: { start: LARGE - 5 } });
    expect(tail).toMatchObject({ status: 206, range: { start: LARGE - 5, end: LARGE - 1, size: LARGE } });
    const bytes = Buffer.from(await new Response(tail.body).arrayBuffer());
    expect(bytes).toEqual(chunkOf(LARGE / CHUNK - 1).subarray(CHUNK - 5));
  });

  it('should put from bytes, a string and a Node Readable, and read back ranges and headers', async () => {
    const put = await assets.storage.put('sdk/docs/digits.txt', Buffer.from('0123456789'), {
      contentType: 'text/plain',
    });
    expect(put).toMatchObject({ key: 'sdk/docs/digits.txt', size: 10, etag: expect.any(String) });
    await assets.storage.put('sdk/docs/ä b.txt', 'unicode key');
    await assets.storage.put(
      'sdk/docs/lines.txt',
      Readable.from(['one\n', 'two\n'].map((line) => Buffer.from(line))),
    );

    const info = await assets.storage.head('sdk/docs/digits.txt');
    expect(info).toMatchObject({ size: 10, contentType: 'text/plain', etag: put.etag });
    expect(info.lastModified).toBeInstanceOf(Date);

    expect(await (await assets.storage.get('sdk/docs/ä b.txt')).text()).toBe('unicode key');
    expect(await (await assets.storage.get('sdk/docs/lines.txt')).text()).toBe('one\ntwo\n');
    const middle = await assets.storage.get('sdk/docs/digits.txt', { range: { start: 2, end: 4 } });
    expect(middle).toMatchObject({ status: 206, size: 3, range: { start: 2, end: 4, size: 10 } });
    expect(await middle.text()).toBe('234');
    expect(await (await assets.storage.get('sdk/docs/digits.txt', { range: { suffix: 3 } })).text()).toBe(
      '789',
    );
    const beyond = await apiError(assets.storage.get('sdk/docs/digits.txt', { range: { start: 10 } }));
    expect(beyond.status).toBe(416);
  });

  it('should report upload progress as the body is sent, up to its size, and fail like put does', async () => {
    const progress: Array<{ loaded: number; total: number | null }> = [];
    const bytes = Buffer.alloc(4 * MiB, 7);
    const put = await assets.storage.put('sdk/progress/bytes.bin', bytes, {
      onProgress: (p) => progress.push(p),
    });
    expect(put).toMatchObject({ size: 4 * MiB });
    expect(progress[0]).toEqual({ loaded: 0, total: 4 * MiB });
    expect(progress.at(-1)).toEqual({ loaded: 4 * MiB, total: 4 * MiB });
    const loaded = progress.map((p) => p.loaded);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));

    // A stream of unknown size: counted as it is read, with no total.
    const streamed: Array<{ loaded: number; total: number | null }> = [];
    const source = generated(3 * CHUNK, () => undefined);
    await assets.storage.put('sdk/progress/stream.bin', source.stream, {
      onProgress: (p) => streamed.push(p),
    });
    expect(streamed.map((p) => p.loaded)).toEqual([0, CHUNK, 2 * CHUNK, 3 * CHUNK]);
    expect(streamed.every((p) => p.total === null)).toBe(true);
    const download = await assets.storage.get('sdk/progress/stream.bin');
    expect(
      createHash('sha256')
        .update(Buffer.from(await new Response(download.body).arrayBuffer()))
        .digest('hex'),
    ).toBe(source.digest());

    const refused = await apiError(
      assets.storage.put('sdk/progress/../escape.bin', 'x', { onProgress: () => undefined }),
    );
    expect(refused).toMatchObject({ status: 400, code: 'INVALID_REQUEST' });
  });

  it('should list a solution page by page and delete', async () => {
    for (const name of ['a', 'b', 'c']) await assets.storage.put(`sdk-list/reports/${name}.txt`, name);
    await assets.storage.put('sdk-list/other/d.txt', 'd');

    const first = await assets.storage.list({ solution: 'sdk-list', prefix: 'reports/', limit: 2 });
    expect(first.data.map((o) => o.key)).toEqual(['sdk-list/reports/a.txt', 'sdk-list/reports/b.txt']);
    expect(first.next_cursor).toEqual(expect.any(String));
    const all = [];
    for await (const object of assets.storage.listAll({ solution: 'sdk-list', limit: 1 })) all.push(object);
    expect(all.map((o) => [o.key, o.size])).toEqual([
      ['sdk-list/other/d.txt', 1],
      ['sdk-list/reports/a.txt', 1],
      ['sdk-list/reports/b.txt', 1],
      ['sdk-list/reports/c.txt', 1],
    ]);

    await assets.storage.delete('sdk-list/reports/b.txt');
    await assets.storage.delete('sdk-list/reports/b.txt'); // idempotent
    const after = await assets.storage.list({ solution: 'sdk-list', prefix: 'reports/' });
    expect(after.data.map((o) => o.key)).toEqual(['sdk-list/reports/a.txt', 'sdk-list/reports/c.txt']);
    expect((await apiError(assets.storage.head('sdk-list/reports/b.txt'))).status).toBe(404);
  });

  it('should keep storage per project, and refuse a viewer writes with an AssetsApiError', async () => {
    await t.governance().POST('/governance/projects', { body: { id: 'sdk-other', name: 'sdk-other' } });
    await assets.storage.put('sdk-iso/docs/mine.txt', 'mine');
    const other = await assets.storage.list({ solution: 'sdk-iso' }, { projectId: 'sdk-other' });
    expect(other.data).toEqual([]);
    const missing = await apiError(assets.withProject('sdk-other').storage.get('sdk-iso/docs/mine.txt'));
    expect(missing).toMatchObject({ status: 404, code: 'RESOURCE_NOT_FOUND' });

    await t.governance().POST('/governance/grants', {
      body: { user: 'user:victor', relation: 'viewer', object: `project:${t.project}` },
    });
    const viewer = t.assets('victor');
    expect(await (await viewer.storage.get('sdk-iso/docs/mine.txt')).text()).toBe('mine');
    const denied = await apiError(viewer.storage.put('sdk-iso/docs/theirs.txt', 'no'));
    expect(denied).toMatchObject({ status: 403, code: 'INSUFFICIENT_PERMISSIONS' });
    expect(denied.message).not.toContain(t.token('victor'));
  });

  it('should upload files as streamed multipart from a Node Readable and from a file on disk', async () => {
    const probe = memoryProbe();
    const hash = createHash('sha256');
    async function* body() {
      for (let i = 0; i < FILE / CHUNK; i++) {
        const chunk = chunkOf(i);
        hash.update(chunk);
        if (i % 32 === 0) probe.sample();
        yield chunk;
      }
    }
    const uploaded = await assets.files.upload({
      key: 'reports/q1.bin',
      name: 'Q1 "raw" data',
      file: Readable.from(body()),
      filename: 'q1 "final".bin',
      description: 'quarter one',
      tags: ['finance', 'quarterly'],
    });
    expect(uploaded).toMatchObject({
      key: 'reports/q1.bin',
      name: 'Q1 "raw" data',
      size: FILE,
      url: '/assets/storage/files/reports/q1.bin',
    });
    expectStreamed(probe, FILE);

    const { data: file } = await assets.GET('/assets/files/{resource_uri}', {
      params: { path: { resource_uri: uploaded.resource_uri } },
    });
    expect(file).toMatchObject({ description: 'quarter one', tags: ['finance', 'quarterly'], size: FILE });
    const download = await assets.storage.get(`files/${file.key}`);
    const check = createHash('sha256');
    for await (const chunk of download.body) check.update(chunk);
    expect(check.digest('hex')).toBe(hash.digest('hex'));

    const path = join(t.localRoot, 'upload-source.csv');
    await writeFile(path, 'a,b\n1,2\n');
    await assets.files.upload({
      key: 'tables/small.csv',
      name: 'Small table',
      file: await openAsBlob(path),
      contentType: 'text/csv',
    });
    const { data: files } = await assets.GET('/assets/files');
    expect(files.data.map((f) => [f.key, f.content_type])).toEqual(
      expect.arrayContaining([
        ['reports/q1.bin', 'application/octet-stream'],
        ['tables/small.csv', 'text/csv'],
      ]),
    );

    const invalid = await apiError(assets.files.upload({ key: 'reports/x.bin', name: ' ', file: 'x' }));
    expect(invalid).toMatchObject({ status: 422, code: 'VALIDATION_ERROR' });
  });
});
