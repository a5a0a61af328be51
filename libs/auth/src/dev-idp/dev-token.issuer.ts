import { randomUUID, sign, verify } from 'node:crypto';
import { ORG_SLUG } from '../auth.constants.js';
import { type AuthConfig, resolveAuthSettings } from '../auth.config.js';
import { decodeUnverified, type JwtClaims, signingInput } from '../jws.js';
import { type DevKeyPair, loadOrCreateDevKeyPair } from '../keys/dev-key-store.js';
import { devIssuerFor } from '../trusted-issuers.js';

export interface DevTokenRequest {
  sub: string;
  org: string;
  /** Default 3600. */
  ttlSeconds?: number;
  /** Default: the configured audience. */
  audience?: string;
  /** Merged under the standard claims (they cannot override iss, sub, aud, iat, exp). */
  extraClaims?: Record<string, unknown>;
}

/** Mints RS256 tokens from the embedded dev identity provider, shaped like Keycloak realm tokens. */
export class DevTokenIssuer {
  constructor(
    private readonly key: DevKeyPair,
    private readonly issuerBase: string,
    private readonly defaultAudience: string,
  ) {}

  /** For the CLI and tests; refuses unless dev mode is active (never in production). */
  static fromConfig(config: AuthConfig): DevTokenIssuer {
    const settings = resolveAuthSettings(config);
    if (!settings.devMode || !settings.devIssuerBase) {
      throw new Error(
        'The dev identity provider is disabled (NODE_ENV=production or an external issuer is configured)',
      );
    }
    return new DevTokenIssuer(
      loadOrCreateDevKeyPair(settings.dataDir),
      settings.devIssuerBase,
      settings.audience,
    );
  }

  issuerFor(org: string): string {
    return devIssuerFor(this.issuerBase, org);
  }

  issue({ sub, org, ttlSeconds = 3600, audience, extraClaims = {} }: DevTokenRequest): string {
    if (!sub) throw new Error('sub is required');
    if (!ORG_SLUG.test(org)) throw new Error('org must be a slug (lowercase letters, digits and dashes)');
    if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0)
      throw new Error('ttlSeconds must be a positive integer');
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', typ: 'JWT', kid: this.key.kid };
    const claims = {
      jti: randomUUID(),
      ...extraClaims,
      iss: this.issuerFor(org),
      sub,
      aud: audience ?? this.defaultAudience,
      iat: now,
      exp: now + ttlSeconds,
    };
    const input = signingInput(header, claims);
    return `${input}.${sign('sha256', Buffer.from(input), this.key.privateKey).toString('base64url')}`;
  }

  /**
   * The claims of a token this issuer signed (expired or not: a logout hint may be old), or null.
   * Not an authentication check: the apps verify access tokens with their own strategy.
   */
  readOwn(token: string): JwtClaims | null {
    const decoded = decodeUnverified(token);
    if (!decoded || decoded.header.alg !== 'RS256' || decoded.header.kid !== this.key.kid) return null;
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const valid = verify(
      'sha256',
      Buffer.from(`${header}.${payload}`),
      this.key.publicKey,
      Buffer.from(signature, 'base64url'),
    );
    return valid ? decoded.claims : null;
  }
}
