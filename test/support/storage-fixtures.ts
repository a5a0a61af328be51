import { mkdtemp, rm } from 'node:fs/promises';
import http, { type ClientRequest, request as httpRequest } from 'node:http';
import type https from 'node:https';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { ProviderOverride } from '@app/testing';
import { startAssetsHarness, type AssetsHarness } from './assets-harness.js';

const require = createRequire(import.meta.url);

/** The slice of s3rver's API the storage suites use (the package ships no types). */
export interface S3rver {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
/** s3rver's key registry: it rejects unknown access key ids (InvalidAccessKeyId), so revoking one makes it stop working. */
export interface S3rverAccount {
  createKeyPair(accessKeyId: string, secretAccessKey: string): void;
  revokeAccessKey(accessKeyId: string): void;
}
export const S3rver = require('s3rver') as new (options: Record<string, unknown>) => S3rver;
export const s3rverAccount = (require('s3rver/lib/models/account') as { DUMMY_ACCOUNT: S3rverAccount })
  .DUMMY_ACCOUNT;

/** `path?connection=<connection>`: a storage route used through a data connection. */
export const viaConnection = (path: string, connection: string) =>
  `${path}?connection=${encodeURIComponent(connection)}`;

/** The body as text, whatever the content type (superagent only buffers some types). */
export const asText = (req: request.Test) =>
  req.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (d: Buffer) => chunks.push(d));
    res.on('end', () => cb(null, Buffer.concat(chunks).toString('utf8')));
  });

/** A Google service-account key file (the shape GCS connections store), signed by `privateKeyPem`. */
export const googleServiceAccount = (clientEmail: string, privateKeyPem: string) => ({
  type: 'service_account',
  project_id: 'acme-analytics',
  private_key_id: 'key1',
  private_key: privateKeyPem,
  client_email: clientEmail,
  token_uri: 'https://oauth2.googleapis.com/token',
});

type HttpServer = ReturnType<AssetsHarness['app']['getHttpServer']>;

/** Assets (with a local default store under a temp dir) and one org and project owned by `owner`. */
export interface StorageTenant {
  h: AssetsHarness;
  http: HttpServer;
  /** The default (local) store's root. */
  localRoot: string;
  /** Headers of `user` (the owner by default) in the tenant's org and project. */
  as(user?: string): { authorization: string; 'x-project-id': string };
  /** Creates a data connection in the project (POST /assets/data, expects 201). */
  connect(body: Record<string, unknown>): Promise<request.Response>;
  close(): Promise<void>;
}

export async function startStorageTenant(options: {
  org: string;
  project: string;
  owner?: string;
  /** Prefix of the default store's temp dir. */
  tmpPrefix: string;
  env?: NodeJS.ProcessEnv;
  overrides?: ProviderOverride[];
  /** How many replicas of each app; default E2E_REPLICAS, else 1. */
  replicas?: number;
}): Promise<StorageTenant> {
  const { org, project, owner = 'alice' } = options;
  const localRoot = await mkdtemp(join(tmpdir(), options.tmpPrefix));
  let h: AssetsHarness | undefined;
  try {
    h = await startAssetsHarness({
      env: { OBSTORE_BACKEND: 'local', OBSTORE_LOCAL_PREFIX: localRoot, ...options.env },
      ...(options.overrides ? { overrides: options.overrides } : {}),
      ...(options.replicas ? { replicas: options.replicas } : {}),
    });
    const harness = h;
    const http$ = harness.app.getHttpServer();
    const as = (user = owner) => ({
      authorization: harness.governance.bearer(user, org),
      'x-project-id': project,
    });
    await harness.governance.createOrg(org, owner);
    await request(harness.governance.app.getHttpServer())
      .post('/governance/projects')
      .set('authorization', harness.governance.bearer(owner, org))
      .send({ id: project, name: project })
      .expect(201);
    return {
      h: harness,
      http: http$,
      localRoot,
      as,
      connect: (body) => request(http$).post('/assets/data').set(as()).send(body).expect(201),
      async close() {
        await harness.close();
        await rm(localRoot, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await h?.close();
    await rm(localRoot, { recursive: true, force: true });
    throw error;
  }
}

/** A listener that records every request (`describe` of it, by default `METHOD url`) and answers with `respond`. */
export interface Recorder {
  server: http.Server | https.Server;
  port: number;
  /** `http://host:port` (the scheme is http even for an https server: use `port` there). */
  url: string;
  seen: string[];
  close(): Promise<void>;
}

export async function startRecorder(
  respond: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void,
  options: {
    server?: http.Server | https.Server;
    host?: string;
    describe?: (req: http.IncomingMessage) => string;
  } = {},
): Promise<Recorder> {
  const {
    server = http.createServer(),
    host = '127.0.0.1',
    describe = (req) => `${req.method} ${req.url}`,
  } = options;
  const seen: string[] = [];
  (server as http.Server).on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    seen.push(describe(req));
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.once('end', () => respond(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    seen,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * Requests whose body a test writes piece by piece. `response` settles with the answer, or with
 * status 0 when the socket ends first. Call `destroyAll()` after each test whatever its outcome
 * (a stuck request would hold its upload).
 */
export function streamedRequests(server: () => HttpServer) {
  const opened: ClientRequest[] = [];
  return {
    streamed(method: string, path: string, headers: Record<string, string>) {
      const { port } = server().address() as AddressInfo;
      const req = httpRequest({ host: '127.0.0.1', port, method, path, headers });
      opened.push(req);
      const response = new Promise<{ status: number; body: string; connection?: string }>((resolve) => {
        req.on('response', (res) => {
          let body = '';
          res.on('data', (d: Buffer) => (body += d.toString()));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection }),
          );
          res.on('error', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', () => resolve({ status: 0, body: '' }));
      });
      return { req, response };
    },
    destroyAll() {
      for (const req of opened.splice(0)) req.destroy();
    },
  };
}

/**
 * The round trip every storage connection must do, under `/assets/storage/reports/`: PUT `first`
 * (text/plain) and read it back by GET and HEAD, PUT `second`, LIST both under the prefix `docs/`,
 * DELETE the one named by `remove`, and see it gone.
 */
export async function expectStorageRoundTrip(
  tenant: Pick<StorageTenant, 'http' | 'as'>,
  connection: string,
  objects: {
    first: [key: string, body: string];
    second: [key: string, body: string];
    remove: 'first' | 'second';
  },
): Promise<void> {
  const { http: http$, as } = tenant;
  const at = (key: string) => viaConnection(`/assets/storage/reports/${key}`, connection);
  const [firstKey, firstBody] = objects.first;
  const [secondKey, secondBody] = objects.second;
  const removed = objects.remove === 'first' ? firstKey : secondKey;
  const put = await request(http$)
    .put(at(firstKey))
    .set(as())
    .set('content-type', 'text/plain')
    .send(firstBody)
    .expect(201);
  // The key that addresses the object again: its path under /assets/storage/.
  expect(put.body).toMatchObject({ key: `reports/${firstKey}`, size: Buffer.byteLength(firstBody) });
  const got = await asText(request(http$).get(at(firstKey)).set(as())).expect(200);
  expect(got.body).toBe(firstBody);
  expect(got.headers['content-type']).toBe('text/plain');
  const head = await request(http$).head(at(firstKey)).set(as()).expect(200);
  expect(head.headers['content-length']).toBe(String(Buffer.byteLength(firstBody)));
  await request(http$).put(at(secondKey)).set(as()).send(Buffer.from(secondBody)).expect(201);
  const list = await request(http$)
    .get(viaConnection('/assets/storage', connection))
    .query({ solution: 'reports', prefix: 'docs/' })
    .set(as())
    .expect(200);
  expect(list.body.data.map((o: { key: string }) => o.key)).toEqual(
    [firstKey, secondKey].sort().map((key) => `reports/${key}`),
  );
  expect(list.body.data.find((o: { key: string }) => o.key === `reports/${firstKey}`).content_type).toBe(
    'text/plain',
  );
  await request(http$).delete(at(removed)).set(as()).expect(204);
  await request(http$).get(at(removed)).set(as()).expect(404);
}
