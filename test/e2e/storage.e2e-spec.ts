import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { LOCAL_UPLOADS_DIR, mapOpenDalError, type ObjectStore } from '@app/storage';
import { StorageJanitor } from '../../apps/assets/src/storage/storage.janitor.js';
import { DEFAULT_OBJECT_STORE } from '../../apps/assets/src/storage/storage.tokens.js';
import { UploadHeartbeat } from '../../apps/assets/src/storage/upload-heartbeat.js';
import { UploadSlots } from '../../apps/assets/src/storage/upload-slots.js';
import { startAssetsHarness, type AssetsHarness } from '../support/assets-harness.js';
import { asText as text, streamedRequests } from '../support/storage-fixtures.js';

const PROJECT = 'analytics-prod';
const OTHER_PROJECT = 'marketing';

describe('Shared storage (e2e)', () => {
  let h: AssetsHarness;
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let root: string;
  let alice: string;
  let victor: string;
  let bob: string;
  let mallory: string;

  const as = (token: string, project: string | null = PROJECT) => {
    const headers: Record<string, string> = { authorization: token };
    if (project) headers['x-project-id'] = project;
    return headers;
  };

  /** Sends a path byte for byte (supertest/URL would resolve `..` segments before sending). */
  const raw = (method: string, path: string, headers: Record<string, string>, body?: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const { port } = (http.address() as AddressInfo | null) ?? { port: 0 };
      const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      req.end(body);
    });

  const requests = streamedRequests(() => http);
  const { streamed } = requests;
  afterEach(() => requests.destroyAll());

  const BOUNDARY = 'assets-e2e-boundary';
  /** The multipart head of an upload: its fields, then the start of the file part. */
  const multipartHead = (key: string, name: string) =>
    [
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="key"\r\n\r\n${key}\r\n`,
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="name"\r\n\r\n${name}\r\n`,
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="f.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ].join('');
  const multipartTail = `\r\n--${BOUNDARY}--\r\n`;
  const multipartHeaders = (token: string) => ({
    ...as(token),
    'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
  });

  /** Temp files of uploads in progress under the local root. */
  const leftovers = () => readdir(join(root, LOCAL_UPLOADS_DIR)).catch(() => [] as string[]);
  /** Polls the server's state (not a clock) until `condition` holds. */
  const until = async (condition: () => Promise<boolean>, what: string) => {
    for (let i = 0; i < 1000; i++) {
      if (await condition()) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`Timed out waiting for ${what}`);
  };
  /**
   * For a test that reads or changes one process's state (its upload slots, heartbeat, object
   * store): with E2E_REPLICAS its requests all go to that replica, the first.
   */
  const onOneReplica = (test: () => Promise<void>) => async () => {
    const all = http;
    http = h.replicas[0]!.app.getHttpServer();
    try {
      await test();
    } finally {
      http = all;
    }
  };
  /** Every upload has finished on every replica, its cleanup included. */
  const settled = () => Promise.all(h.replicas.map((r) => r.app.get(UploadSlots).drained()));

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'assets-storage-'));
    const env = {
      OBSTORE_BACKEND: 'local',
      OBSTORE_LOCAL_PREFIX: root,
      STORAGE_MAX_OBJECT_BYTES: String(2 * 1024 * 1024),
      STORAGE_MAX_UPLOAD_BYTES: String(3 * 1024 * 1024),
      STORAGE_MAX_CONCURRENT_UPLOADS_PER_ORG: '2',
      // The heartbeat never ticks on its own here: the tests tick it (beat()) to control time.
      STORAGE_UPLOAD_HEARTBEAT_MS: '600000',
    };
    h = await startAssetsHarness({ env });
    app = h.app;
    await app.listen({ port: 0, host: '127.0.0.1' });
    http = app.getHttpServer();

    const gov = h.governance;
    await gov.createOrg('acme', 'alice');
    await gov.createOrg('globex', 'mallory');
    alice = gov.bearer('alice', 'acme');
    victor = gov.bearer('victor', 'acme');
    bob = gov.bearer('bob', 'acme');
    mallory = gov.bearer('mallory', 'globex');
    const govHttp = gov.app.getHttpServer();
    for (const id of [PROJECT, OTHER_PROJECT]) {
      await request(govHttp)
        .post('/governance/projects')
        .set('authorization', alice)
        .send({ id, name: id })
        .expect(201);
    }
    await request(govHttp)
      .post('/governance/grants')
      .set('authorization', alice)
      .send({ user: 'user:victor', relation: 'viewer', object: `project:${PROJECT}` })
      .expect((res) => {
        if (res.status >= 300) throw new Error(`grant failed: ${res.status} ${JSON.stringify(res.body)}`);
      });
    await request(govHttp)
      .post('/governance/grants')
      .set('authorization', alice)
      .send({ user: 'user:bob', relation: 'member', object: 'organization:acme' })
      .expect((res) => {
        if (res.status >= 300) throw new Error(`grant failed: ${res.status} ${JSON.stringify(res.body)}`);
      });
  }, 60_000);

  afterAll(async () => {
    await h?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('should do the seed round trip: PUT --data-binary then GET', async () => {
    const put = await request(http)
      .put('/assets/storage/test.txt')
      .set(as(alice))
      .set('content-type', 'application/x-www-form-urlencoded')
      .send('hello')
      .expect(201);
    // The key that addresses it again: the canonical path, not the shorthand.
    expect(put.body).toMatchObject({ key: 'default/objects/test.txt', size: 5 });
    const get = await text(request(http).get('/assets/storage/test.txt').set(as(alice))).expect(200);
    expect(get.body).toBe('hello');
    expect(get.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const canonical = await text(request(http).get(`/assets/storage/${put.body.key}`).set(as(alice))).expect(
      200,
    );
    expect(canonical.body).toBe('hello');
    // Where it lives: <org>/<project>/default/objects/test.txt under the local root.
    await expect(readdir(join(root, 'acme', PROJECT, 'default', 'objects'))).resolves.toContain('test.txt');
  });

  it('should download a one-segment key even when it looks like a solution (listing has its own route)', async () => {
    const put = await request(http)
      .put('/assets/storage/test')
      .set(as(alice))
      .set('content-type', 'text/plain')
      .send('no extension')
      .expect(201);
    expect(put.body.key).toBe('default/objects/test');
    const got = await text(request(http).get('/assets/storage/test').set(as(alice))).expect(200);
    expect(got.body).toBe('no extension');
    expect(got.headers['content-type']).toBe('text/plain');
    await request(http).head('/assets/storage/test').set(as(alice)).expect(200);
    await request(http).delete(`/assets/storage/${put.body.key}`).set(as(alice)).expect(204);
    await request(http).get('/assets/storage/test').set(as(alice)).expect(404);
  });

  it('should take %2F (any case) as a separator: a%2Fb%2Fc.txt and a/b/c.txt are one object', async () => {
    const put = await request(http)
      .put('/assets/storage/enc%2Fdocs%2Fc.txt')
      .set(as(alice))
      .set('content-type', 'text/plain')
      .send('encoded')
      .expect(201);
    expect(put.body.key).toBe('enc/docs/c.txt');
    for (const path of ['enc/docs/c.txt', 'enc%2fdocs%2Fc.txt', 'enc/docs%2Fc.txt', 'enc%2Fdocs/c.txt']) {
      const got = await text(request(http).get(`/assets/storage/${path}`).set(as(alice))).expect(200);
      expect([path, got.body]).toEqual([path, 'encoded']);
    }
    // Listed under the same key it answered, and deleted through the encoded form.
    const list = await request(http)
      .get('/assets/storage')
      .query({ solution: 'enc' })
      .set(as(alice))
      .expect(200);
    expect(list.body.data.map((o: { key: string }) => o.key)).toEqual(['enc/docs/c.txt']);
    await request(http)
      .delete(`/assets/storage/${encodeURIComponent(put.body.key)}`)
      .set(as(alice))
      .expect(204);
    await request(http).head('/assets/storage/enc/docs/c.txt').set(as(alice)).expect(404);
    await expect(readdir(join(root, 'acme', PROJECT, 'enc', 'docs')).catch(() => [])).resolves.toEqual([]);
  });

  it('should stream any content type through unparsed and keep it, JSON included', async () => {
    const body = '{"not":"parsed"' + ' '.repeat(1024 * 1024 + 10) + '}';
    const put = await request(http)
      .put('/assets/storage/talk2data/conversations/abc/messages.json')
      .set(as(alice))
      .set('content-type', 'application/json')
      .send(body)
      .expect(201);
    expect(put.body).toMatchObject({
      key: 'talk2data/conversations/abc/messages.json',
      size: body.length,
      etag: expect.any(String),
    });
    const get = await request(http)
      .get('/assets/storage/talk2data/conversations/abc/messages.json')
      .set(as(alice))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect((get.body as Buffer).toString()).toBe(body);
    expect(get.headers['content-length']).toBe(String(body.length));
    expect(get.headers['content-type']).toBe('application/json');
    expect(get.headers['last-modified']).toEqual(expect.any(String));
    expect(get.headers['x-content-type-options']).toBe('nosniff');
    // Written past Fastify (reused buffers), yet with the headers of every other response.
    expect(get.headers['x-request-id']).toEqual(expect.any(String));
    expect(get.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
    // JSON parsing elsewhere is untouched: a malformed JSON body on a JSON route is still a 400.
    await request(govHttpOf(h))
      .post('/governance/projects')
      .set('authorization', alice)
      .set('content-type', 'application/json')
      .send('{bad')
      .expect(400);
  });

  it('should serve ranges with 206, 416 when unsatisfiable, and ignore malformed ranges', async () => {
    await request(http)
      .put('/assets/storage/sol/docs/digits.txt')
      .set(as(alice))
      .set('content-type', 'text/plain')
      .send('0123456789')
      .expect(201);
    const url = '/assets/storage/sol/docs/digits.txt';
    const part = await text(request(http).get(url).set(as(alice)).set('range', 'bytes=2-5')).expect(206);
    expect(part.body).toBe('2345');
    expect(part.headers['content-range']).toBe('bytes 2-5/10');
    const suffix = await text(request(http).get(url).set(as(alice)).set('range', 'bytes=-3')).expect(206);
    expect(suffix.body).toBe('789');
    const open = await request(http).get(url).set(as(alice)).set('range', 'bytes=7-').expect(206);
    expect(open.headers['content-range']).toBe('bytes 7-9/10');
    const bad = await request(http).get(url).set(as(alice)).set('range', 'bytes=10-').expect(416);
    expect(bad.headers['content-range']).toBe('bytes */10');
    expect(bad.body.error).toMatchObject({
      status: 416,
      code: 'RANGE_NOT_SATISFIABLE',
      details: { size: 10 },
    });
    const head = await request(http).head(url).set(as(alice)).set('range', 'bytes=10-').expect(416);
    expect(head.headers['content-range']).toBe('bytes */10');
    const multi = await text(request(http).get(url).set(as(alice)).set('range', 'bytes=0-1,3-4')).expect(200);
    expect(multi.body).toBe('0123456789');
    // The local backend keeps the content type of the upload, as the cloud stores do.
    expect(multi.headers['content-type']).toBe('text/plain');
  });

  it('should survive a client that leaves mid-download, and serve the next one whole', async () => {
    const url = '/assets/storage/sol/big/leaver.bin';
    const body = Buffer.alloc(2 * 1024 * 1024 - 1, 7);
    await request(http).put(url).set(as(alice)).send(body).expect(201);
    const { port } = http.address() as AddressInfo;
    const received = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: url, headers: as(alice) }, (res) => {
        res.once('data', (chunk: Buffer) => {
          req.destroy();
          resolve(chunk.length);
        });
      });
      req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
      req.end();
    });
    expect(received).toBeGreaterThan(0);
    const whole = await request(http)
      .get(url)
      .set(as(alice))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect((whole.body as Buffer).equals(body)).toBe(true);
  });

  it(
    'should answer 429 beyond the per-org upload slots, and free a slot when an upload is abandoned',
    onOneReplica(async () => {
      const { port } = http.address() as AddressInfo;
      const held = [1, 2].map((n) => {
        const req = httpRequest({
          host: '127.0.0.1',
          port,
          method: 'PUT',
          path: `/assets/storage/sol/slow/${n}.bin`,
          headers: { ...as(alice), 'content-length': String(1024 * 1024) },
        });
        req.on('error', () => undefined);
        req.write(Buffer.alloc(1024, n));
        return req;
      });
      let busy: request.Response | undefined;
      for (let i = 0; i < 100 && busy?.status !== 429; i++) {
        busy = await request(http)
          .put('/assets/storage/sol/slow/3.bin')
          .set(as(alice))
          .send(Buffer.from('third'));
        if (busy.status !== 429) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(busy?.status).toBe(429);
      expect(busy?.body.error.code).toBe('RATE_LIMIT_EXCEEDED');
      expect(busy?.headers['retry-after']).toBe('1');
      for (const req of held) req.destroy();
      let after: request.Response | undefined;
      for (let i = 0; i < 100 && after?.status !== 201; i++) {
        after = await request(http)
          .put('/assets/storage/sol/slow/3.bin')
          .set(as(alice))
          .send(Buffer.from('third'));
        if (after.status !== 201) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(after?.status).toBe(201);
      await request(http).head('/assets/storage/sol/slow/1.bin').set(as(alice)).expect(404);
    }),
  );

  it('should answer 304 for a matching If-None-Match and 200 after a change; HEAD gives headers only', async () => {
    const url = '/assets/storage/sol/docs/etag.txt';
    await request(http).put(url).set(as(alice)).set('content-type', 'text/markdown').send('v1').expect(201);
    const first = await request(http).get(url).set(as(alice)).expect(200);
    const etag = first.headers.etag;
    expect(etag).toEqual(expect.any(String));
    await request(http).get(url).set(as(alice)).set('if-none-match', etag).expect(304);
    await request(http).head(url).set(as(alice)).set('if-none-match', etag).expect(304);
    const head = await request(http).head(url).set(as(alice)).expect(200);
    expect(head.headers['content-length']).toBe('2');
    expect(head.headers['content-type']).toBe('text/markdown');
    expect(head.headers.etag).toBe(etag);
    // No wait for the clock to tick: the sizes differ, so the fs store's size-and-mtime validator changes.
    await request(http).put(url).set(as(alice)).send(Buffer.from('v2!')).expect(201);
    const changed = await request(http).get(url).set(as(alice)).set('if-none-match', etag).expect(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('should list with a cursor at GET /assets/storage?solution=, each key the path that addresses the object', async () => {
    for (const n of ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt']) {
      await request(http)
        .put(`/assets/storage/lister/items/${n}`)
        .set(as(alice))
        .set('content-type', 'text/plain')
        .send(n)
        .expect(201);
    }
    await request(http)
      .put('/assets/storage/lister/other/x.txt')
      .set(as(alice))
      .send(Buffer.from('x'))
      .expect(201);
    const list = (query: Record<string, unknown>) =>
      request(http)
        .get('/assets/storage')
        .query({ solution: 'lister', ...query })
        .set(as(alice));
    const keys: string[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await list({
        prefix: 'items/',
        limit: 2,
        ...(cursor ? { cursor } : {}),
      }).expect(200);
      expect(res.body.data.length).toBeLessThanOrEqual(2);
      for (const item of res.body.data)
        expect(item).toEqual({
          key: expect.any(String),
          size: 5,
          etag: expect.any(String),
          last_modified: expect.any(String),
          content_type: 'text/plain',
        });
      keys.push(...res.body.data.map((d: { key: string }) => d.key));
      cursor = res.body.next_cursor;
    } while (cursor);
    expect(keys).toEqual([
      'lister/items/a.txt',
      'lister/items/b.txt',
      'lister/items/c.txt',
      'lister/items/d.txt',
      'lister/items/e.txt',
    ]);
    // Each key is what GET takes back.
    const got = await text(request(http).get(`/assets/storage/${keys[2]}`).set(as(alice))).expect(200);
    expect(got.body).toBe('c.txt');
    const all = await list({}).expect(200);
    expect(all.body.data).toContainEqual(
      // Stored as sent: a body without a Content-Type is application/octet-stream.
      expect.objectContaining({ key: 'lister/other/x.txt', content_type: 'application/octet-stream' }),
    );
    await list({ cursor: 'garbage!' }).expect(400);
    await list({ limit: 1000 }).expect(400);
    await list({ solution: 'Not A Solution' }).expect(400);
    const missing = await request(http).get('/assets/storage').set(as(alice)).expect(400);
    expect(missing.body.error.details.fields).toEqual([{ field: 'solution', message: 'is required' }]);
    // A path always names an object: the old listing path is the one-segment key default/objects/lister.
    await request(http).get('/assets/storage/lister').set(as(alice)).expect(404);
  });

  it('should keep projects apart: another project sees nothing of this one', async () => {
    await request(http)
      .put('/assets/storage/iso/docs/secret.txt')
      .set(as(alice))
      .send(Buffer.from('p1 only'))
      .expect(201);
    await request(http).get('/assets/storage/iso/docs/secret.txt').set(as(alice, OTHER_PROJECT)).expect(404);
    const list = await request(http)
      .get('/assets/storage')
      .query({ solution: 'iso' })
      .set(as(alice, OTHER_PROJECT))
      .expect(200);
    expect(list.body.data).toEqual([]);
    // Naming the other tenant's prefix in the key only nests it under the caller's own prefix.
    await request(http)
      .put(`/assets/storage/iso/acme/${OTHER_PROJECT}/x.txt`)
      .set(as(alice))
      .send(Buffer.from('mine'))
      .expect(201);
    await expect(readdir(join(root, 'acme', PROJECT, 'iso', 'acme', OTHER_PROJECT))).resolves.toEqual([
      'x.txt',
    ]);
    await expect(readdir(join(root, 'acme', OTHER_PROJECT)).catch(() => [])).resolves.not.toContain('iso');
  });

  it.each([
    ['a raw .. segment', '/assets/storage/iso/docs/../../../marketing/iso/docs/secret.txt'],
    ['a raw . segment', '/assets/storage/iso/./docs/secret.txt'],
    ['encoded dots', '/assets/storage/iso/docs/%2e%2e/%2e%2e/x.txt'],
    ['double-encoded dots', '/assets/storage/iso/docs/%252e%252e/x.txt'],
    ['dot segments between encoded slashes', '/assets/storage/iso/docs%2F..%2F..%2Fx.txt'],
    [
      'an encoded traversal to another project',
      `/assets/storage/..%2F..%2F${OTHER_PROJECT}%2Fiso%2Fdocs%2Fsecret.txt`,
    ],
    ['encoded dots and slash', '/assets/storage/iso/docs/%2e%2e%2F%2E%2E%2Fx.txt'],
    ['a double-encoded slash', '/assets/storage/iso/docs%252F..%252F..%252Fx.txt'],
    ['a double-encoded slash in one segment', '/assets/storage/..%252F..%252Fx.txt'],
    ['encoded empty segments', '/assets/storage/iso/docs%2F%2Fx.txt'],
    ['an encoded backslash', '/assets/storage/iso/docs/..%5C..%5Cx.txt'],
    ['an empty segment', '/assets/storage/iso/docs//x.txt'],
    ['a fullwidth traversal', `/assets/storage/iso/docs/${encodeURIComponent('．．')}/x.txt`],
    ['an encoded NUL', '/assets/storage/iso/docs/x%00.txt'],
    ['a bad solution name', '/assets/storage/Iso/docs/x.txt'],
  ])('should reject %s with a 400 before any I/O', async (_label, path) => {
    for (const method of ['PUT', 'GET', 'DELETE']) {
      const res = await raw(
        method,
        path,
        method === 'PUT' ? { ...as(alice), 'content-type': 'text/plain' } : as(alice),
        method === 'PUT' ? 'evil' : undefined,
      );
      expect([method, res.status]).toEqual([method, 400]);
      expect(JSON.parse(res.body).error.code).toBe('INVALID_REQUEST');
    }
  });

  it('should answer 413 over STORAGE_MAX_OBJECT_BYTES, declared or streamed', async () => {
    const big = Buffer.alloc(2 * 1024 * 1024 + 1, 1);
    const res = await request(http)
      .put('/assets/storage/sol/docs/big.bin')
      .set(as(alice))
      .send(big)
      .expect(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    await request(http).head('/assets/storage/sol/docs/big.bin').set(as(alice)).expect(404);
  });

  it('should delete with 204, idempotently, then 404 on GET', async () => {
    await request(http)
      .put('/assets/storage/sol/docs/del.txt')
      .set(as(alice))
      .send(Buffer.from('x'))
      .expect(201);
    await request(http).delete('/assets/storage/sol/docs/del.txt').set(as(alice)).expect(204);
    await request(http).delete('/assets/storage/sol/docs/del.txt').set(as(alice)).expect(204);
    const res = await request(http).get('/assets/storage/sol/docs/del.txt').set(as(alice)).expect(404);
    expect(res.body.error.code).toBe('RESOURCE_NOT_FOUND');
  });

  describe('authentication and authorization on every route', () => {
    const routes: [string, string][] = [
      ['PUT', '/assets/storage/sol/docs/auth.txt'],
      ['GET', '/assets/storage/sol/docs/auth.txt'],
      ['HEAD', '/assets/storage/sol/docs/auth.txt'],
      ['DELETE', '/assets/storage/sol/docs/auth.txt'],
      ['GET', '/assets/storage?solution=sol'],
      ['POST', '/assets/files'],
      ['GET', '/assets/files'],
      ['GET', '/assets/files/file:acme:analytics-prod:auth-file'],
      ['DELETE', '/assets/files/file:acme:analytics-prod:auth-file'],
    ];
    const send = (method: string, path: string, headers: Record<string, string>) => {
      const agent = request(http);
      const req =
        method === 'PUT'
          ? agent.put(path)
          : method === 'GET'
            ? agent.get(path)
            : method === 'HEAD'
              ? agent.head(path)
              : method === 'DELETE'
                ? agent.delete(path)
                : agent.post(path);
      req.set(headers);
      return method === 'PUT'
        ? req.send(Buffer.from('x'))
        : method === 'POST'
          ? req.field('key', 'docs/a.txt').field('name', 'A').attach('file', Buffer.from('x'), 'a.txt')
          : req;
    };

    it.each(routes)('should answer 401 without a token: %s %s', async (method, path) => {
      const res = await send(method, path, { 'x-project-id': PROJECT });
      expect(res.status).toBe(401);
    });

    it.each(routes)('should answer 400 without X-Project-ID: %s %s', async (method, path) => {
      const res = await send(method, path, as(alice, null));
      expect(res.status).toBe(400);
    });

    it.each(routes)(
      'should answer 404 to another org and to an org member without project access: %s %s',
      async (method, path) => {
        expect((await send(method, path, as(mallory))).status).toBe(404);
        expect((await send(method, path, as(bob))).status).toBe(404);
      },
    );

    it.each(routes.filter(([m]) => m === 'PUT' || m === 'DELETE' || m === 'POST'))(
      'should answer 403 to a viewer on writes: %s %s',
      async (method, path) => {
        const res = await send(method, path, as(victor));
        expect(res.status).toBe(403);
      },
    );

    it('should let a viewer read', async () => {
      await request(http)
        .put('/assets/storage/sol/docs/viewer.txt')
        .set(as(alice))
        .send(Buffer.from('read me'))
        .expect(201);
      const res = await text(request(http).get('/assets/storage/sol/docs/viewer.txt').set(as(victor))).expect(
        200,
      );
      expect(res.body).toBe('read me');
    });
  });

  describe('POST /assets/files', () => {
    it('should store the file under the tenant prefix and return its metadata', async () => {
      const res = await request(http)
        .post('/assets/files')
        .set(as(alice))
        .field('key', 'reports/q1.csv')
        .field('name', 'Quarterly Report Q1')
        .field('description', 'Numbers')
        .field('tags', 'finance, quarterly')
        .attach('file', Buffer.from('a,b\n1,2\n'), { filename: 'q1.csv', contentType: 'text/csv' })
        .expect(201);
      expect(res.body).toEqual({
        resource_uri: `file:acme:${PROJECT}:quarterly-report-q1`,
        url: '/assets/storage/files/reports/q1.csv',
        key: 'reports/q1.csv',
        name: 'Quarterly Report Q1',
        message: 'File uploaded',
        size: 8,
        content_type: 'text/csv',
      });
      const got = await text(request(http).get(res.body.url).set(as(alice))).expect(200);
      expect(got.body).toBe('a,b\n1,2\n');
      expect(got.headers['content-type']).toBe('text/csv');
      await expect(readdir(join(root, 'acme', PROJECT, 'files', 'reports'))).resolves.toEqual(['q1.csv']);
    });

    it('should answer 409 on a duplicate resource URI and leave the first file intact', async () => {
      const upload = (key: string, uri?: string) => {
        const req = request(http).post('/assets/files').set(as(alice)).field('key', key).field('name', 'Dup');
        if (uri) req.field('resource_uri', uri);
        return req.attach('file', Buffer.from(key), 'dup.txt');
      };
      await upload('dups/one.txt').expect(201);
      const dup = await upload('dups/two.txt').expect(409);
      expect(dup.body.error.code).toBe('RESOURCE_ALREADY_EXISTS');
      await request(http).head('/assets/storage/files/dups/two.txt').set(as(alice)).expect(404);
      await upload('dups/one.txt', `file:acme:${PROJECT}:other-name`).expect(409);
      await upload('dups/three.txt', `file:globex:${PROJECT}:stolen`).expect(422);
    });

    it('should validate fields and keys before storing anything', async () => {
      const base = () => request(http).post('/assets/files').set(as(alice));
      const empty = await base()
        .field('key', 'docs/a.txt')
        .field('name', '')
        .attach('file', Buffer.from('x'), 'a.txt')
        .expect(422);
      // One shape for validation details: the field, and what is wrong without repeating its name.
      expect(empty.body.error.details).toEqual({
        fields: [{ field: 'name', message: 'must be 1 to 255 characters' }],
      });
      const several = await base()
        .field('name', '')
        .field('tags', 't'.repeat(65))
        .attach('file', Buffer.from('x'), 'a.txt')
        .expect(422);
      expect(several.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual([
        'key',
        'name',
        'tags',
      ]);
      await base()
        .field('key', 'docs/a.txt')
        .field('name', 'n'.repeat(256))
        .attach('file', Buffer.from('x'), 'a.txt')
        .expect(422);
      await base()
        .field('key', 'docs/a.txt')
        .field('name', 'ok')
        .field('description', 'd'.repeat(1001))
        .attach('file', Buffer.from('x'), 'a.txt')
        .expect(422);
      await base()
        .field('key', '../../globex/x.txt')
        .field('name', 'evil')
        .attach('file', Buffer.from('x'), 'a.txt')
        .expect(400);
      const nofile = await base().field('key', 'docs/nofile.txt').field('name', 'nofile').expect(422);
      expect(nofile.body.error.details).toEqual({
        fields: [{ field: 'file', message: 'is required (send key and name before it)' }],
      });
      await base().set('content-type', 'application/json').send({ key: 'x' }).expect(400);
      await expect(readdir(join(root, 'globex')).catch(() => [])).resolves.toEqual([]);
    });

    it('should leave no bytes and no row when an upload fails after its bytes were written', async () => {
      await request(http)
        .post('/assets/files')
        .set(as(alice))
        .field('key', 'twice/a.txt')
        .field('name', 'Twice')
        .attach('file', Buffer.from('first'), 'a.txt')
        .attach('file', Buffer.from('second'), 'b.txt')
        .expect(422);
      await request(http).head('/assets/storage/files/twice/a.txt').set(as(alice)).expect(404);
      // The key and the URI are free again: nothing was left reserved.
      await request(http)
        .post('/assets/files')
        .set(as(alice))
        .field('key', 'twice/a.txt')
        .field('name', 'Twice')
        .attach('file', Buffer.from('ok'), 'a.txt')
        .expect(201);
    });

    it('should reserve the key before writing: a concurrent upload of it gets 409 and cannot overwrite', async () => {
      const { port } = http.address() as AddressInfo;
      const boundary = 'assets-e2e-boundary';
      const head = [
        `--${boundary}\r\nContent-Disposition: form-data; name="key"\r\n\r\nrace/same.bin\r\n`,
        `--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nRace one\r\n`,
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="same.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ].join('');
      const first = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/assets/files',
        headers: { ...as(alice), 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
      const firstDone = new Promise<{ status: number; body: string }>((resolve, reject) => {
        first.on('response', (res) => {
          let body = '';
          res.on('data', (d: Buffer) => (body += d.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        first.on('error', reject);
      });
      first.write(head);
      first.write(Buffer.alloc(64 * 1024, 1));
      // Wait until the first upload holds its reservation (a duplicate sent earlier could win the race).
      await until(
        async () =>
          (
            await app
              .get(DataSource)
              .query(`SELECT 1 FROM files WHERE project_id = $1 AND key = 'race/same.bin'`, [PROJECT])
          ).length > 0,
        'the reservation',
      );
      for (let i = 0; i < 100; i++) {
        const dup = await request(http)
          .post('/assets/files')
          .set(as(alice))
          .field('key', 'race/same.bin')
          .field('name', 'Race two')
          .attach('file', Buffer.from('intruder'), 'same.bin');
        if (dup.status === 409) break;
        expect(dup.status).not.toBe(201);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      first.end(Buffer.concat([Buffer.alloc(64 * 1024, 1), Buffer.from(`\r\n--${boundary}--\r\n`)]));
      const done = await firstDone;
      expect(done.status).toBe(201);
      expect(JSON.parse(done.body)).toMatchObject({ key: 'race/same.bin', size: 128 * 1024 });
      const got = await request(http)
        .get('/assets/storage/files/race/same.bin')
        .set(as(alice))
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect((got.body as Buffer).equals(Buffer.alloc(128 * 1024, 1))).toBe(true);
    });

    it('should sweep uploads abandoned mid-way: their bytes and their reservation', async () => {
      await app
        .get<ObjectStore>(DEFAULT_OBJECT_STORE)
        .put(`acme/${PROJECT}/files/stale/left.bin`, Buffer.from('partial'));
      const dataSource = app.get(DataSource);
      await dataSource.query(
        `INSERT INTO files (id, org_id, project_id, resource_uri, name, key, storage_key, content_type, size, created_by, status, updated_at)
         VALUES (gen_random_uuid(), 'acme', $1, $2, 'Stale', 'stale/left.bin', $3, 'application/octet-stream', 0, 'alice', 'uploading', now() - interval '2 hours')`,
        [PROJECT, `file:acme:${PROJECT}:stale`, `acme/${PROJECT}/files/stale/left.bin`],
      );
      await app.get(StorageJanitor).sweep();
      await request(http).head('/assets/storage/files/stale/left.bin').set(as(alice)).expect(404);
      await expect(
        dataSource.query(`SELECT 1 FROM files WHERE resource_uri = $1`, [`file:acme:${PROJECT}:stale`]),
      ).resolves.toEqual([]);
    });

    it('should answer 413 over STORAGE_MAX_UPLOAD_BYTES', async () => {
      const res = await request(http)
        .post('/assets/files')
        .set(as(alice))
        .field('key', 'big/file.bin')
        .field('name', 'Too big')
        .attach('file', Buffer.alloc(3 * 1024 * 1024 + 1), 'big.bin')
        .expect(413);
      expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
      await request(http).head('/assets/storage/files/big/file.bin').set(as(alice)).expect(404);
    });
  });

  describe('failed uploads leave nothing behind', () => {
    it('should delete the temp file of a POST /assets/files rejected with 413 before answering', async () => {
      const res = await request(http)
        .post('/assets/files')
        .set(as(alice))
        .field('key', 'big/temp.bin')
        .field('name', 'Too big temp')
        .attach('file', Buffer.alloc(6 * 1024 * 1024), 'big.bin')
        .expect(413);
      expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
      await settled();
      await expect(leftovers()).resolves.toEqual([]);
    });

    it('should answer 413 in the envelope to a PUT over the limit while streaming, and delete its temp file', async () => {
      const { req, response } = streamed('PUT', '/assets/storage/sol/big/streamed.bin', {
        ...as(alice),
        'transfer-encoding': 'chunked',
      });
      req.write(Buffer.alloc(2 * 1024 * 1024, 1));
      req.write(Buffer.alloc(64 * 1024, 2));
      const res = await response;
      req.destroy();
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body).error.code).toBe('PAYLOAD_TOO_LARGE');
      await expect(leftovers()).resolves.toEqual([]);
      await request(http).head('/assets/storage/sol/big/streamed.bin').set(as(alice)).expect(404);
    });

    it('should delete the partial file of a PUT the client aborts', async () => {
      const { req } = streamed('PUT', '/assets/storage/sol/big/aborted.bin', {
        ...as(alice),
        'content-length': String(2 * 1024 * 1024),
      });
      req.write(Buffer.alloc(1536 * 1024, 3));
      // The server has written part of it to disk.
      await until(async () => (await leftovers()).length > 0, 'the upload to reach the disk');
      req.destroy();
      await settled();
      await expect(leftovers()).resolves.toEqual([]);
      await request(http).head('/assets/storage/sol/big/aborted.bin').set(as(alice)).expect(404);
    });

    it('should delete the partial bytes and the reservation of a POST /assets/files the client aborts', async () => {
      const { req } = streamed('POST', '/assets/files', multipartHeaders(alice));
      req.write(multipartHead('aborted/file.bin', 'Aborted file'));
      req.write(Buffer.alloc(1536 * 1024, 4));
      await until(async () => (await leftovers()).length > 0, 'the upload to reach the disk');
      req.destroy();
      await settled();
      await expect(leftovers()).resolves.toEqual([]);
      await expect(
        app.get(DataSource).query(`SELECT status FROM files WHERE key = 'aborted/file.bin'`),
      ).resolves.toEqual([]);
      await request(http)
        .post('/assets/files')
        .set(as(alice))
        .field('key', 'aborted/file.bin')
        .field('name', 'Aborted file')
        .attach('file', Buffer.from('ok'), 'f.bin')
        .expect(201);
    });
  });

  describe('reservations of uploads in progress', () => {
    /** Starts a file upload, sends half of its bytes and waits until the key is reserved. */
    const startUpload = async (key: string) => {
      const upload = streamed('POST', '/assets/files', multipartHeaders(alice));
      upload.req.write(multipartHead(key, `Upload of ${key}`));
      upload.req.write(Buffer.alloc(64 * 1024, 5));
      await until(async () => (await rowsOf(key)).length > 0, 'the reservation');
      return {
        ...upload,
        finish: () => upload.req.end(Buffer.concat([Buffer.alloc(64 * 1024, 5), Buffer.from(multipartTail)])),
      };
    };
    const rowsOf = (key: string): Promise<{ status: string; size: string }[]> =>
      app
        .get(DataSource)
        .query(`SELECT status, size FROM files WHERE project_id = $1 AND key = $2`, [PROJECT, key]);
    /** As if `hours` passed since the reservation was last refreshed. */
    const age = (key: string, hours: number) =>
      app
        .get(DataSource)
        .query(
          `UPDATE files SET updated_at = now() - make_interval(hours => $3) WHERE project_id = $1 AND key = $2`,
          [PROJECT, key, hours],
        );

    it('should keep refreshing a live upload, so that the janitor leaves it alone however long it streams', async () => {
      const upload = await startUpload('live/long.bin');
      // Two hours of streaming: the row ages, and the heartbeat ticks as it does every minute.
      await age('live/long.bin', 2);
      await app.get(UploadHeartbeat).beat();
      await app.get(StorageJanitor).sweep();
      upload.finish();
      const res = await upload.response;
      expect(res.status).toBe(201);
      await expect(rowsOf('live/long.bin')).resolves.toEqual([{ status: 'ready', size: String(128 * 1024) }]);
      await request(http).head('/assets/storage/files/live/long.bin').set(as(alice)).expect(200);
    });

    it('should not report success when the janitor took its reservation, and leave the key to its new owner', async () => {
      const upload = await startUpload('taken/file.bin');
      // The process stalled (no heartbeat) past the janitor's threshold.
      await age('taken/file.bin', 2);
      await app.get(StorageJanitor).sweep();
      await expect(rowsOf('taken/file.bin')).resolves.toEqual([]);
      await request(http)
        .post('/assets/files')
        .set(as(alice))
        .field('key', 'taken/file.bin')
        .field('name', 'New owner')
        .attach('file', Buffer.from('second owner'), 'f.bin')
        .expect(201);
      upload.finish();
      const res = await upload.response;
      expect(res.status).toBe(409);
      expect(JSON.parse(res.body).error.code).toBe('RESOURCE_ALREADY_EXISTS');
      await settled();
      const got = await text(request(http).get('/assets/storage/files/taken/file.bin').set(as(alice))).expect(
        200,
      );
      expect(got.body).toBe('second owner');
      await expect(rowsOf('taken/file.bin')).resolves.toEqual([{ status: 'ready', size: '12' }]);
      await expect(leftovers()).resolves.toEqual([]);
    });

    it(
      'should abort an upload as soon as a heartbeat finds its reservation gone, and delete its partial bytes',
      onOneReplica(async () => {
        const upload = await startUpload('gone/file.bin');
        await age('gone/file.bin', 2);
        await app.get(StorageJanitor).sweep();
        await app.get(UploadHeartbeat).beat();
        // Answered while the client is still sending.
        const res = await upload.response;
        upload.req.destroy();
        expect(res.status).toBe(409);
        await settled();
        await expect(leftovers()).resolves.toEqual([]);
        await request(http).head('/assets/storage/files/gone/file.bin').set(as(alice)).expect(404);
      }),
    );
  });

  describe('file records', () => {
    const upload = (key: string, name: string, body: string) =>
      request(http)
        .post('/assets/files')
        .set(as(alice))
        .field('key', key)
        .field('name', name)
        .attach('file', Buffer.from(body), 'f.bin')
        .expect(201);

    it('should list and get a file with the URL its bytes are read at', async () => {
      const up = await upload('records/listed.txt', 'Listed file', 'listed');
      const page = await request(http).get('/assets/files?limit=100').set(as(alice)).expect(200);
      const listed = page.body.data.find(
        (f: { resource_uri: string }) => f.resource_uri === up.body.resource_uri,
      );
      expect(listed).toMatchObject({
        key: 'records/listed.txt',
        name: 'Listed file',
        size: 6,
        url: up.body.url,
        connection_uri: null,
        created_by: 'alice',
      });
      expect(page.body.pagination).toMatchObject({ page: 1, limit: 100 });
      const one = await request(http)
        .get(`/assets/files/${up.body.resource_uri}`)
        .set(as(victor))
        .expect(200);
      expect(one.body).toEqual(listed);
      // Another project of the same org sees neither the record nor its existence.
      await request(http)
        .get(`/assets/files/${up.body.resource_uri}`)
        .set(as(alice, OTHER_PROJECT))
        .expect(404);
      const other = await request(http)
        .get('/assets/files?limit=100')
        .set(as(alice, OTHER_PROJECT))
        .expect(200);
      expect(other.body.data.map((f: { resource_uri: string }) => f.resource_uri)).not.toContain(
        up.body.resource_uri,
      );
      await request(http)
        .delete(`/assets/files/${up.body.resource_uri}`)
        .set(as(alice, OTHER_PROJECT))
        .expect(404);
      await text(request(http).get(up.body.url).set(as(alice))).expect(200);
    });

    it('should delete the bytes and the record together, then free the key', async () => {
      const up = await upload('records/deleted.txt', 'Deleted file', 'to be deleted');
      await request(http)
        .delete(`/assets/files/${encodeURIComponent(up.body.resource_uri)}`)
        .set(as(victor))
        .expect(403);
      await request(http)
        .delete(`/assets/files/${encodeURIComponent(up.body.resource_uri)}`)
        .set(as(alice))
        .expect(204);
      await request(http).get(up.body.url).set(as(alice)).expect(404);
      await request(http).get(`/assets/files/${up.body.resource_uri}`).set(as(alice)).expect(404);
      await request(http).delete(`/assets/files/${up.body.resource_uri}`).set(as(alice)).expect(404);
      await expect(readdir(join(root, 'acme', PROJECT, 'files', 'records'))).resolves.not.toContain(
        'deleted.txt',
      );
      await upload('records/deleted.txt', 'Deleted file', 'second life');
    });

    it(
      'should keep the record when its bytes cannot be deleted',
      onOneReplica(async () => {
        const up = await upload('records/stuck.txt', 'Stuck file', 'stuck');
        const store = app.get<ObjectStore>(DEFAULT_OBJECT_STORE);
        const original = store.delete.bind(store);
        // What the OpenDAL adapter throws when the backend is unreachable.
        store.delete = () =>
          Promise.reject(
            mapOpenDalError(new Error('Unexpected (temporary) at delete, context: { service: fs }')),
          );
        try {
          const res = await request(http).delete(`/assets/files/${up.body.resource_uri}`).set(as(alice));
          expect(res.status).toBe(503);
          expect(res.body.error.code).toBe('SERVICE_UNAVAILABLE');
        } finally {
          store.delete = original;
        }
        await request(http).get(`/assets/files/${up.body.resource_uri}`).set(as(alice)).expect(200);
        expect((await text(request(http).get(up.body.url).set(as(alice))).expect(200)).body).toBe('stuck');
      }),
    );

    it('should answer 409 for a file still being uploaded', async () => {
      const upload = streamed('POST', '/assets/files', multipartHeaders(alice));
      upload.req.write(multipartHead('records/in-flight.bin', 'In flight'));
      upload.req.write(Buffer.alloc(1024));
      const uri = 'file:acme:analytics-prod:in-flight';
      await until(
        async () =>
          (await app.get(DataSource).query(`SELECT 1 FROM files WHERE resource_uri = $1`, [uri])).length > 0,
        'the reservation',
      );
      await request(http).get(`/assets/files/${uri}`).set(as(alice)).expect(409);
      await request(http).delete(`/assets/files/${uri}`).set(as(alice)).expect(409);
      upload.req.end(multipartTail);
      expect((await upload.response).status).toBe(201);
    });
  });

  describe('the files area belongs to the files API', () => {
    it('should refuse raw PUT and DELETE under files/ with 409, whatever the spelling, and keep the file intact', async () => {
      const up = await request(http)
        .post('/assets/files')
        .set(as(alice))
        .field('key', 'owned/report.csv')
        .field('name', 'Owned report')
        .attach('file', Buffer.from('original'), 'r.csv')
        .expect(201);
      const put = await request(http)
        .put('/assets/storage/files/owned/report.csv')
        .set(as(alice))
        .send(Buffer.from('replaced behind its back'))
        .expect(409);
      expect(put.body.error.code).toBe('RESOURCE_ALREADY_EXISTS');
      expect(put.body.error.message).toMatch(/files API/);
      const del = await request(http)
        .delete('/assets/storage/files/owned/report.csv')
        .set(as(alice))
        .expect(409);
      expect(del.body.error.code).toBe('RESOURCE_ALREADY_EXISTS');
      // Percent-encoded, and keys the files API never registered: one rule for the whole area.
      expect((await raw('PUT', '/assets/storage/%66iles/owned/report.csv', as(alice), 'x')).status).toBe(409);
      expect((await raw('DELETE', '/assets/storage/%66iles/owned/report.csv', as(alice))).status).toBe(409);
      await request(http)
        .put('/assets/storage/files/unregistered/x.bin')
        .set(as(alice))
        .send(Buffer.from('x'))
        .expect(409);
      await request(http).delete('/assets/storage/files/unregistered/x.bin').set(as(alice)).expect(409);
      const got = await text(request(http).get(up.body.url).set(as(alice))).expect(200);
      expect(got.body).toBe('original');
      await expect(
        app
          .get(DataSource)
          .query(`SELECT size FROM files WHERE project_id = $1 AND key = 'owned/report.csv'`, [PROJECT]),
      ).resolves.toEqual([{ size: '8' }]);
      await request(http).head('/assets/storage/files/unregistered/x.bin').set(as(alice)).expect(404);
    });
  });
});

function govHttpOf(h: AssetsHarness) {
  return h.governance.app.getHttpServer();
}
