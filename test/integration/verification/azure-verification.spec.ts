import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ContainerSASPermissions,
  generateBlobSASQueryParameters,
  BlobServiceClient,
  StorageSharedKeyCredential,
} from '@azure/storage-blob';
import { VerificationService } from '../../../apps/assets/src/verification/verification.service.js';
import { makeService } from './verification-fixtures.js';

// Azurite's published development account (documented, not a secret).
const ACCOUNT = 'devstoreaccount1';
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

async function startAzurite(): Promise<{ port: number; child: ChildProcess; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-azurite-'));
  const main = path.resolve('node_modules/azurite/dist/src/blob/main.js');
  const child = spawn(
    process.execPath,
    [
      main,
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      '0',
      '--inMemoryPersistence',
      '--silent',
      '--disableTelemetry',
      '--skipApiVersionCheck',
      '--disableProductStyleUrl',
    ],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`azurite did not start: ${out}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`azurite exited with ${code}: ${out}`)));
  });
  return { port, child, dir };
}

const azurite = await startAzurite();
const endpoint = `http://127.0.0.1:${azurite.port}/${ACCOUNT}`;
const credential = new StorageSharedKeyCredential(ACCOUNT, KEY);
const seed = new BlobServiceClient(endpoint, credential).getContainerClient('landing');
await seed.create();
for (const name of ['raw/2024/a.csv', 'raw/2025/b.csv', 'curated/x.parquet', 'tmp/y', 'top.txt']) {
  await seed.getBlockBlobClient(name).upload('x', 1);
}
const sas = generateBlobSASQueryParameters(
  {
    containerName: 'landing',
    permissions: ContainerSASPermissions.parse('rl'),
    expiresOn: new Date(Date.now() + 3_600_000),
  },
  credential,
).toString();

afterAll(async () => {
  azurite.child.kill('SIGTERM');
  await new Promise((resolve) => azurite.child.once('exit', resolve));
  fs.rmSync(azurite.dir, { recursive: true, force: true });
});

type AzureAuth = 'shared_key' | 'sas_token';
const input = (
  config: Record<string, unknown> = {},
  credentials?: Record<string, unknown>,
  auth: AzureAuth = 'shared_key',
) => ({
  type: 'azure_blob' as const,
  auth_type: auth,
  config: { auth_type: auth, account_name: ACCOUNT, container: 'landing', endpoint, ...config },
  credentials: credentials ?? (auth === 'shared_key' ? { account_key: KEY } : { sas_token: sas }),
});

describe(`${VerificationService.name} (azure_blob, real azurite)`, () => {
  const service = makeService();

  it('should verify with the account key and list top-level prefixes', async () => {
    const report = await service.verify(input(), { orgId: 'o1' });
    expect(report.success).toBe(true);
    expect(report.details.prefixes).toEqual(['curated/', 'raw/', 'tmp/']);
    expect(report.steps.map((s) => [s.name, s.status])).toEqual([
      ['resolve', 'ok'],
      ['egress_policy', 'ok'],
      ['connect', 'ok'],
      ['tls', 'skipped'],
      ['authenticate', 'ok'],
      ['discover', 'ok'],
    ]);
    expect(JSON.stringify(report)).not.toContain(KEY);
  });

  it('should discover under a prefix and apply filters and the object limit', async () => {
    const under = await service.verify(input({ prefix: 'raw/' }), { orgId: 'o1' });
    expect(under.details.prefixes).toEqual(['raw/2024/', 'raw/2025/']);
    const bounded = await service.verify(input(), { orgId: 'o1', exclude: ['curated/'], maxObjects: 1 });
    expect(bounded.details).toMatchObject({ prefixes: ['raw/'], truncated: true });
  });

  it('should verify with a container SAS token and never echo it', async () => {
    const report = await service.verify(input({}, undefined, 'sas_token'), { orgId: 'o1' });
    expect(report.success).toBe(true);
    expect(report.details.prefixes).toEqual(['curated/', 'raw/', 'tmp/']);
    expect(report.details.warnings).toContain(
      'the endpoint uses plain HTTP: the SAS token is sent unencrypted',
    );
    expect(JSON.stringify(report)).not.toContain(new URLSearchParams(sas).get('sig')!);
  });

  it('should classify a wrong account key and a forged SAS as auth_failed', async () => {
    const wrongKey = Buffer.from('not-the-key-not-the-key-not-the-key-0123456789').toString('base64');
    const badKey = await service.verify(input({}, { account_key: wrongKey }), { orgId: 'o1' });
    expect(badKey).toMatchObject({ success: false, details: { error_code: 'auth_failed' } });
    expect(badKey.steps.find((s) => s.name === 'authenticate')?.status).toBe('failed');
    expect(JSON.stringify(badKey)).not.toContain(wrongKey);
    const forged = sas.replace(
      /sig=[^&]+/,
      `sig=${encodeURIComponent(Buffer.alloc(32, 7).toString('base64'))}`,
    );
    const badSas = await service.verify(input({}, { sas_token: forged }, 'sas_token'), { orgId: 'o1' });
    expect(badSas).toMatchObject({ success: false, details: { error_code: 'auth_failed' } });
  });

  it('should classify a missing container as not_found', async () => {
    const report = await service.verify(input({ container: 'no-such-container' }), { orgId: 'o1' });
    expect(report).toMatchObject({ success: false, details: { error_code: 'not_found' } });
    expect(report.message).toContain('ContainerNotFound');
  });

  it('should connect only to the pinned address (a name only the policy resolver knows)', async () => {
    const pinned = makeService({ resolver: async () => [{ address: '127.0.0.1', family: 4 }] });
    const report = await pinned.verify(
      input({ endpoint: `http://azurite.verify.test:${azurite.port}/${ACCOUNT}` }),
      { orgId: 'o1' },
    );
    expect(report.success).toBe(true);
    expect(report.steps.find((s) => s.name === 'egress_policy')?.message).toBe(
      'allowed; pinned to 127.0.0.1',
    );
  });

  it('should deny a metadata endpoint before any request and reject endpoints with extra parts', async () => {
    const denied = await service.verify(input({ endpoint: 'http://169.254.169.254/devstoreaccount1' }), {
      orgId: 'o1',
    });
    expect(denied.details.error_code).toBe('egress_denied');
    for (const bad of [
      `http://u:p@127.0.0.1:${azurite.port}`,
      `${endpoint}/extra`,
      `${endpoint}?comp=list`,
    ]) {
      const report = await service.verify(input({ endpoint: bad }), { orgId: 'o1' });
      expect(report.details.error_code).toBe('invalid_config');
    }
  });
});
