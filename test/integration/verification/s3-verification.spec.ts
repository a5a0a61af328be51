import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { VerificationService } from '../../../apps/assets/src/verification/verification.service.js';
import { makeService } from './verification-fixtures.js';

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-s3rver-'));
const s3rver = new S3rver({
  port: 0,
  address: '127.0.0.1',
  silent: true,
  directory,
  configureBuckets: [{ name: 'landing' }],
});
const { port } = (await s3rver.run()) as { port: number };
const endpoint = `http://127.0.0.1:${port}`;
const seed = new S3Client({
  region: 'us-east-1',
  endpoint,
  forcePathStyle: true,
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
});
for (const key of ['raw/a.csv', 'raw/b.csv', 'curated/x.parquet', 'tmp/y', 'top.txt']) {
  await seed.send(new PutObjectCommand({ Bucket: 'landing', Key: key, Body: 'x' }));
}
afterAll(async () => {
  seed.destroy();
  await s3rver.close();
  fs.rmSync(directory, { recursive: true, force: true });
});

const input = (
  type: 's3' | 'minio',
  config: Record<string, unknown> = {},
  credentials: Record<string, unknown> = {},
) => ({
  type,
  auth_type: 'access_key',
  config: {
    auth_type: 'access_key',
    bucket: 'landing',
    endpoint,
    region: 'us-east-1',
    path_style: true,
    ...config,
  },
  credentials: { access_key: 'S3RVER', secret_key: 'S3RVER', ...credentials },
});

// s3rver checks access key ids but not SigV4 signatures, so a wrong *secret* cannot be detected
// here; a wrong access key id (InvalidAccessKeyId) is the credential failure it can produce.
describe(`${VerificationService.name} (s3 and minio, real s3rver)`, () => {
  const service = makeService();

  it.each(['s3', 'minio'] as const)('should verify %s and list top-level prefixes', async (type) => {
    const report = await service.verify(input(type), { orgId: 'o1' });
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
    expect(report.details.warnings).toContain(
      'the endpoint uses plain HTTP: credentials are signed but data is not encrypted',
    );
  });

  it('should filter and truncate prefixes', async () => {
    const report = await service.verify(input('minio'), { orgId: 'o1', exclude: ['tmp/'], maxObjects: 1 });
    expect(report.details.prefixes).toEqual(['curated/']);
    expect(report.details.truncated).toBe(true);
  });

  it('should classify an unknown access key as auth_failed and a missing bucket as not_found', async () => {
    const badKey = await service.verify(input('minio', {}, { access_key: 'NOT-A-KEY' }), { orgId: 'o1' });
    expect(badKey).toMatchObject({ success: false, details: { error_code: 'auth_failed' } });
    expect(badKey.steps.find((s) => s.name === 'authenticate')?.status).toBe('failed');
    const missing = await service.verify(input('minio', { bucket: 'no-such-bucket' }), { orgId: 'o1' });
    expect(missing).toMatchObject({ success: false, details: { error_code: 'not_found' } });
  });

  it('should fail at tls when an https endpoint has no TLS', async () => {
    const report = await service.verify(input('minio', { endpoint: `https://127.0.0.1:${port}` }), {
      orgId: 'o1',
    });
    expect(report).toMatchObject({ success: false, details: { error_code: 'tls_error' } });
    expect(report.steps.find((s) => s.name === 'tls')?.status).toBe('failed');
  });

  it('should reject endpoints carrying userinfo, paths or queries', async () => {
    for (const bad of [
      `http://u:p@127.0.0.1:${port}`,
      `${endpoint}/admin`,
      `${endpoint}?x=1`,
      'file:///etc/passwd',
    ]) {
      const report = await service.verify(input('minio', { endpoint: bad }), { orgId: 'o1' });
      expect(report.details.error_code).toBe('invalid_config');
    }
  });
});
