import {
  chmodSync,
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { join, resolve } from 'node:path';

export const DEV_PRIVATE_KEY_FILE = 'dev-idp-rs256.key.pem';

export interface PublicJwk {
  kty: 'RSA';
  n: string;
  e: string;
  kid: string;
  alg: 'RS256';
  use: 'sig';
}

export interface DevKeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** RFC 7638 thumbprint: derived from the key, so every process agrees on it without storing it. */
  kid: string;
  jwk: PublicJwk;
}

// Both apps can run in one process; they must share one key object.
const loaded = new Map<string, DevKeyPair>();

/**
 * Loads the dev identity provider's RS256 key from `dataDir`, creating it on first use.
 * Creation is race-safe across processes: the key is written to a private temp file and
 * hard-linked into place (link, unlike rename, never replaces a key another process already
 * published), then the file is read back so every process ends up with the winner's key.
 */
export function loadOrCreateDevKeyPair(dataDir: string): DevKeyPair {
  const file = resolve(join(dataDir, DEV_PRIVATE_KEY_FILE));
  const cached = loaded.get(file);
  if (cached) return cached;
  const pair = fromPem(readExisting(file) ?? create(file));
  loaded.set(file, pair);
  return pair;
}

function readExisting(file: string): string | null {
  try {
    const pem = readFileSync(file, 'utf8');
    // Tighten a key someone copied in with loose permissions.
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    return pem;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

function create(file: string): string {
  mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(tmp, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  try {
    linkSync(tmp, file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      // Another process won the race; use its key.
    } else if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') {
      // File systems without hard links: atomic rename, unless a key has appeared meanwhile.
      if (readExisting(file) === null) renameSync(tmp, file);
    } else {
      throw err;
    }
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      // already renamed
    }
  }
  return readFileSync(file, 'utf8');
}

function fromPem(pem: string): DevKeyPair {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'rsa')
    throw new Error(`${DEV_PRIVATE_KEY_FILE} must hold an RSA private key`);
  const publicKey = createPublicKey(privateKey);
  const { n, e } = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  // RFC 7638: required members in lexicographic order, no whitespace.
  const kid = createHash('sha256')
    .update(JSON.stringify({ e, kty: 'RSA', n }))
    .digest('base64url');
  return { privateKey, publicKey, kid, jwk: { kty: 'RSA', n, e, kid, alg: 'RS256', use: 'sig' } };
}
