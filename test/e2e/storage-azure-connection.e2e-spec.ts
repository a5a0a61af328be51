import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { jest } from '@jest/globals';
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import request from 'supertest';
import {
  asText as text,
  startStorageTenant,
  type StorageTenant,
  viaConnection as via,
} from '../support/storage-fixtures.js';

const require = createRequire(import.meta.url);
const ORG = 'acme';
const PROJECT = 'azure-lake';
const ACCOUNT = 'devstoreaccount1';
// Azurite's documented, public development key.
const ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

jest.setTimeout(60_000);

/** An account SAS (blob service; service, container and object; read/write/delete/list/create), as Azure specifies it. */
function accountSas(expiresOn: Date): string {
  const fields = {
    sv: '2019-12-12',
    ss: 'b',
    srt: 'sco',
    sp: 'rwdlc',
    se: `${expiresOn.toISOString().slice(0, 19)}Z`,
    spr: 'https,http',
  };
  const stringToSign = [
    ACCOUNT,
    fields.sp,
    fields.ss,
    fields.srt,
    '',
    fields.se,
    '',
    fields.spr,
    fields.sv,
    '',
  ].join('\n');
  const sig = createHmac('sha256', Buffer.from(ACCOUNT_KEY, 'base64'))
    .update(stringToSign, 'utf8')
    .digest('base64');
  return new URLSearchParams({ ...fields, sig }).toString();
}

/**
 * Azure Blob connections end to end against Azurite, which checks every Shared Key signature and
 * SAS. OpenDAL signs with an account key made for its relay; the relay verifies that signature and
 * signs again with the tenant's key (or sends the tenant's SAS instead), so this proves both legs.
 */
describe('Azure Blob storage connections through ?connection= (e2e)', () => {
  let tenant: StorageTenant;
  let http$: StorageTenant['http'];
  let azurite: ChildProcess;
  let endpoint: string;
  let service: BlobServiceClient;

  const as = () => tenant.as();

  beforeAll(async () => {
    const main = require.resolve('azurite/dist/src/blob/main.js');
    azurite = spawn(
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
      azurite.stdout!.on('data', (data: Buffer) => {
        output += data.toString();
        const match = /listens on http:\/\/[^:]+:(\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      azurite.once('exit', (code) => reject(new Error(`azurite exited with ${code}: ${output}`)));
    });
    endpoint = `http://127.0.0.1:${port}/${ACCOUNT}`;
    const key = new StorageSharedKeyCredential(ACCOUNT, ACCOUNT_KEY);
    service = new BlobServiceClient(endpoint, key);
    await service.getContainerClient('landing').create();
    const sas = accountSas(new Date(Date.now() + 3_600_000));

    tenant = await startStorageTenant({ org: ORG, project: PROJECT, tmpPrefix: 'assets-azure-default-' });
    http$ = tenant.http;
    const storage_config = { account_name: ACCOUNT, container: 'landing', endpoint };
    await tenant.connect({
      name: 'azure-key',
      connection_type: 'azure_blob',
      storage_config,
      credentials: { account_key: ACCOUNT_KEY },
    });
    await tenant.connect({
      name: 'azure-sas',
      connection_type: 'azure_blob',
      storage_config: { ...storage_config, auth_type: 'sas_token' },
      credentials: { sas_token: sas },
    });
    await tenant.connect({
      name: 'azure-wrong-key',
      connection_type: 'azure_blob',
      storage_config,
      credentials: { account_key: Buffer.from('not-the-account-key').toString('base64') },
    });
  });

  afterAll(async () => {
    await tenant?.close();
    if (azurite && azurite.exitCode === null) {
      const exited = new Promise((resolve) => azurite.once('exit', resolve));
      azurite.kill('SIGTERM');
      await exited;
    }
  });

  describe.each(['azure-key', 'azure-sas'])('%s', (connection) => {
    it('should PUT, GET, HEAD, LIST and DELETE, with keys that need encoding', async () => {
      const dir = `docs-${connection}`;
      await request(http$)
        .put(via(`/assets/storage/reports/${dir}/q1 report+final.txt`, connection))
        .set(as())
        .set('content-type', 'text/plain')
        .send('quarter one')
        .expect(201);
      const got = await text(
        request(http$)
          .get(via(`/assets/storage/reports/${dir}/q1 report+final.txt`, connection))
          .set(as()),
      ).expect(200);
      expect(got.body).toBe('quarter one');
      const part = await text(
        request(http$)
          .get(via(`/assets/storage/reports/${dir}/q1 report+final.txt`, connection))
          .set(as())
          .set('range', 'bytes=2-6'),
      ).expect(206);
      expect(part.body).toBe('arter');
      const head = await request(http$)
        .head(via(`/assets/storage/reports/${dir}/q1 report+final.txt`, connection))
        .set(as())
        .expect(200);
      expect(head.headers['content-length']).toBe('11');
      await request(http$)
        .put(via(`/assets/storage/reports/${dir}/q2.txt`, connection))
        .set(as())
        .send(Buffer.alloc(0))
        .expect(201);
      const list = await request(http$)
        .get(via('/assets/storage', connection))
        .query({ solution: 'reports', prefix: `${dir}/` })
        .set(as())
        .expect(200);
      expect(list.body.data.map((o: { key: string }) => o.key)).toEqual([
        `reports/${dir}/q1 report+final.txt`,
        `reports/${dir}/q2.txt`,
      ]);
      await request(http$)
        .delete(via(`/assets/storage/reports/${dir}/q2.txt`, connection))
        .set(as())
        .expect(204);
      await request(http$)
        .get(via(`/assets/storage/reports/${dir}/q2.txt`, connection))
        .set(as())
        .expect(404);
      // Really in the tenant's container, under the tenant prefix.
      const blob = service
        .getContainerClient('landing')
        .getBlobClient(`${ORG}/${PROJECT}/reports/${dir}/q1 report+final.txt`);
      expect((await blob.getProperties()).contentLength).toBe(11);
    });
  });

  it.each(['azure-key', 'azure-sas'])(
    'should write and read an object larger than one upload chunk (a block list) through %s',
    async (connection) => {
      const big = Buffer.alloc(9 * 1024 * 1024 + 3, 7);
      await request(http$)
        .put(via(`/assets/storage/reports/big/${connection}.bin`, connection))
        .set(as())
        .set('content-type', 'application/octet-stream')
        .send(big)
        .expect(201);
      const got = await request(http$)
        .get(via(`/assets/storage/reports/big/${connection}.bin`, connection))
        .set(as())
        .buffer(true)
        .expect(200);
      expect(Buffer.compare(got.body as Buffer, big)).toBe(0);
    },
  );

  it('should fail with a 503, not a success, when the stored account key is wrong', async () => {
    const res = await request(http$)
      .get(via('/assets/storage/reports/docs/q1.txt', 'azure-wrong-key'))
      .set(as());
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('SERVICE_UNAVAILABLE');
  });
});
