import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';

export interface TestKeyPair {
  alg: 'RS256' | 'ES256';
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicPem: string;
  /** Public JWK with kid, alg and use, ready for a JWKS. */
  jwk: Record<string, unknown>;
}

/** A fresh RS256 (2048-bit) or ES256 (P-256) key pair for tests. */
export function createTestKeyPair(
  alg: 'RS256' | 'ES256' = 'RS256',
  kid = `test-${randomBytes(6).toString('hex')}`,
): TestKeyPair {
  const { privateKey, publicKey } =
    alg === 'RS256'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    alg,
    kid,
    privateKey,
    publicKey,
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    jwk: { ...publicKey.export({ format: 'jwk' }), kid, alg, use: 'sig' },
  };
}

export function jwksOf(...pairs: TestKeyPair[]): { keys: Array<Record<string, unknown>> } {
  return { keys: pairs.map((p) => p.jwk) };
}
