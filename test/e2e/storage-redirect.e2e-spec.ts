import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startAssetsHarness, type AssetsHarness } from '../support/assets-harness.js';

const ORG = 'acme';
const PROJECT = 'redirects';
const STATUSES = [301, 302, 303, 307, 308] as const;

interface Recorder {
  server: http.Server;
  port: number;
  seen: string[];
}

/** A loopback listener that records every request and answers with `respond`. */
async function listener(respond: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<Recorder> {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    req.resume();
    req.once('end', () => respond(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, seen };
}

/**
 * A tenant's storage endpoint that answers every request with a redirect: to a second loopback
 * listener (reachable, since dev mode allows loopback egress), to a relative path, or to the
 * service's own Governance port. OpenDAL's HTTP client follows redirects on its own; the relay in
 * front of it must turn each into an error before any second hop is made.
 */
describe('Storage connections never follow redirects (e2e)', () => {
  let h: AssetsHarness;
  let http$: ReturnType<AssetsHarness['app']['getHttpServer']>;
  let second: Recorder;
  let redirector: Recorder;
  let localRoot: string;
  let governancePort: number;
  let next = { status: 307, location: '' };

  const as = (user = 'alice') => ({ authorization: h.governance.bearer(user, ORG), 'x-project-id': PROJECT });
  const via = (path: string, connection: string) => `${path}?connection=${encodeURIComponent(connection)}`;

  beforeAll(async () => {
    second = await listener((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end('<ListBucketResult><Name>stolen</Name></ListBucketResult>');
    });
    redirector = await listener((_req, res) => {
      res.writeHead(next.status, { location: next.location, 'content-length': '0' });
      res.end();
    });
    localRoot = await mkdtemp(join(tmpdir(), 'assets-redirect-'));
    h = await startAssetsHarness({ env: { OBSTORE_BACKEND: 'local', OBSTORE_LOCAL_PREFIX: localRoot } });
    http$ = h.app.getHttpServer();
    governancePort = Number(new URL(await h.governance.app.getUrl()).port);
    await h.governance.createOrg(ORG, 'alice');
    await request(h.governance.app.getHttpServer()).post('/governance/projects').set('authorization', h.governance.bearer('alice', ORG)).send({ id: PROJECT, name: PROJECT }).expect(201);
    const endpoint = `http://127.0.0.1:${redirector.port}`;
    await request(http$)
      .post('/assets/data')
      .set(as())
      .send({ name: 'bouncy-minio', connection_type: 'minio', storage_config: { bucket: 'lake', endpoint }, credentials: { access_key: 'AKIDREDIRECT', secret_key: 'redirect-secret-9f2c' } })
      .expect(201);
    await request(http$)
      .post('/assets/data')
      .set(as())
      .send({
        name: 'bouncy-azure',
        connection_type: 'azure_blob',
        storage_config: { account_name: 'devstoreaccount1', container: 'landing', endpoint: `${endpoint}/devstoreaccount1` },
        credentials: { account_key: Buffer.from('azure-redirect-key-0123456789').toString('base64') },
      })
      .expect(201);
  });

  afterAll(async () => {
    await h?.close();
    await new Promise((resolve) => second?.server.close(resolve));
    await new Promise((resolve) => redirector?.server.close(resolve));
    await rm(localRoot, { recursive: true, force: true });
  });

  const operations: Array<[string, (connection: string) => request.Test]> = [
    ['GET', (c) => request(http$).get(via('/assets/storage/reports/docs/a.txt', c)).set(as())],
    ['HEAD', (c) => request(http$).head(via('/assets/storage/reports/docs/a.txt', c)).set(as())],
    ['LIST', (c) => request(http$).get(via('/assets/storage/reports', c)).query({ prefix: 'docs/' }).set(as())],
    ['DELETE', (c) => request(http$).delete(via('/assets/storage/reports/docs/a.txt', c)).set(as())],
    ['PUT', (c) => request(http$).put(via('/assets/storage/reports/docs/a.txt', c)).set(as()).set('content-type', 'text/plain').send('payload')],
  ];
  const targets: Array<[string, () => string]> = [
    ['a second listener', () => `http://127.0.0.1:${second.port}/lake/stolen`],
    ['a relative path', () => '/elsewhere/stolen'],
    ["the service's own Governance port", () => `http://127.0.0.1:${governancePort}/governance/health`],
  ];

  describe.each(['bouncy-minio', 'bouncy-azure'])('%s', (connection) => {
    describe.each(targets)('redirecting to %s', (_label, target) => {
      it.each(STATUSES.flatMap((status) => operations.map(([name, run]) => [status, name, run] as const)))(
        'should refuse a %i on %s with an error and make no second request',
        async (status, _name, run) => {
          next = { status, location: target() };
          second.seen.length = 0;
          redirector.seen.length = 0;
          const res = await run(connection);
          expect(res.status).toBe(403);
          if (res.body?.error) {
            expect(res.body.error).toMatchObject({ code: 'EGRESS_DENIED', details: { reason: 'redirect_refused', status } });
            expect(JSON.stringify(res.body)).not.toContain(String(second.port));
            expect(JSON.stringify(res.body)).not.toContain('stolen');
          }
          expect(second.seen).toEqual([]);
          expect(redirector.seen.filter((line) => line.includes('elsewhere') || line.includes('stolen') || line.includes('health'))).toEqual([]);
        },
      );
    });
  });
});
