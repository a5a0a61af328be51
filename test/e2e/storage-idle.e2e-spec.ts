import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { LOCAL_UPLOADS_DIR } from '@app/storage';
import { UploadSlots } from '../../apps/assets/src/storage/upload-slots.js';
import { startStorageTenant, type StorageTenant, streamedRequests } from '../support/storage-fixtures.js';

const PROJECT = 'analytics-prod';
const IDLE_MS = 1000;
const BOUNDARY = 'assets-idle-boundary';

/** Uploads whose client stops sending: STORAGE_UPLOAD_IDLE_TIMEOUT_MS, here a short one. */
describe('Storage uploads: idle timeout (e2e)', () => {
  let tenant: StorageTenant;
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;

  const as = () => tenant.as();

  const requests = streamedRequests(() => http);
  const { streamed } = requests;
  afterEach(() => requests.destroyAll());
  const multipartHeaders = () => ({ ...as(), 'content-type': `multipart/form-data; boundary=${BOUNDARY}` });
  const field = (name: string, value: string) =>
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const fileHead = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="f.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const leftovers = () => readdir(join(tenant.localRoot, LOCAL_UPLOADS_DIR)).catch(() => [] as string[]);
  const settled = () => Promise.all(tenant.h.replicas.map((r) => r.app.get(UploadSlots).drained()));

  beforeAll(async () => {
    tenant = await startStorageTenant({
      org: 'acme',
      project: PROJECT,
      tmpPrefix: 'assets-idle-',
      env: { STORAGE_UPLOAD_IDLE_TIMEOUT_MS: String(IDLE_MS), STORAGE_MAX_CONCURRENT_UPLOADS_PER_ORG: '1' },
    });
    app = tenant.h.app;
    await app.listen({ port: 0, host: '127.0.0.1' });
    http = app.getHttpServer();
  }, 60_000);

  afterAll(async () => {
    await tenant?.close();
  });

  it('should answer 408 in the envelope to a PUT whose client stops sending mid-body, free its slot and delete its bytes', async () => {
    const { req, response } = streamed('PUT', '/assets/storage/sol/idle/put.bin', {
      ...as(),
      'content-length': String(4 * 1024 * 1024),
    });
    // More than one staging buffer, so part of it is on disk when the client goes quiet.
    req.write(Buffer.alloc(1536 * 1024, 1));
    const res = await response;
    req.destroy();
    expect(res.status).toBe(408);
    expect(JSON.parse(res.body).error).toMatchObject({
      code: 'REQUEST_TIMEOUT',
      status: 408,
      details: { idle_timeout_ms: IDLE_MS },
    });
    expect(res.connection).toBe('close');
    await settled();
    await expect(leftovers()).resolves.toEqual([]);
    await request(http).head('/assets/storage/sol/idle/put.bin').set(as()).expect(404);
    // The org's only slot is free again.
    await request(http)
      .put('/assets/storage/sol/idle/next.bin')
      .set(as())
      .send(Buffer.from('next'))
      .expect(201);
  });

  it('should answer 408 to a file upload whose client stops inside the file, and leave no bytes and no row', async () => {
    const { req, response } = streamed('POST', '/assets/files', multipartHeaders());
    req.write(field('key', 'idle/file.bin') + field('name', 'Idle file') + fileHead);
    req.write(Buffer.alloc(1536 * 1024, 2));
    const res = await response;
    req.destroy();
    expect(res.status).toBe(408);
    expect(JSON.parse(res.body).error.code).toBe('REQUEST_TIMEOUT');
    await settled();
    await expect(leftovers()).resolves.toEqual([]);
    await expect(
      app.get(DataSource).query(`SELECT 1 FROM files WHERE key = 'idle/file.bin'`),
    ).resolves.toEqual([]);
    await request(http)
      .post('/assets/files')
      .set(as())
      .field('key', 'idle/file.bin')
      .field('name', 'Idle file')
      .attach('file', Buffer.from('ok'), 'f.bin')
      .expect(201);
  });

  it('should answer 408 to a file upload whose client stops between its parts', async () => {
    const { req, response } = streamed('POST', '/assets/files', multipartHeaders());
    req.write(field('key', 'idle/fields.bin'));
    const res = await response;
    req.destroy();
    expect(res.status).toBe(408);
    await settled();
    await request(http)
      .put('/assets/storage/sol/idle/after-fields.bin')
      .set(as())
      .send(Buffer.from('slot free'))
      .expect(201);
  });

  it('should let a slow client through as long as it keeps sending', async () => {
    const { req, response } = streamed('PUT', '/assets/storage/sol/idle/slow.bin', {
      ...as(),
      'content-length': String(16 * 1024),
    });
    // In all longer than the idle timeout, but never silent for a tenth of it.
    for (let i = 0; i < 16; i++) {
      req.write(Buffer.alloc(1024, i));
      await new Promise((resolve) => setTimeout(resolve, IDLE_MS / 10));
    }
    req.end();
    const res = await response;
    expect(res.status).toBe(201);
    expect(JSON.parse(res.body)).toMatchObject({ key: 'sol/idle/slow.bin', size: 16 * 1024 });
  });
});
