import request from 'supertest';
import { envelopeTextWithoutIds } from '@app/testing';
import {
  type Recorder,
  startRecorder,
  startStorageTenant,
  type StorageTenant,
  viaConnection as via,
} from '../support/storage-fixtures.js';

const ORG = 'acme';
const PROJECT = 'redirects';
const STATUSES = [301, 302, 303, 307, 308] as const;

/**
 * A tenant's storage endpoint that answers every request with a redirect: to a second loopback
 * listener (reachable, since dev mode allows loopback egress), to a relative path, or to the
 * service's own Governance port. OpenDAL's HTTP client follows redirects on its own; the relay in
 * front of it must turn each into an error before any second hop is made.
 */
describe('Storage connections never follow redirects (e2e)', () => {
  let tenant: StorageTenant;
  let http$: StorageTenant['http'];
  let second: Recorder;
  let redirector: Recorder;
  let governancePort: number;
  let next = { status: 307, location: '' };

  const as = () => tenant.as();

  beforeAll(async () => {
    second = await startRecorder((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end('<ListBucketResult><Name>stolen</Name></ListBucketResult>');
    });
    redirector = await startRecorder((_req, res) => {
      res.writeHead(next.status, { location: next.location, 'content-length': '0' });
      res.end();
    });
    tenant = await startStorageTenant({ org: ORG, project: PROJECT, tmpPrefix: 'assets-redirect-' });
    http$ = tenant.http;
    governancePort = Number(new URL(await tenant.h.governance.app.getUrl()).port);
    const endpoint = redirector.url;
    await tenant.connect({
      name: 'bouncy-minio',
      connection_type: 'minio',
      storage_config: { bucket: 'lake', endpoint },
      credentials: { access_key: 'AKIDREDIRECT', secret_key: 'redirect-secret-9f2c' },
    });
    await tenant.connect({
      name: 'bouncy-azure',
      connection_type: 'azure_blob',
      storage_config: {
        account_name: 'devstoreaccount1',
        container: 'landing',
        endpoint: `${endpoint}/devstoreaccount1`,
      },
      credentials: { account_key: Buffer.from('azure-redirect-key-0123456789').toString('base64') },
    });
  });

  afterAll(async () => {
    await tenant?.close();
    await second?.close();
    await redirector?.close();
  });

  const operations: Array<[string, (connection: string) => request.Test]> = [
    ['GET', (c) => request(http$).get(via('/assets/storage/reports/docs/a.txt', c)).set(as())],
    ['HEAD', (c) => request(http$).head(via('/assets/storage/reports/docs/a.txt', c)).set(as())],
    [
      'LIST',
      (c) =>
        request(http$)
          .get(via('/assets/storage', c))
          .query({ solution: 'reports', prefix: 'docs/' })
          .set(as()),
    ],
    ['DELETE', (c) => request(http$).delete(via('/assets/storage/reports/docs/a.txt', c)).set(as())],
    [
      'PUT',
      (c) =>
        request(http$)
          .put(via('/assets/storage/reports/docs/a.txt', c))
          .set(as())
          .set('content-type', 'text/plain')
          .send('payload'),
    ],
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
            expect(res.body.error).toMatchObject({
              code: 'EGRESS_DENIED',
              details: { reason: 'redirect_refused', status },
            });
            expect(envelopeTextWithoutIds(res.body)).not.toContain(String(second.port));
            expect(envelopeTextWithoutIds(res.body)).not.toContain('stolen');
          }
          expect(second.seen).toEqual([]);
          expect(
            redirector.seen.filter(
              (line) => line.includes('elsewhere') || line.includes('stolen') || line.includes('health'),
            ),
          ).toEqual([]);
        },
      );
    });
  });
});
