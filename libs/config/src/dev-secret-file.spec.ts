import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readOrCreateDevSecret } from './dev-secret-file.js';

describe(readOrCreateDevSecret.name, () => {
  it('should create a 0600 file once and return the same value after', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'devsecret-')), 'nested', 'token');
    const first = readOrCreateDevSecret(path);
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(readOrCreateDevSecret(path)).toBe(first);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});
