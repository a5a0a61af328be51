import { generateKeyPairSync, type KeyObject, verify } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { type RunningFakeGcs, startFakeGcs } from '@app/testing';
import { startAssetsHarness, type AssetsHarness } from '../support/assets-harness.js';

const ORG = 'acme';
const PROJECT = 'gcs-lake';
const BUCKET = 'acme-exports';
const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
const READ_WRITE = 'https://www.googleapis.com/auth/devstorage.read_write';

interface Listener {
  server: http.Server;
  url: string;
  seen: string[];
}

async function listen(handler: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void): Promise<Listener> {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => handler(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

/** Checks an RS256 JWT as Google's token endpoint does (node:crypto: jose cannot load beside jwks-rsa). */
function verifiedClaims(jwt: string, key: KeyObject): Record<string, unknown> {
  const [header, claims, signature] = jwt.split('.');
  if (!signature || !verify('sha256', Buffer.from(`${header}.${claims}`), key, Buffer.from(signature, 'base64url'))) throw new Error('bad signature');
  if (JSON.parse(Buffer.from(header, 'base64url').toString()).alg !== 'RS256') throw new Error('alg');
  const payload = JSON.parse(Buffer.from(claims, 'base64url').toString()) as Record<string, unknown>;
  if (payload.aud !== GOOGLE_TOKEN_URL || Number(payload.exp) * 1000 < Date.now()) throw new Error('aud or exp');
  return payload;
}

const serviceAccount = (clientEmail: string, privateKey: string) => ({
  type: 'service_account',
  project_id: 'acme-analytics',
  private_key_id: 'key1',
  private_key: privateKey,
  client_email: clientEmail,
  token_uri: GOOGLE_TOKEN_URL,
});

/**
 * A GCS storage connection used through `?connection=`: the key file is stored as the object the
 * connection schema asks for. Assets exchanges it for an access token itself (a signed JWT sent to
 * the token endpoint, which the egress policy resolves, checks and pins, and whose redirects are
 * refused), and hands OpenDAL only that token, through the loopback relay, to the fake GCS.
 */
describe('GCS storage connections through ?connection= (e2e)', () => {
  let h: AssetsHarness;
  let http$: ReturnType<AssetsHarness['app']['getHttpServer']>;
  let gcs: RunningFakeGcs;
  let tokenEndpoint: Listener;
  let second: Listener;
  let localRoot: string;
  const grants: Array<{ iss: string; scope: string }> = [];
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  const as = () => ({ authorization: h.governance.bearer('alice', ORG), 'x-project-id': PROJECT });
  const via = (path: string, connection: string) => `${path}?connection=${encodeURIComponent(connection)}`;
  const text = (req: request.Test) =>
    req.buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => cb(null, Buffer.concat(chunks).toString('utf8')));
    });
  const connect = (name: string, clientEmail: string) =>
    request(http$)
      .post('/assets/data')
      .set(as())
      .send({
        name,
        connection_type: 'gcs',
        storage_config: { auth_type: 'service_account', bucket: BUCKET, endpoint: gcs.url },
        credentials: { service_account_json: serviceAccount(clientEmail, privatePem) },
      })
      .expect(201);

  beforeAll(async () => {
    gcs = await startFakeGcs({ bucket: BUCKET });
    second = await listen((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: gcs.token, expires_in: 3600 })));
    // Checks the RS256 assertion like Google, and answers by the client it was signed for.
    tokenEndpoint = await listen((_req, res, body) => {
      const form = new URLSearchParams(body);
      Promise.resolve()
        .then(() => verifiedClaims(form.get('assertion') ?? '', publicKey))
        .then((payload) => {
          if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') throw new Error('grant');
          grants.push({ iss: String(payload.iss), scope: String(payload.scope) });
          if (String(payload.iss).startsWith('bouncer@')) {
            res.writeHead(307, { location: `${second.url}/token`, 'content-length': '0' }).end();
            return;
          }
          if (String(payload.iss).startsWith('revoked@')) {
            res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'invalid_grant', error_description: 'Invalid JWT Signature.' }));
            return;
          }
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: gcs.token, expires_in: 3600, token_type: 'Bearer' }));
        })
        .catch(() => res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'invalid_grant' })));
    });
    localRoot = await mkdtemp(join(tmpdir(), 'assets-gcs-default-'));
    h = await startAssetsHarness({ env: { OBSTORE_BACKEND: 'local', OBSTORE_LOCAL_PREFIX: localRoot }, infra: { googleTokenUrl: `${tokenEndpoint.url}/token` } });
    http$ = h.app.getHttpServer();
    await h.governance.createOrg(ORG, 'alice');
    await request(h.governance.app.getHttpServer()).post('/governance/projects').set('authorization', h.governance.bearer('alice', ORG)).send({ id: PROJECT, name: PROJECT }).expect(201);
    await connect('gcs-lake', 'writer@acme-analytics.iam.gserviceaccount.com');
    await connect('bouncy-token', 'bouncer@acme-analytics.iam.gserviceaccount.com');
    await connect('revoked-key', 'revoked@acme-analytics.iam.gserviceaccount.com');
  });

  afterAll(async () => {
    await h?.close();
    for (const l of [tokenEndpoint, second]) {
      if (!l) continue;
      l.server.closeAllConnections();
      await new Promise((resolve) => l.server.close(resolve));
    }
    await gcs?.close();
    if (localRoot) await rm(localRoot, { recursive: true, force: true });
  });

  it('should PUT, GET, HEAD, LIST and DELETE with a token Assets obtained itself, exchanging the key once', async () => {
    const put = await request(http$).put(via('/assets/storage/reports/docs/q1.txt', 'gcs-lake')).set(as()).set('content-type', 'text/plain').send('quarter one').expect(201);
    expect(put.body).toMatchObject({ key: 'docs/q1.txt', size: 11 });
    const got = await text(request(http$).get(via('/assets/storage/reports/docs/q1.txt', 'gcs-lake')).set(as())).expect(200);
    expect(got.body).toBe('quarter one');
    expect(got.headers['content-type']).toBe('text/plain');
    const head = await request(http$).head(via('/assets/storage/reports/docs/q1.txt', 'gcs-lake')).set(as()).expect(200);
    expect(head.headers['content-length']).toBe('11');
    await request(http$).put(via('/assets/storage/reports/docs/q2.txt', 'gcs-lake')).set(as()).send(Buffer.from('two')).expect(201);
    const list = await request(http$).get(via('/assets/storage/reports', 'gcs-lake')).query({ prefix: 'docs/' }).set(as()).expect(200);
    expect(list.body.data.map((o: { key: string }) => o.key)).toEqual(['docs/q1.txt', 'docs/q2.txt']);
    await request(http$).delete(via('/assets/storage/reports/docs/q2.txt', 'gcs-lake')).set(as()).expect(204);
    await request(http$).get(via('/assets/storage/reports/docs/q2.txt', 'gcs-lake')).set(as()).expect(404);
    expect(gcs.objectCount()).toBe(1);
    expect(gcs.unhandled).toEqual([]);
    // One exchange for all of these calls (the token is reused until shortly before it expires), for read and write.
    expect(grants.filter((g) => g.iss.startsWith('writer@'))).toEqual([{ iss: 'writer@acme-analytics.iam.gserviceaccount.com', scope: READ_WRITE }]);
  });

  it('should write an object larger than one upload chunk (every part through the relay with its token)', async () => {
    const big = Buffer.alloc(9 * 1024 * 1024 + 3, 7);
    await request(http$).put(via('/assets/storage/reports/docs/big.bin', 'gcs-lake')).set(as()).set('content-type', 'application/octet-stream').send(big).expect(201);
    const head = await request(http$).head(via('/assets/storage/reports/docs/big.bin', 'gcs-lake')).set(as()).expect(200);
    expect(head.headers['content-length']).toBe(String(big.length));
    await request(http$).delete(via('/assets/storage/reports/docs/big.bin', 'gcs-lake')).set(as()).expect(204);
    expect(gcs.unhandled).toEqual([]);
  });

  it('should refuse a redirect from the token endpoint (403) without following it', async () => {
    second.seen.length = 0;
    const res = await request(http$).get(via('/assets/storage/reports/docs/q1.txt', 'bouncy-token')).set(as()).expect(403);
    expect(res.body.error).toMatchObject({ code: 'EGRESS_DENIED', details: { reason: 'redirect_refused', status: 307 } });
    expect(JSON.stringify(res.body)).not.toContain(second.url);
    expect(second.seen).toEqual([]);
  });

  it('should answer a key Google rejects with a clear 503 that names no secret', async () => {
    const res = await request(http$).get(via('/assets/storage/reports/docs/q1.txt', 'revoked-key')).set(as()).expect(503);
    expect(res.body.error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { dependency: 'Google OAuth', reason: 'auth_failed' } });
    expect(JSON.stringify(res.body)).not.toContain('PRIVATE KEY');
    expect(JSON.stringify(res.body)).not.toContain(gcs.token);
  });
});
