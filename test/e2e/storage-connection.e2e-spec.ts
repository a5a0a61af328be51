import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import request from 'supertest';
import { AuditSink } from '@app/audit';
import { createObjectStoreFromSpec } from '@app/storage';
import {
  asText as text,
  S3rver,
  s3rverAccount,
  startStorageTenant,
  type StorageTenant,
  viaConnection,
} from '../support/storage-fixtures.js';

const ORG = 'acme';
const PROJECT = 'analytics-prod';
const BUCKET = 'lake';
const KEY_V1 = { access_key: 'LAKEKEYV1', secret_key: 'lake-secret-v1-3f9a' };
const KEY_V2 = { access_key: 'LAKEKEYV2', secret_key: 'lake-secret-v2-77c1' };
const LAKE = `data:${ORG}:${PROJECT}:shared-lake`;

describe('Storage through ?connection= (e2e)', () => {
  let tenant: StorageTenant;
  let h: StorageTenant['h'];
  let http: StorageTenant['http'];
  let gov: ReturnType<StorageTenant['h']['governance']['app']['getHttpServer']>;
  let s3: S3rver;
  let s3Dir: string;
  let endpoint: string;

  const bearer = (user: string, org = ORG) => h.governance.bearer(user, org);
  const as = (user: string, project = PROJECT, org = ORG) => ({
    authorization: bearer(user, org),
    'x-project-id': project,
  });
  const withConnection = (path: string, connection = LAKE) => viaConnection(path, connection);
  /** Reads the bucket directly, with whichever key currently works. */
  const bucketStore = (credentials: { access_key: string; secret_key: string }) =>
    createObjectStoreFromSpec({
      backend: 's3',
      bucket: BUCKET,
      region: 'us-east-1',
      endpoint,
      accessKey: credentials.access_key,
      secretKey: credentials.secret_key,
      pathStyle: true,
      ambientCredentials: false,
    });
  const auditOf = async (resourceId: string) =>
    (
      await request(gov)
        .get(
          `/governance/audit?action=storage.connection.use&resource_id=${encodeURIComponent(resourceId)}&page_size=100`,
        )
        .set('authorization', bearer('alice'))
        .expect(200)
    ).body.data as Array<{
      actor_id: string;
      project_id: string | null;
      source_service: string;
      request_id: string | null;
      details: { operation?: string };
    }>;

  beforeAll(async () => {
    s3rverAccount.createKeyPair(KEY_V1.access_key, KEY_V1.secret_key);
    s3Dir = await mkdtemp(join(tmpdir(), 's3rver-conn-'));
    s3 = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: s3Dir,
      configureBuckets: [{ name: BUCKET, configs: [] }],
    });
    endpoint = `http://127.0.0.1:${(await s3.run()).port}`;
    tenant = await startStorageTenant({ org: ORG, project: PROJECT, tmpPrefix: 'assets-default-store-' });
    ({ h, http } = tenant);
    gov = h.governance.app.getHttpServer();
    await h.governance.createOrg('globex', 'mallory');
    await request(gov)
      .post('/governance/projects')
      .set('authorization', bearer('mallory', 'globex'))
      .send({ id: 'globex-proj', name: 'globex-proj' })
      .expect(201);
    await request(gov)
      .post('/governance/grants')
      .set('authorization', bearer('alice'))
      .send({ user: 'user:victor', relation: 'viewer', object: `project:${PROJECT}` })
      .expect(201);

    const lake = await request(http)
      .post('/assets/data')
      .set(as('alice'))
      .send({
        name: 'Shared Lake',
        connection_type: 's3',
        storage_config: { bucket: BUCKET, region: 'us-east-1', endpoint, path_style: true },
        credentials: KEY_V1,
      })
      .expect(201);
    expect(lake.body.resource_uri).toBe(LAKE);
  });

  afterAll(async () => {
    await tenant?.close();
    await s3?.close();
    s3rverAccount.revokeAccessKey(KEY_V1.access_key);
    s3rverAccount.revokeAccessKey(KEY_V2.access_key);
    await rm(s3Dir, { recursive: true, force: true });
  });

  it('should PUT and GET through the connection, under the tenant prefix inside its bucket, and not touch the default store', async () => {
    const put = await request(http)
      .put(withConnection('/assets/storage/reports/docs/q1.txt'))
      .set(as('alice'))
      .set('content-type', 'text/plain')
      .send('quarter one')
      .expect(201);
    expect(put.body).toMatchObject({ key: 'reports/docs/q1.txt', size: 11 });
    const get = await text(
      request(http).get(withConnection('/assets/storage/reports/docs/q1.txt')).set(as('alice')),
    ).expect(200);
    expect(get.body).toBe('quarter one');
    expect(get.headers['content-type']).toBe('text/plain');
    // In the bucket at <org>/<project>/<solution>/<key>; the default (local) store has nothing.
    await expect(bucketStore(KEY_V1).head(`${ORG}/${PROJECT}/reports/docs/q1.txt`)).resolves.toMatchObject({
      size: 11,
    });
    expect((await readdir(tenant.localRoot)).filter((entry) => !entry.startsWith('.'))).toEqual([]);
    await request(http).get('/assets/storage/reports/docs/q1.txt').set(as('alice')).expect(404);
  });

  it('should upload a file into the connection (by name) and answer a URL that reads it from there', async () => {
    const res = await request(http)
      .post(`/assets/files?connection=${encodeURIComponent('Shared Lake')}`)
      .set(as('alice'))
      .field('key', 'lake/notes.txt')
      .field('name', 'Lake notes')
      .attach('file', Buffer.from('in the lake'), { filename: 'notes.txt', contentType: 'text/plain' })
      .expect(201);
    // The URL names the connection by its resource URI, whatever the caller passed.
    expect(res.body.url).toBe(`/assets/storage/files/lake/notes.txt?connection=${encodeURIComponent(LAKE)}`);
    const got = await text(request(http).get(res.body.url).set(as('alice'))).expect(200);
    expect(got.body).toBe('in the lake');
    await request(http).get('/assets/storage/files/lake/notes.txt').set(as('alice')).expect(404);
  });

  it('should list, HEAD and DELETE through the connection, and accept the connection name', async () => {
    await request(http)
      .put(withConnection('/assets/storage/reports/docs/q2.txt', 'shared lake'))
      .set(as('alice'))
      .send(Buffer.from('two'))
      .expect(201);
    const list = await request(http)
      .get(withConnection('/assets/storage'))
      .set(as('alice'))
      .query({ solution: 'reports', prefix: 'docs/' })
      .expect(200);
    expect(list.body.data.map((o: { key: string }) => o.key)).toEqual([
      'reports/docs/q1.txt',
      'reports/docs/q2.txt',
    ]);
    const head = await request(http)
      .head(withConnection('/assets/storage/reports/docs/q2.txt', 'Shared Lake'))
      .set(as('alice'))
      .expect(200);
    expect(head.headers['content-length']).toBe('3');
    await request(http)
      .delete(withConnection('/assets/storage/reports/docs/q2.txt'))
      .set(as('alice'))
      .expect(204);
    await request(http)
      .get(withConnection('/assets/storage/reports/docs/q2.txt'))
      .set(as('alice'))
      .expect(404);
  });

  it('should write an object larger than one upload chunk (a multipart upload, every part signed again by the relay)', async () => {
    const big = Buffer.alloc(9 * 1024 * 1024 + 3, 7);
    await request(http)
      .put(withConnection('/assets/storage/reports/docs/big.bin'))
      .set(as('alice'))
      .set('content-type', 'application/octet-stream')
      .send(big)
      .expect(201);
    await expect(bucketStore(KEY_V1).head(`${ORG}/${PROJECT}/reports/docs/big.bin`)).resolves.toMatchObject({
      size: big.length,
    });
    await request(http)
      .delete(withConnection('/assets/storage/reports/docs/big.bin'))
      .set(as('alice'))
      .expect(204);
  });

  it("should round-trip a key with characters SigV4 signs percent-encoded (the relay verifies OpenDAL's signature over it)", async () => {
    const key = "docs/q1 report+final (ü) ~!*'.txt";
    const path = `/assets/storage/reports/${key.split('/').map(encodeURIComponent).join('/')}`;
    await request(http)
      .put(withConnection(path))
      .set(as('alice'))
      .set('content-type', 'text/plain')
      .send('odd')
      .expect(201);
    expect((await text(request(http).get(withConnection(path)).set(as('alice'))).expect(200)).body).toBe(
      'odd',
    );
    const list = await request(http)
      .get(withConnection('/assets/storage'))
      .set(as('alice'))
      .query({ solution: 'reports', prefix: 'docs/q1 report+' })
      .expect(200);
    expect(list.body.data.map((o: { key: string }) => o.key)).toEqual([`reports/${key}`]);
    await request(http).delete(withConnection(path)).set(as('alice')).expect(204);
  });

  it('should audit every use with the operation, the caller and the request id', async () => {
    const res = await request(http)
      .get(withConnection('/assets/storage/reports/docs/q1.txt'))
      .set(as('alice'))
      .expect(200);
    const events = await auditOf(LAKE);
    const mine = events.find((e) => e.request_id === res.headers['x-request-id']);
    expect(mine).toMatchObject({
      actor_id: 'alice',
      project_id: PROJECT,
      source_service: 'assets',
      details: { operation: 'get' },
    });
    expect(events.map((e) => e.details.operation)).toEqual(
      expect.arrayContaining(['put', 'get', 'list', 'head', 'delete']),
    );
    expect(JSON.stringify(events)).not.toContain(KEY_V1.secret_key);
  });

  it('should use rotated credentials on the next call, without a restart', async () => {
    // The old key stops working at the store: the connection fails until its credentials are rotated.
    s3rverAccount.createKeyPair(KEY_V2.access_key, KEY_V2.secret_key);
    s3rverAccount.revokeAccessKey(KEY_V1.access_key);
    const failed = await request(http)
      .get(withConnection('/assets/storage/reports/docs/q1.txt'))
      .set(as('alice'))
      .expect(503);
    expect(JSON.stringify(failed.body)).not.toContain(KEY_V1.secret_key);
    await request(http)
      .patch(`/assets/data/${encodeURIComponent(LAKE)}`)
      .set(as('alice'))
      .send({ credentials: KEY_V2 })
      .expect(200);
    const get = await text(
      request(http).get(withConnection('/assets/storage/reports/docs/q1.txt')).set(as('alice')),
    ).expect(200);
    expect(get.body).toBe('quarter one');
    await request(http)
      .put(withConnection('/assets/storage/reports/docs/q3.txt'))
      .set(as('alice'))
      .send(Buffer.from('three'))
      .expect(201);
    await expect(bucketStore(KEY_V2).head(`${ORG}/${PROJECT}/reports/docs/q3.txt`)).resolves.toMatchObject({
      size: 5,
    });
  });

  it('should refuse a project viewer without can_execute with a 403, even for reads', async () => {
    await request(http).get('/assets/storage').query({ solution: 'reports' }).set(as('victor')).expect(200);
    const res = await request(http)
      .get(withConnection('/assets/storage/reports/docs/q1.txt'))
      .set(as('victor'))
      .expect(403);
    expect(res.body.error.code).toBe('INSUFFICIENT_PERMISSIONS');
  });

  it('should not find the connection from another org, by URI or by name', async () => {
    await request(http)
      .get(withConnection('/assets/storage/reports/docs/q1.txt'))
      .set(as('mallory', 'globex-proj', 'globex'))
      .expect(404);
    await request(http)
      .get(withConnection('/assets/storage/reports/docs/q1.txt', 'Shared Lake'))
      .set(as('mallory', 'globex-proj', 'globex'))
      .expect(404);
    await request(http)
      .put(withConnection('/assets/storage/reports/docs/x.txt'))
      .set(as('mallory', 'globex-proj', 'globex'))
      .send('x')
      .expect(404);
  });

  it('should answer 401 without a token, 404 for an unknown connection and 400 for a malformed URI', async () => {
    await request(http)
      .get(withConnection('/assets/storage/reports/docs/q1.txt'))
      .set('x-project-id', PROJECT)
      .expect(401);
    await request(http)
      .get(withConnection('/assets/storage/reports/docs/q1.txt', `data:${ORG}:${PROJECT}:no-such-lake`))
      .set(as('alice'))
      .expect(404);
    await request(http)
      .get(withConnection('/assets/storage/reports/docs/q1.txt', 'No Such Lake'))
      .set(as('alice'))
      .expect(404);
    await request(http)
      .get(withConnection('/assets/storage/reports/docs/q1.txt', 'data:ACME:x'))
      .set(as('alice'))
      .expect(400);
  });

  it('should refuse a connection that is not a storage connection with a 422', async () => {
    const pg = await request(http)
      .post('/assets/data')
      .set(as('alice'))
      .send({
        name: 'Warehouse',
        connection_type: 'postgres',
        database_config: { host: 'pg.example.com', port: 5432, database: 'dw' },
        credentials: { username: 'u', password: 'p-0b7e' },
      })
      .expect(201);
    const res = await request(http)
      .get(withConnection('/assets/storage/reports/docs/q1.txt', pg.body.resource_uri))
      .set(as('alice'))
      .expect(422);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
  });

  it('should keep its own prefix config in front of the tenant prefix', async () => {
    const prefixed = await request(http)
      .post('/assets/data')
      .set(as('alice'))
      .send({
        name: 'Landing Zone',
        connection_type: 's3',
        storage_config: {
          bucket: BUCKET,
          region: 'us-east-1',
          endpoint,
          path_style: true,
          prefix: 'landing/',
        },
        credentials: KEY_V2,
      })
      .expect(201);
    await request(http)
      .put(withConnection('/assets/storage/reports/docs/in.txt', prefixed.body.resource_uri))
      .set(as('alice'))
      .send(Buffer.from('in'))
      .expect(201);
    await expect(
      bucketStore(KEY_V2).head(`landing/${ORG}/${PROJECT}/reports/docs/in.txt`),
    ).resolves.toMatchObject({ size: 2 });
  });

  it('should fail closed with a 503 and write nothing when the use cannot be audited', async () => {
    const sink = h.app.get(AuditSink);
    const spy = jest.spyOn(sink, 'record').mockRejectedValueOnce(new Error('audit log down'));
    try {
      await request(http)
        .put(withConnection('/assets/storage/reports/docs/unaudited.txt'))
        .set(as('alice'))
        .send(Buffer.from('nope'))
        .expect(503);
    } finally {
      spy.mockRestore();
    }
    await expect(
      bucketStore(KEY_V2).head(`${ORG}/${PROJECT}/reports/docs/unaudited.txt`),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('should refuse a storage connection that points at cloud metadata or this service (egress policy)', async () => {
    for (const [name, target] of [
      ['Metadata Lake', 'http://169.254.169.254'],
      ['Hex Metadata Lake', 'http://0xa9fea9fe'],
      ['Own Port Lake', 'http://127.0.0.1:8002'],
    ]) {
      const created = await request(http)
        .post('/assets/data')
        .set(as('alice'))
        .send({
          name,
          connection_type: 'minio',
          storage_config: { bucket: BUCKET, endpoint: target },
          credentials: KEY_V1,
        });
      if (created.status !== 201) {
        // The registry may already refuse the endpoint; that is just as safe.
        expect(created.status).toBe(422);
        continue;
      }
      const res = await request(http)
        .get(
          `/assets/storage/reports/docs/q1.txt?connection=${encodeURIComponent(created.body.resource_uri)}`,
        )
        .set(as('alice'))
        .expect(403);
      expect(res.body.error.code).toBe('EGRESS_DENIED');
    }
  });
});
