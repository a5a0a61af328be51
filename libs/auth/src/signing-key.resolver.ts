import type { KeyObject } from 'node:crypto';
import { DependencyUnavailableError } from '@app/core';
import { ALLOWED_ALGORITHMS } from './auth.constants.js';
import { decodeUnverified } from './jws.js';
import type { JwksClientPool } from './jwks-client-pool.js';
import { TokenRejectedError } from './token-rejected.error.js';
import type { TrustedIssuers } from './trusted-issuers.js';

/**
 * Picks the verification key for a token from its unverified header and `iss`. Everything
 * that can be refused without I/O (algorithm, issuer, kid shape) is refused before any
 * JWKS is fetched; JWKS are only ever fetched from a trusted issuer's URL.
 */
export class SigningKeyResolver {
  constructor(
    private readonly issuers: TrustedIssuers,
    private readonly jwks: JwksClientPool,
  ) {}

  async resolve(token: string): Promise<KeyObject | string> {
    const decoded = decodeUnverified(token);
    if (!decoded) throw new TokenRejectedError('malformed');
    const { header, claims } = decoded;
    if (!(ALLOWED_ALGORITHMS as readonly unknown[]).includes(header.alg))
      throw new TokenRejectedError('algorithm not allowed');
    // RFC 7515 §4.1.11: we understand no extensions, so any `crit` must be refused.
    if (header.crit !== undefined) throw new TokenRejectedError('unsupported crit header');
    if (header.kid !== undefined && (typeof header.kid !== 'string' || header.kid.length > 256)) {
      throw new TokenRejectedError('malformed kid');
    }
    const issuer = this.issuers.resolve(claims.iss);
    if (!issuer) throw new TokenRejectedError('untrusted issuer');

    const kid = header.kid as string | undefined;
    if (issuer.keys.kind === 'static') {
      if (issuer.keys.kid && kid !== undefined && kid !== issuer.keys.kid)
        throw new TokenRejectedError('unknown kid');
      return issuer.keys.key;
    }
    try {
      return await this.jwks.signingKey(issuer, kid);
    } catch (err) {
      if (err instanceof DependencyUnavailableError) throw err;
      throw new TokenRejectedError(`no signing key (${(err as Error)?.name ?? 'error'})`);
    }
  }
}
