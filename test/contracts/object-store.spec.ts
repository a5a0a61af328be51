import { jest } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import { AppException, DependencyUnavailableError, ErrorCode } from '@app/core';
import {
  createObjectStoreFromSpec,
  LOCAL_META_DIR,
  LOCAL_UPLOADS_DIR,
  objectStoreFromConnection,
  OpenDalObjectStore,
} from '@app/storage';
import { startFakeGcs, type RunningFakeGcs } from '@app/testing';
import { objectStoreContract } from './object-store.contract.js';

const require = createRequire(import.meta.url);

/** The slice of s3rver's API used here (the package ships no types). */
interface S3rver {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => S3rver;
const S3RVER_KEY = 'S3RVER';
const AZURITE_ACCOUNT = 'devstoreaccount1';
// Azurite's documented, public development key.
const AZURITE_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

jest.setTimeout(60_000);

describe('OpenDalObjectStore (fs)', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'obstore-fs-'));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  objectStoreContract('fs', async () => createObjectStoreFromSpec({ backend: 'local', root }), {});

  it('should delete the temp file of an upload that fails, whatever failed, before it rejects', async () => {
    const dir = join(root, 'failures');
    const store = createObjectStoreFromSpec({ backend: 'local', root: dir });
    const temp = join(dir, LOCAL_UPLOADS_DIR);
    async function* interrupted() {
      for (let i = 0; i < 6; i++) yield Buffer.alloc(512 * 1024, i);
      throw new Error('client went away');
    }
    const stalled = () => {
      const body = new Readable({ read() {} });
      body.push(Buffer.alloc(1536 * 1024, 1));
      return body;
    };
    const failures: [string, () => Promise<unknown>][] = [
      ['client abort', () => store.put('acme/p/sol/a.bin', Readable.from(interrupted()))],
      [
        'size limit',
        () => store.put('acme/p/sol/b.bin', Readable.from(interrupted()), { maxBytes: 2 * 1024 * 1024 }),
      ],
      ['idle body', () => store.put('acme/p/sol/c.bin', stalled(), { idleTimeoutMs: 50 })],
      [
        'refused commit',
        () =>
          store.put('acme/p/sol/d.bin', Readable.from([Buffer.alloc(3 * 1024 * 1024)]), {
            commit: () => Promise.reject(new Error('lost')),
          }),
      ],
      [
        'refused commit (buffer)',
        () =>
          store.put('acme/p/sol/e.bin', Buffer.from('x'), {
            commit: () => Promise.reject(new Error('lost')),
          }),
      ],
    ];
    for (const [what, fail] of failures) {
      await expect(fail()).rejects.toBeDefined();
      expect({ what, left: await readdir(temp).catch(() => []) }).toEqual({ what, left: [] });
    }
    await expect(readdir(join(dir, 'acme', 'p', 'sol')).catch(() => [])).resolves.toEqual([]);
  });

  it('should remove temp files a crashed process left behind once idle, and only those', async () => {
    const dir = join(root, 'janitor');
    const store = createObjectStoreFromSpec({ backend: 'local', root: dir });
    const temp = join(dir, LOCAL_UPLOADS_DIR);
    await mkdir(temp, { recursive: true });
    await writeFile(join(temp, 'crashed'), Buffer.alloc(1024));
    // Still fresh: it could be a live upload.
    await expect(store.removeAbandonedUploads(60_000)).resolves.toBe(0);
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await utimes(join(temp, 'crashed'), twoHoursAgo, twoHoursAgo);
    await expect(store.removeAbandonedUploads(60_000)).resolves.toBe(1);
    await expect(readdir(temp)).resolves.toEqual([]);
    // A slow upload of this store whose file has not changed for two hours is still live.
    const slow = new Readable({ read() {} });
    slow.push(Buffer.alloc(1536 * 1024, 1));
    const controller = new AbortController();
    const put = store.put('acme/p/sol/slow.bin', slow, { signal: controller.signal });
    for (let i = 0; i < 500 && (await readdir(temp)).length === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    const [live] = await readdir(temp);
    await utimes(join(temp, live), twoHoursAgo, twoHoursAgo);
    await expect(store.removeAbandonedUploads(60_000)).resolves.toBe(0);
    controller.abort(new Error('done'));
    await expect(put).rejects.toThrow('done');
    await expect(readdir(temp)).resolves.toEqual([]);
  });

  describe('content types on the local disk (sidecars)', () => {
    const sidecars = async (dir: string) =>
      (await readdir(join(dir, LOCAL_META_DIR), { recursive: true, withFileTypes: true }).catch(() => []))
        .filter((entry) => entry.isFile())
        .map((entry) => entry.name);

    it('should keep them across a restart, and delete them with their object', async () => {
      const dir = join(root, 'types-restart');
      const first = createObjectStoreFromSpec({ backend: 'local', root: dir });
      await first.put('acme/p/sol/docs/a.md', Buffer.from('# a'), { contentType: 'text/markdown' });
      expect(await sidecars(dir)).toHaveLength(1);
      // A new process over the same root.
      const second = createObjectStoreFromSpec({ backend: 'local', root: dir });
      await expect(second.head('acme/p/sol/docs/a.md')).resolves.toMatchObject({
        contentType: 'text/markdown',
      });
      await second.delete('acme/p/sol/docs/a.md');
      expect(await sidecars(dir)).toEqual([]);
    });

    it('should never list them, nor let a key address them or the temp files', async () => {
      const dir = join(root, 'types-hidden');
      const store = createObjectStoreFromSpec({ backend: 'local', root: dir });
      await store.put('acme/p/sol/docs/a.txt', Buffer.from('a'), { contentType: 'text/plain' });
      const [name] = await sidecars(dir);
      const everything = await store.list({ prefix: '', limit: 100 });
      expect(everything.items.map((i) => i.key)).toEqual(['acme/p/sol/docs/a.txt']);
      for (const reserved of [`${LOCAL_META_DIR}/${name.slice(0, 2)}/${name}`, `${LOCAL_UPLOADS_DIR}/x`]) {
        for (const call of [
          () => store.head(reserved),
          () => store.get(reserved),
          () => store.put(reserved, Buffer.from('{}')),
          () => store.delete(reserved),
          () => store.copy('acme/p/sol/docs/a.txt', reserved),
        ])
          await expect(call()).rejects.toMatchObject({ code: ErrorCode.INVALID_REQUEST });
      }
      expect(await sidecars(dir)).toEqual([name]);
    });

    it('should report no type, never a wrong one, when the object changed behind the store', async () => {
      const dir = join(root, 'types-stale');
      const store = createObjectStoreFromSpec({ backend: 'local', root: dir });
      await store.put('acme/p/sol/docs/x.bin', Buffer.from('{"a":1}'), { contentType: 'application/json' });
      await writeFile(join(dir, 'acme/p/sol/docs/x.bin'), 'now an image, written past the store');
      await expect(store.head('acme/p/sol/docs/x.bin')).resolves.toMatchObject({ contentType: null });
    });
  });

  it('should never write outside its root, even when a key is not checked by the caller', async () => {
    const store = createObjectStoreFromSpec({ backend: 'local', root: join(root, 'inner') });
    await expect(store.put('../outside.txt', Buffer.from('x'))).rejects.toMatchObject({
      code: ErrorCode.INVALID_REQUEST,
    });
    await expect(readdir(root)).resolves.not.toContain('outside.txt');
  });
});

describe('OpenDalObjectStore (s3 via s3rver)', () => {
  let server: S3rver;
  let dir: string;
  let endpoint: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 's3rver-'));
    server = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: dir,
      configureBuckets: [{ name: 'bucket', configs: [] }],
    });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  objectStoreContract(
    's3',
    async () =>
      createObjectStoreFromSpec({
        backend: 's3',
        bucket: 'bucket',
        region: 'us-east-1',
        endpoint,
        accessKey: S3RVER_KEY,
        secretKey: S3RVER_KEY,
        pathStyle: true,
        ambientCredentials: false,
      }),
    {},
  );

  it('should build a MinIO-style store from a connection and use the credentials of each call', async () => {
    const connection = (secretKey: string) => ({
      type: 'minio' as const,
      config: { bucket: 'bucket', endpoint, region: 'us-east-1', prefix: 'tenants/acme' },
      credentials: { access_key: secretKey === S3RVER_KEY ? S3RVER_KEY : 'ROTATED', secret_key: secretKey },
    });
    await objectStoreFromConnection(connection(S3RVER_KEY)).put('acme/p1/sol/t/a.txt', Buffer.from('v1'));
    // Rotated (here: wrong) credentials apply on the very next call: nothing was cached.
    const error = await objectStoreFromConnection(connection('rotated-away'))
      .head('acme/p1/sol/t/a.txt')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DependencyUnavailableError);
    expect(JSON.stringify((error as AppException).details)).not.toContain('rotated-away');
    await expect(
      objectStoreFromConnection(connection(S3RVER_KEY)).head('acme/p1/sol/t/a.txt'),
    ).resolves.toMatchObject({ size: 2 });
    // The connection prefix is the root: the object sits below it in the bucket.
    const bucketView = objectStoreFromConnection({
      ...connection(S3RVER_KEY),
      config: { bucket: 'bucket', endpoint, path_style: true },
    });
    await expect(bucketView.head('tenants/acme/acme/p1/sol/t/a.txt')).resolves.toMatchObject({ size: 2 });
  });

  it('should reject a connection without a bucket', () => {
    expect(() =>
      objectStoreFromConnection({ type: 's3', config: { region: 'us-east-1' }, credentials: {} }),
    ).toThrow(AppException);
  });
});

describe('OpenDalObjectStore (azblob via azurite)', () => {
  let child: ChildProcess;
  let endpoint: string;

  beforeAll(async () => {
    const main = require.resolve('azurite/dist/src/blob/main.js');
    child = spawn(
      process.execPath,
      [
        main,
        '--blobHost',
        '127.0.0.1',
        '--blobPort',
        '0',
        '--inMemoryPersistence',
        '--disableTelemetry',
        '--skipApiVersionCheck',
        '--loose',
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const port = await new Promise<number>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`azurite did not start: ${output}`)), 30_000);
      child.stdout!.on('data', (data: Buffer) => {
        output += data.toString();
        const match = /listens on http:\/\/[^:]+:(\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      child.once('exit', (code) => reject(new Error(`azurite exited with ${code}: ${output}`)));
    });
    endpoint = `http://127.0.0.1:${port}/${AZURITE_ACCOUNT}`;
    const service = new BlobServiceClient(
      endpoint,
      new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_KEY),
    );
    await service.getContainerClient('container').create();
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  objectStoreContract(
    'azblob',
    async () =>
      objectStoreFromConnection({
        type: 'azure_blob',
        config: { account_name: AZURITE_ACCOUNT, container: 'container', endpoint },
        credentials: { account_key: AZURITE_KEY },
      }),
    { keepsContentTypeOnMultipart: false },
  );

  it('should require an account key or a SAS token', () => {
    expect(() =>
      objectStoreFromConnection({
        type: 'azure_blob',
        config: { account_name: AZURITE_ACCOUNT, container: 'container', endpoint },
        credentials: {},
      }),
    ).toThrow(AppException);
  });
});

describe('OpenDalObjectStore (gcs via the fake GCS JSON API)', () => {
  let gcs: RunningFakeGcs;

  beforeAll(async () => {
    gcs = await startFakeGcs({ bucket: 'bucket' });
  });

  afterAll(async () => {
    expect(gcs.unhandled).toEqual([]);
    await gcs.close();
  });

  objectStoreContract(
    'gcs',
    async () =>
      objectStoreFromConnection({
        type: 'gcs',
        config: { bucket: 'bucket', endpoint: gcs.url },
        credentials: { access_token: gcs.token },
      }),
    {},
  );

  it('should fail with 503, not leak the token, when the credentials are refused', async () => {
    const store = objectStoreFromConnection({
      type: 'gcs',
      config: { bucket: 'bucket', endpoint: gcs.url },
      credentials: { access_token: 'wrong-token' },
    });
    expect(store).toBeInstanceOf(OpenDalObjectStore);
    const error = (await store.head('a/b/c').catch((e: unknown) => e)) as AppException;
    expect(error.code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
    expect(JSON.stringify({ m: error.message, d: error.details })).not.toContain('wrong-token');
  });
});
