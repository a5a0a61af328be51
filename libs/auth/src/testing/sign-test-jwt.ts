import { createHmac, sign, type KeyObject } from 'node:crypto';
import { DEFAULT_AUDIENCE } from '../auth.constants.js';
import { signingInput } from '../jws.js';

export interface SignTestJwtOptions {
  /** Default RS256. Anything else is written into the header as is (e.g. 'none'). */
  alg?: 'RS256' | 'ES256' | 'HS256' | 'HS384' | 'HS512' | 'none' | (string & {});
  /** Private key for RS/ES; secret for HS (a public key PEM string makes the key-confusion attack). Unused for none. */
  key?: KeyObject | string | Buffer;
  /** Merged over `{ alg, typ: 'JWT' }`; put `kid` here. */
  header?: Record<string, unknown>;
  /** Merged over `{ sub: 'test-user', aud: 'assets-platform', iat, exp }`; a claim set to undefined is dropped. */
  claims?: Record<string, unknown>;
  /** exp = now + ttlSeconds (default 300); negative for an expired token. */
  ttlSeconds?: number;
}

const HASH: Record<string, string> = { 256: 'sha256', 384: 'sha384', 512: 'sha512' };

/**
 * Signs a compact JWT with arbitrary header, claims and key, including the ones the
 * service must refuse (alg none, HMAC, wrong key, expired, wrong aud, unknown kid).
 * Test-only: never use it to mint real tokens.
 */
export function signTestJwt(options: SignTestJwtOptions = {}): string {
  const alg = options.alg ?? 'RS256';
  const now = Math.floor(Date.now() / 1000);
  const header = { alg, typ: 'JWT', ...options.header };
  const claims = Object.fromEntries(
    Object.entries({
      sub: 'test-user',
      aud: DEFAULT_AUDIENCE,
      iat: now,
      exp: now + (options.ttlSeconds ?? 300),
      ...options.claims,
    }).filter(([, v]) => v !== undefined),
  );
  const input = signingInput(header, claims);
  return `${input}.${signature(alg, input, options.key).toString('base64url')}`;
}

function signature(alg: string, input: string, key: KeyObject | string | Buffer | undefined): Buffer {
  if (alg === 'none') return Buffer.alloc(0);
  if (key === undefined) throw new Error(`signTestJwt: ${alg} needs a key`);
  const family = alg.slice(0, 2);
  const hash = HASH[alg.slice(2)];
  if (!hash) throw new Error(`signTestJwt: unsupported alg ${alg}`);
  if (family === 'HS') return createHmac(hash, key).update(input).digest();
  if (family === 'RS') return sign(hash, Buffer.from(input), key);
  if (family === 'ES')
    return sign(hash, Buffer.from(input), { key: key as KeyObject, dsaEncoding: 'ieee-p1363' });
  throw new Error(`signTestJwt: unsupported alg ${alg}`);
}
