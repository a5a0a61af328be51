import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Dev mode only: a random secret kept in a 0600 file so that both apps, started together or
 * apart, agree on it. Published with link(2), which fails if the name exists, so the file is
 * never seen half-written and the loser of a race reads the winner's value.
 */
export function readOrCreateDevSecret(path: string, bytes = 32): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(temp, randomBytes(bytes).toString('base64url'), { mode: 0o600 });
    try {
      linkSync(temp, path);
    } catch {
      // another process published first; use theirs
    } finally {
      unlinkSync(temp);
    }
    return readFileSync(path, 'utf8').trim();
  }
}
