import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import { jest } from '@jest/globals';
import request from 'supertest';
import { createObjectStoreFromSpec, objectStoreFromConnection } from '@app/storage';
import { GOOGLE_TOKEN_ENDPOINT } from '../../apps/assets/src/storage/index.js';
import { type RelayHandle, StorageEgressRelay } from '../../apps/assets/src/storage/storage-egress-relay.js';
import {
  googleServiceAccount,
  type Recorder,
  startRecorder,
  startStorageTenant,
  type StorageTenant,
  viaConnection as via,
} from '../support/storage-fixtures.js';

const ORG = 'acme';
const PROJECT = 'relay-cap';
const MINIO_KEY = { access_key: 'AKIDVICTIM', secret_key: 'victim-secret-5e1d' };
const AZURE_KEY = Buffer.from('victim-azure-account-key-0123456789').toString('base64');
const GCS_TOKEN = 'ya29.victim-gcs-token-7c3b';

/** A tenant's store: records every request (with the credential it carried) and answers 404. */
const recorder = (
  respond: Parameters<typeof startRecorder>[0] = (_req, res) =>
    res.writeHead(404, { 'content-length': '0' }).end(),
) =>
  startRecorder(respond, {
    describe: (req) => `${req.method} ${req.url} ${req.headers.authorization ?? '-'}`,
  });

/** A raw request to the relay, with whatever Host and headers an attacker chooses. */
function raw(
  origin: string,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<number> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: hostname, port, path, method, headers: { ...headers, connection: 'close' }, agent: false },
      (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.once('error', reject);
    req.end();
  });
}

/**
 * The relay in front of OpenDAL is a capability: it holds the tenant's credentials and uses them
 * only for the OpenDAL operator it was opened for, which got credentials valid at that relay alone.
 * Another process on the host, or another tenant's connection or verification aimed at
 * 127.0.0.1:<relay port> (loopback is allowed in dev mode), must get neither a signed request nor
 * the tenant's token out of it: the relay answers 403 and the tenant's store sees nothing.
 */
describe('The storage egress relay is usable only by its own store (e2e)', () => {
  let tenant: StorageTenant;
  let http$: StorageTenant['http'];
  let minio: Recorder;
  let azure: Recorder;
  let gcs: Recorder;
  let tokenEndpoint: Recorder;
  let opened: jest.SpiedFunction<StorageEgressRelay['open']>;

  const as = () => tenant.as();
  /** Uses the connection once (so its relay is open), and returns that relay. */
  const relayOf = async (connection: string): Promise<RelayHandle> => {
    opened.mockClear();
    await request(http$).get(via('/assets/storage/reports/docs/a.txt', connection)).set(as());
    expect(opened).toHaveBeenCalledTimes(1);
    return (await opened.mock.results[0].value) as RelayHandle;
  };

  beforeAll(async () => {
    minio = await recorder();
    azure = await recorder();
    gcs = await recorder();
    tokenEndpoint = await recorder((_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ access_token: GCS_TOKEN, expires_in: 3600, token_type: 'Bearer' })),
    );
    opened = jest.spyOn(StorageEgressRelay.prototype, 'open');
    tenant = await startStorageTenant({
      org: ORG,
      project: PROJECT,
      tmpPrefix: 'assets-relay-cap-',
      overrides: [{ provide: GOOGLE_TOKEN_ENDPOINT, useValue: `${tokenEndpoint.url}/token` }],
      // One replica even under E2E_REPLICAS: a relay listens on its own process's loopback, which
      // in-process replicas share (pods do not), so the other replica would reach it as a stranger.
      replicas: 1,
    });
    http$ = tenant.http;
    await tenant.connect({
      name: 'victim-minio',
      connection_type: 'minio',
      storage_config: { bucket: 'lake', endpoint: minio.url },
      credentials: MINIO_KEY,
    });
    await tenant.connect({
      name: 'victim-azure',
      connection_type: 'azure_blob',
      storage_config: {
        account_name: 'devstoreaccount1',
        container: 'landing',
        endpoint: `${azure.url}/devstoreaccount1`,
      },
      credentials: { account_key: AZURE_KEY },
    });
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await tenant.connect({
      name: 'victim-gcs',
      connection_type: 'gcs',
      storage_config: { auth_type: 'service_account', bucket: 'lake', endpoint: gcs.url },
      credentials: {
        service_account_json: googleServiceAccount(
          'victim@acme-analytics.iam.gserviceaccount.com',
          privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        ),
      },
    });
  });

  afterAll(async () => {
    opened?.mockRestore();
    await tenant?.close();
    for (const r of [minio, azure, gcs, tokenEndpoint]) await r?.close();
  });

  it("should refuse S3 requests that are unsigned, forged or signed with the tenant's own secret, and forward none", async () => {
    const relay = await relayOf('victim-minio');
    expect(minio.seen.length).toBeGreaterThan(0);
    minio.seen.length = 0;
    expect(await raw(relay.origin, '/lake/acme/relay-cap/reports/docs/a.txt')).toBe(403);
    expect(
      await raw(relay.origin, '/lake/', {
        'x-amz-date': '20300101T000000Z',
        'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
        authorization: `AWS4-HMAC-SHA256 Credential=${MINIO_KEY.access_key}/20300101/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=${'0'.repeat(64)}`,
      }),
    ).toBe(403);
    // Even a client holding the tenant's real secret cannot use the relay: OpenDAL never had it.
    const withRealSecret = createObjectStoreFromSpec({
      backend: 's3',
      bucket: 'lake',
      region: 'us-east-1',
      endpoint: relay.origin,
      accessKey: MINIO_KEY.access_key,
      secretKey: MINIO_KEY.secret_key,
      pathStyle: true,
      ambientCredentials: false,
    });
    await expect(withRealSecret.head('acme/relay-cap/reports/docs/a.txt')).rejects.toBeDefined();
    await expect(withRealSecret.list({ prefix: '', limit: 10 })).rejects.toBeDefined();
    expect(minio.seen).toEqual([]);
  });

  it("should refuse Azure requests without a SharedKey signature made for the relay, even one made with the tenant's key, and forward none", async () => {
    const relay = await relayOf('victim-azure');
    expect(azure.seen.length).toBeGreaterThan(0);
    azure.seen.length = 0;
    expect(await raw(relay.origin, '/devstoreaccount1/landing?restype=container&comp=list')).toBe(403);
    expect(
      await raw(relay.origin, '/devstoreaccount1/landing?restype=container&comp=list', {
        'x-ms-date': new Date().toUTCString(),
        'x-ms-version': '2019-12-12',
        authorization: `SharedKey devstoreaccount1:${Buffer.alloc(32).toString('base64')}`,
      }),
    ).toBe(403);
    const withRealKey = objectStoreFromConnection({
      type: 'azure_blob',
      config: {
        account_name: 'devstoreaccount1',
        container: 'landing',
        endpoint: `${relay.origin}/devstoreaccount1`,
      },
      credentials: { account_key: AZURE_KEY },
    });
    await expect(withRealKey.head('acme/relay-cap/reports/docs/a.txt')).rejects.toBeDefined();
    expect(azure.seen).toEqual([]);
  });

  it("should never put the tenant's GCS token on a request that does not carry the relay's own token", async () => {
    const relay = await relayOf('victim-gcs');
    expect(gcs.seen.some((line) => line.endsWith(`Bearer ${GCS_TOKEN}`))).toBe(true);
    gcs.seen.length = 0;
    expect(await raw(relay.origin, '/storage/v1/b/lake/o')).toBe(403);
    expect(await raw(relay.origin, '/storage/v1/b/lake/o', { authorization: 'Bearer guessed' })).toBe(403);
    expect(await raw(relay.origin, '/storage/v1/b/lake/o', { authorization: `Bearer ${GCS_TOKEN}` })).toBe(
      403,
    );
    expect(
      await raw(
        relay.origin,
        '/download/storage/v1/b/lake/o/x?alt=media',
        { authorization: `Bearer ${GCS_TOKEN}` },
        'DELETE',
      ),
    ).toBe(403);
    expect(gcs.seen).toEqual([]);
  });

  it("should deny a verification aimed at an open relay's port (egress_denied) and send it nothing", async () => {
    const relay = await relayOf('victim-minio');
    minio.seen.length = 0;
    const res = await request(http$)
      .post('/assets/data/verify')
      .set(as())
      .send({
        connection_type: 'minio',
        storage_config: { bucket: 'lake', endpoint: relay.origin },
        credentials: { access_key: 'AKIDATTACKER', secret_key: 'attacker-secret-1' },
      })
      .expect(200);
    expect(res.body).toMatchObject({ success: false, details: { error_code: 'egress_denied' } });
    expect(res.body.steps.find((s: { status: string }) => s.status === 'failed')?.name).toBe('egress_policy');
    expect(minio.seen).toEqual([]);
  });

  it("should deny a storage connection pointed at an open relay's port with 403 EGRESS_DENIED and send it nothing", async () => {
    const relay = await relayOf('victim-minio');
    minio.seen.length = 0;
    const created = await request(http$)
      .post('/assets/data')
      .set(as())
      .send({
        name: 'relay-hijack',
        connection_type: 'minio',
        storage_config: { bucket: 'lake', endpoint: relay.origin },
        credentials: { access_key: 'AKIDATTACKER', secret_key: 'attacker-secret-1' },
      })
      .expect(201);
    for (const [method, path] of [
      ['get', '/assets/storage/reports/docs/a.txt'],
      ['delete', '/assets/storage/reports/docs/a.txt'],
    ] as const) {
      const res = await request(http$)[method](via(path, created.body.resource_uri)).set(as()).expect(403);
      expect(res.body.error).toMatchObject({
        code: 'EGRESS_DENIED',
        details: { reason: 'own_service_port' },
      });
    }
    expect(minio.seen).toEqual([]);
  });
});
