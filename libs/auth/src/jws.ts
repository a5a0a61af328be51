/** Minimal compact-JWS helpers: decoding before verification (to pick the issuer) and encoding. */

export type JwtHeader = { alg?: unknown; kid?: unknown; typ?: unknown; [name: string]: unknown };
export type JwtClaims = { [name: string]: unknown };

/** Larger than any realistic access token, small enough to bound parsing work. */
export const MAX_TOKEN_LENGTH = 16 * 1024;

function decodePart(part: string): Record<string, unknown> | null {
  if (!/^[A-Za-z0-9_-]+$/.test(part)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** Header and claims of a compact JWS, NOT verified: only for choosing how to verify it. */
export function decodeUnverified(token: string): { header: JwtHeader; claims: JwtClaims } | null {
  if (token.length > MAX_TOKEN_LENGTH) return null;
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const header = decodePart(parts[0]);
  const claims = decodePart(parts[1]);
  return header && claims ? { header, claims } : null;
}

/** `<b64url(header)>.<b64url(claims)>`, the bytes a JWS signature covers. */
export function signingInput(header: object, claims: object): string {
  const enc = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${enc(header)}.${enc(claims)}`;
}
