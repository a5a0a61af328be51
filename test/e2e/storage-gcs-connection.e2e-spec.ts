import { generateKeyPairSync, type KeyObject, verify } from 'node:crypto';
import request from 'supertest';
import { type RunningFakeGcs, startFakeGcs } from '@app/testing';
import { GOOGLE_TOKEN_ENDPOINT } from '../../apps/assets/src/storage/index.js';
import {
  expectStorageRoundTrip,
  googleServiceAccount,
  type Recorder,
  startRecorder,
  startStorageTenant,
  type StorageTenant,
  viaConnection as via,
} from '../support/storage-fixtures.js';

const ORG = 'acme';
const PROJECT = 'gcs-lake';
const BUCKET = 'acme-exports';
const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
const READ_WRITE = 'https://www.googleapis.com/auth/devstorage.read_write';

/** Checks an RS256 JWT as Google's token endpoint does (node:crypto: jose cannot load beside jwks-rsa). */
function verifiedClaims(jwt: string, key: KeyObject): Record<string, unknown> {
  const [header, claims, signature] = jwt.split('.');
  if (
    !signature ||
    !verify('sha256', Buffer.from(`${header}.${claims}`), key, Buffer.from(signature, 'base64url'))
  )
    throw new Error('bad signature');
  if (JSON.parse(Buffer.from(header, 'base64url').toString()).alg !== 'RS256') throw new Error('alg');
  const payload = JSON.parse(Buffer.from(claims, 'base64url').toString()) as Record<string, unknown>;
  if (payload.aud !== GOOGLE_TOKEN_URL || Number(payload.exp) * 1000 < Date.now())
    throw new Error('aud or exp');
  return payload;
}

/**
 * A GCS storage connection used through `?connection=`: the key file is stored as the object the
 * connection schema asks for. Assets exchanges it for an access token itself (a signed JWT sent to
 * the token endpoint, which the egress policy resolves, checks and pins, and whose redirects are
 * refused), and hands OpenDAL only that token, through the loopback relay, to the fake GCS.
 */
describe('GCS storage connections through ?connection= (e2e)', () => {
  let tenant: StorageTenant;
  let http$: StorageTenant['http'];
  let gcs: RunningFakeGcs;
  let tokenEndpoint: Recorder;
  let second: Recorder;
  const grants: Array<{ iss: string; scope: string }> = [];
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  const as = () => tenant.as();
  const connect = (name: string, clientEmail: string) =>
    tenant.connect({
      name,
      connection_type: 'gcs',
      storage_config: { auth_type: 'service_account', bucket: BUCKET, endpoint: gcs.url },
      credentials: { service_account_json: googleServiceAccount(clientEmail, privatePem) },
    });

  beforeAll(async () => {
    gcs = await startFakeGcs({ bucket: BUCKET });
    second = await startRecorder((_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ access_token: gcs.token, expires_in: 3600 })),
    );
    // Checks the RS256 assertion like Google, and answers by the client it was signed for.
    tokenEndpoint = await startRecorder((_req, res, body) => {
      const form = new URLSearchParams(body);
      Promise.resolve()
        .then(() => verifiedClaims(form.get('assertion') ?? '', publicKey))
        .then((payload) => {
          if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer')
            throw new Error('grant');
          grants.push({ iss: String(payload.iss), scope: String(payload.scope) });
          if (String(payload.iss).startsWith('bouncer@')) {
            res.writeHead(307, { location: `${second.url}/token`, 'content-length': '0' }).end();
            return;
          }
          if (String(payload.iss).startsWith('revoked@')) {
            res
              .writeHead(400, { 'content-type': 'application/json' })
              .end(JSON.stringify({ error: 'invalid_grant', error_description: 'Invalid JWT Signature.' }));
            return;
          }
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ access_token: gcs.token, expires_in: 3600, token_type: 'Bearer' }));
        })
        .catch(() =>
          res
            .writeHead(400, { 'content-type': 'application/json' })
            .end(JSON.stringify({ error: 'invalid_grant' })),
        );
    });
    tenant = await startStorageTenant({
      org: ORG,
      project: PROJECT,
      tmpPrefix: 'assets-gcs-default-',
      overrides: [{ provide: GOOGLE_TOKEN_ENDPOINT, useValue: `${tokenEndpoint.url}/token` }],
    });
    http$ = tenant.http;
    await connect('gcs-lake', 'writer@acme-analytics.iam.gserviceaccount.com');
    await connect('bouncy-token', 'bouncer@acme-analytics.iam.gserviceaccount.com');
    await connect('revoked-key', 'revoked@acme-analytics.iam.gserviceaccount.com');
  });

  afterAll(async () => {
    await tenant?.close();
    for (const l of [tokenEndpoint, second]) await l?.close();
    await gcs?.close();
  });

  it('should PUT, GET, HEAD, LIST and DELETE with a token Assets obtained itself, exchanging the key once', async () => {
    await expectStorageRoundTrip(tenant, 'gcs-lake', {
      first: ['docs/q1.txt', 'quarter one'],
      second: ['docs/q2.txt', 'two'],
      remove: 'second',
    });
    expect(gcs.objectCount()).toBe(1);
    expect(gcs.unhandled).toEqual([]);
    // One exchange for all of these calls (the token is reused until shortly before it expires), for
    // read and write: one per replica, as each process keeps its own token (E2E_REPLICAS).
    expect(grants.filter((g) => g.iss.startsWith('writer@'))).toEqual(
      tenant.h.replicas.map(() => ({
        iss: 'writer@acme-analytics.iam.gserviceaccount.com',
        scope: READ_WRITE,
      })),
    );
  });

  it('should write an object larger than one upload chunk (every part through the relay with its token)', async () => {
    const big = Buffer.alloc(9 * 1024 * 1024 + 3, 7);
    await request(http$)
      .put(via('/assets/storage/reports/docs/big.bin', 'gcs-lake'))
      .set(as())
      .set('content-type', 'application/octet-stream')
      .send(big)
      .expect(201);
    const head = await request(http$)
      .head(via('/assets/storage/reports/docs/big.bin', 'gcs-lake'))
      .set(as())
      .expect(200);
    expect(head.headers['content-length']).toBe(String(big.length));
    await request(http$)
      .delete(via('/assets/storage/reports/docs/big.bin', 'gcs-lake'))
      .set(as())
      .expect(204);
    expect(gcs.unhandled).toEqual([]);
  });

  it('should refuse a redirect from the token endpoint (403) without following it', async () => {
    second.seen.length = 0;
    const res = await request(http$)
      .get(via('/assets/storage/reports/docs/q1.txt', 'bouncy-token'))
      .set(as())
      .expect(403);
    expect(res.body.error).toMatchObject({
      code: 'EGRESS_DENIED',
      details: { reason: 'redirect_refused', status: 307 },
    });
    expect(JSON.stringify(res.body)).not.toContain(second.url);
    expect(second.seen).toEqual([]);
  });

  it('should answer a key Google rejects with a clear 503 that names no secret', async () => {
    const res = await request(http$)
      .get(via('/assets/storage/reports/docs/q1.txt', 'revoked-key'))
      .set(as())
      .expect(503);
    expect(res.body.error).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      details: { dependency: 'Google OAuth', reason: 'auth_failed' },
    });
    expect(JSON.stringify(res.body)).not.toContain('PRIVATE KEY');
    expect(JSON.stringify(res.body)).not.toContain(gcs.token);
  });
});
