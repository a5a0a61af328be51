import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createPublicKey, type JsonWebKey, sign, verify } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { DEV_PRIVATE_KEY_FILE, loadOrCreateDevKeyPair } from './dev-key-store.js';

const run = promisify(execFile);
const here = join(process.cwd(), 'libs/auth/src/keys/dev-key-store.ts');

describe(loadOrCreateDevKeyPair.name, () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dev-key-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('should create a private key readable only by its owner, with a kid derived from the key', () => {
    const pair = loadOrCreateDevKeyPair(join(dir, 'nested'));
    const file = join(dir, 'nested', DEV_PRIVATE_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(pair.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(pair.jwk).toMatchObject({ kty: 'RSA', kid: pair.kid, alg: 'RS256', use: 'sig' });
    expect(pair.jwk).not.toHaveProperty('d');
    const data = Buffer.from('probe');
    expect(
      verify(
        'sha256',
        data,
        createPublicKey({ key: pair.jwk as unknown as JsonWebKey, format: 'jwk' }),
        sign('sha256', data, pair.privateKey),
      ),
    ).toBe(true);
  });

  it('should keep the same key for the same directory', () => {
    const first = loadOrCreateDevKeyPair(dir);
    expect(loadOrCreateDevKeyPair(dir)).toBe(first);
    expect(readFileSync(join(dir, DEV_PRIVATE_KEY_FILE), 'utf8')).toContain('BEGIN PRIVATE KEY');
  });

  it('should converge on one key when several processes create it at once', async () => {
    // Node 24 runs this dependency-free .ts file directly (type stripping).
    const script = `import(${JSON.stringify(pathToFileURL(here).href)}).then((m) => process.stdout.write(m.loadOrCreateDevKeyPair(process.argv[1]).kid))`;
    const children = Array.from({ length: 6 }, () =>
      run(process.execPath, ['--no-warnings', '-e', script, dir]),
    );
    const kids = (await Promise.all(children)).map((r) => r.stdout);
    expect(kids).toHaveLength(6);
    expect(new Set(kids).size).toBe(1);
    expect(kids[0]).toBe(loadOrCreateDevKeyPair(dir).kid);
  });
});
