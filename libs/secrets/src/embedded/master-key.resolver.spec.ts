import { chmod, mkdtemp, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { resolveMasterKey } from './master-key.resolver.js';

describe(resolveMasterKey.name, () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'master-key-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('should decode SECRETS_MASTER_KEY without touching the disk', async () => {
    const key = randomBytes(32);
    await expect(
      resolveMasterKey({ SECRETS_MASTER_KEY: key.toString('base64') }, dir, { NODE_ENV: 'production' }),
    ).resolves.toEqual(key);
    await expect(stat(join(dir, 'secrets'))).rejects.toThrow();
  });

  it('should reject a key that is not 32 bytes without printing it', async () => {
    const short = randomBytes(16).toString('base64');
    const err = await resolveMasterKey({ SECRETS_MASTER_KEY: short }, dir, {}).catch((e: Error) => e);
    expect(String(err)).toMatch(/exactly 32 bytes/);
    expect(String(err)).not.toContain(short);
  });

  it('should generate a 0600 key file once and reuse it, also under concurrent starts', async () => {
    const [a, b] = await Promise.all([resolveMasterKey({}, dir, {}), resolveMasterKey({}, dir, {})]);
    expect(a).toHaveLength(32);
    expect(b.equals(a)).toBe(true);
    expect((await stat(join(dir, 'secrets', 'master.key'))).mode & 0o777).toBe(0o600);
    await expect(resolveMasterKey({}, dir, {})).resolves.toEqual(a);
  });

  it('should refuse a key file readable by others', async () => {
    await mkdir(join(dir, 'secrets'));
    await writeFile(join(dir, 'secrets', 'master.key'), randomBytes(32).toString('base64'));
    await chmod(join(dir, 'secrets', 'master.key'), 0o644);
    await expect(resolveMasterKey({}, dir, {})).rejects.toThrow(/chmod 600/);
  });

  it('should be a boot error in production when no key is configured', async () => {
    await expect(resolveMasterKey({}, dir, { NODE_ENV: 'production' })).rejects.toThrow(
      'SECRETS_MASTER_KEY is required when NODE_ENV=production',
    );
  });
});
