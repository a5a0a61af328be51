import { lookup } from 'node:dns/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import request from 'supertest';
import { envelopeTextWithoutIds, type Pem, TestPki } from '@app/testing';
import {
  expectStorageRoundTrip,
  type Recorder,
  S3rver,
  s3rverAccount,
  startRecorder,
  startStorageTenant,
  type StorageTenant,
  viaConnection as via,
} from '../support/storage-fixtures.js';

const ORG = 'acme';
const PROJECT = 'tls-lake';
const BUCKET = 'lake';
const KEY = { access_key: 'TLSLAKEKEY', secret_key: 'tls-lake-secret-51d0' };

/**
 * A CA, a leaf it signed for `localhost`, a leaf it signed for another name, and a leaf for
 * `localhost` signed by a second CA nobody trusts.
 */
function makePki(pki: TestPki): { ca: string; localhost: Pem; otherName: Pem; untrusted: Pem } {
  const ca = pki.authority('test-ca').cert;
  pki.authority('rogue-ca');
  return {
    ca,
    localhost: pki.leaf('localhost', 'test-ca', 'DNS:localhost'),
    otherName: pki.leaf('other', 'test-ca', 'DNS:storage.other.example'),
    untrusted: pki.leaf('rogue', 'rogue-ca', 'DNS:localhost'),
  };
}

/**
 * The relay's TLS leg end to end: the tenant's endpoint is `https://localhost:<port>` (s3rver with
 * a certificate made at test time). The relay trusts Node's default CA store (the bundled roots,
 * NODE_EXTRA_CA_CERTS and, with --use-system-ca, the system's), so the test adds its CA to that
 * store the way NODE_EXTRA_CA_CERTS would at start, and takes it out again afterwards.
 */
describe('Storage connections over HTTPS through the egress relay (e2e)', () => {
  let tenant: StorageTenant;
  let http$: StorageTenant['http'];
  let pkiDir: TestPki | undefined;
  let s3: S3rver;
  let s3Dir: string;
  let wrongName: Recorder;
  let rogue: Recorder;
  let redirector: Recorder;
  let second: Recorder;
  let originalCas: string[];
  let redirectStatus = 307;

  const as = () => tenant.as();
  const connect = (name: string, port: number) =>
    tenant.connect({
      name,
      connection_type: 'minio',
      storage_config: { bucket: BUCKET, endpoint: `https://localhost:${port}` },
      credentials: KEY,
    });

  beforeAll(async () => {
    pkiDir = new TestPki();
    const pki = makePki(pkiDir);
    originalCas = tls.getCACertificates('default');
    tls.setDefaultCACertificates([...originalCas, pki.ca]);
    // Listen where `localhost` resolves first: that is the address the egress policy pins.
    const { address } = await lookup('localhost', { order: 'verbatim' });

    s3rverAccount.createKeyPair(KEY.access_key, KEY.secret_key);
    s3Dir = await mkdtemp(join(tmpdir(), 's3rver-tls-'));
    s3 = new S3rver({
      port: 0,
      address,
      silent: true,
      directory: s3Dir,
      configureBuckets: [{ name: BUCKET, configs: [] }],
      ...pki.localhost,
    });
    const s3Port = (await s3.run()).port;
    const ok = (_req: http.IncomingMessage, res: http.ServerResponse) =>
      res.writeHead(200, { 'content-length': '0' }).end();
    wrongName = await startRecorder(ok, { server: https.createServer(pki.otherName), host: address });
    rogue = await startRecorder(ok, { server: https.createServer(pki.untrusted), host: address });
    second = await startRecorder((_req, res) => {
      res
        .writeHead(200, { 'content-type': 'application/xml' })
        .end('<ListBucketResult><Name>stolen</Name></ListBucketResult>');
    });
    redirector = await startRecorder(
      (_req, res) => {
        res
          .writeHead(redirectStatus, {
            location: `http://127.0.0.1:${second.port}/lake/stolen`,
            'content-length': '0',
          })
          .end();
      },
      { server: https.createServer(pki.localhost), host: address },
    );

    tenant = await startStorageTenant({ org: ORG, project: PROJECT, tmpPrefix: 'assets-tls-default-' });
    http$ = tenant.http;
    await connect('tls-lake', s3Port);
    await connect('wrong-name-lake', wrongName.port);
    await connect('rogue-ca-lake', rogue.port);
    await connect('bouncy-tls-lake', redirector.port);
  });

  afterAll(async () => {
    if (originalCas) tls.setDefaultCACertificates(originalCas);
    await tenant?.close();
    await s3?.close();
    s3rverAccount.revokeAccessKey(KEY.access_key);
    for (const r of [wrongName, rogue, redirector, second]) await r?.close();
    pkiDir?.dispose();
    if (s3Dir) await rm(s3Dir, { recursive: true, force: true });
  });

  it('should PUT, GET, HEAD, LIST and DELETE over HTTPS, the certificate checked against the tenant hostname', async () => {
    await expectStorageRoundTrip(tenant, 'tls-lake', {
      first: ['docs/tls.txt', 'over tls'],
      second: ['docs/more.txt', 'more'],
      remove: 'first',
    });
  });

  it.each([
    [
      'a certificate for another hostname',
      'wrong-name-lake',
      'ERR_TLS_CERT_ALTNAME_INVALID',
      () => wrongName,
    ],
    ['a certificate from an untrusted CA', 'rogue-ca-lake', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', () => rogue],
  ])(
    'should refuse %s with a clear TLS error, never a 500, and send it no request',
    async (_label, connection, tlsError, server) => {
      for (const run of [
        () => request(http$).get(via('/assets/storage/reports/docs/a.txt', connection)).set(as()),
        () =>
          request(http$)
            .put(via('/assets/storage/reports/docs/a.txt', connection))
            .set(as())
            .send(Buffer.from('secret payload')),
        () => request(http$).get(via('/assets/storage', connection)).query({ solution: 'reports' }).set(as()),
      ]) {
        const res = await run();
        expect(res.status).toBe(503);
        expect(res.body.error).toMatchObject({
          code: 'SERVICE_UNAVAILABLE',
          details: { reason: 'tls_certificate_rejected', tls_error: tlsError },
        });
        expect(res.body.error.message).toMatch(/TLS certificate/);
        expect(JSON.stringify(res.body)).not.toContain(KEY.secret_key);
      }
      expect(server().seen).toEqual([]);
    },
  );

  it.each([301, 302, 303, 307, 308])(
    'should refuse a %i from an HTTPS endpoint, and the second listener sees nothing',
    async (status) => {
      redirectStatus = status;
      second.seen.length = 0;
      redirector.seen.length = 0;
      for (const run of [
        () => request(http$).get(via('/assets/storage/reports/docs/a.txt', 'bouncy-tls-lake')).set(as()),
        () =>
          request(http$)
            .get(via('/assets/storage', 'bouncy-tls-lake'))
            .query({ solution: 'reports' })
            .set(as()),
        () => request(http$).delete(via('/assets/storage/reports/docs/a.txt', 'bouncy-tls-lake')).set(as()),
      ]) {
        const res = await run();
        expect(res.status).toBe(403);
        expect(res.body.error).toMatchObject({
          code: 'EGRESS_DENIED',
          details: { reason: 'redirect_refused', status },
        });
        expect(envelopeTextWithoutIds(res.body)).not.toContain(String(second.port));
      }
      // The TLS endpoint was reached (so the redirect really came over TLS); the target never was.
      expect(redirector.seen.length).toBeGreaterThan(0);
      expect(second.seen).toEqual([]);
    },
  );
});
