import jwksRsa, { type JwksClient } from 'jwks-rsa';
import { DependencyUnavailableError } from '@app/core';
import type { TrustedIssuer } from './trusted-issuers.js';

export interface JwksPoolOptions {
  /** Keycloak realms seen; least recently used clients are dropped beyond this. */
  maxRealmClients: number;
  /** Per issuer (jwks-rsa's `jwksRequestsPerMinute`, enforced here without queueing: see create()). */
  perIssuerRequestsPerMinute: number;
  /** Across all issuers, so that many distinct realms cannot multiply the per-issuer limit. */
  globalRequestsPerMinute: number;
  cacheMaxAgeMs: number;
  timeoutMs: number;
  maxResponseBytes: number;
}

export const DEFAULT_JWKS_POOL_OPTIONS: JwksPoolOptions = {
  maxRealmClients: 100,
  perIssuerRequestsPerMinute: 10,
  globalRequestsPerMinute: 60,
  cacheMaxAgeMs: 10 * 60_000,
  timeoutMs: 5_000,
  maxResponseBytes: 256 * 1024,
};

/** The identity provider answered, but not with keys (e.g. an unknown realm): a token problem, not an outage. */
export class JwksRejectedError extends Error {
  override readonly name = 'JwksRejectedError';
}

/** Continuous token bucket that answers at once (never queues a caller). */
class FetchBudget {
  private tokens: number;
  private last = Date.now();

  constructor(private readonly perMinute: number) {
    this.tokens = perMinute;
  }

  take(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.perMinute, this.tokens + ((now - this.last) * this.perMinute) / 60_000);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/**
 * One jwks-rsa client per trusted issuer, created on first use. Keys are cached (default
 * 10 min) and fetches are rate limited per issuer and globally, so tokens carrying random
 * unknown `kid`s cannot make the service fetch without limit.
 */
export class JwksClientPool {
  private readonly explicit = new Map<string, JwksClient>();
  /** Map iteration order is insertion order: re-inserting on use makes it an LRU. */
  private readonly realms = new Map<string, JwksClient>();
  private readonly budget: FetchBudget;
  private readonly options: JwksPoolOptions;

  constructor(options: Partial<JwksPoolOptions> = {}) {
    this.options = { ...DEFAULT_JWKS_POOL_OPTIONS, ...options };
    this.budget = new FetchBudget(this.options.globalRequestsPerMinute);
  }

  get realmClientCount(): number {
    return this.realms.size;
  }

  /** The PEM public key for `kid` from the issuer's JWKS. */
  async signingKey(issuer: TrustedIssuer, kid: string | undefined): Promise<string> {
    const key = await this.clientFor(issuer).getSigningKey(kid);
    return key.getPublicKey();
  }

  private clientFor(issuer: TrustedIssuer): JwksClient {
    if (issuer.keys.kind !== 'jwks') throw new Error('Issuer has no JWKS');
    const uri = issuer.keys.uri;
    if (issuer.keys.pool === 'explicit') {
      let client = this.explicit.get(issuer.issuer);
      if (!client) this.explicit.set(issuer.issuer, (client = this.create(uri)));
      return client;
    }
    let client = this.realms.get(issuer.issuer);
    if (client) {
      this.realms.delete(issuer.issuer);
    } else {
      client = this.create(uri);
      if (this.realms.size >= this.options.maxRealmClients) {
        this.realms.delete(this.realms.keys().next().value as string);
      }
    }
    this.realms.set(issuer.issuer, client);
    return client;
  }

  private create(jwksUri: string): JwksClient {
    const perIssuer = new FetchBudget(this.options.perIssuerRequestsPerMinute);
    return jwksRsa({
      jwksUri,
      cache: true,
      cacheMaxAge: this.options.cacheMaxAgeMs,
      cacheMaxEntries: 10,
      // jwks-rsa's limiter (`rateLimit: true`) parks requests beyond its bucket in timers
      // instead of refusing them (measured: of 50 concurrent unknown-kid lookups, 40 were
      // still pending after 5 s), so one burst pins sockets for minutes. The same
      // per-issuer limit is applied in the fetcher instead, answering at once.
      rateLimit: false,
      timeout: this.options.timeoutMs,
      fetcher: async (uri) => {
        if (!perIssuer.take() || !this.budget.take())
          throw new JwksRejectedError('JWKS fetch budget exhausted');
        return this.fetchJwks(uri);
      },
    });
  }

  private async fetchJwks(uri: string): Promise<{ keys: unknown }> {
    let response: Response;
    try {
      response = await fetch(uri, {
        headers: { accept: 'application/json' },
        redirect: 'error',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (err) {
      throw new DependencyUnavailableError('Identity provider', err);
    }
    if (response.status >= 500) {
      await response.body?.cancel();
      throw new DependencyUnavailableError('Identity provider');
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new JwksRejectedError(`JWKS endpoint answered ${response.status}`);
    }
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > this.options.maxResponseBytes) {
      await response.body?.cancel();
      throw new JwksRejectedError('JWKS response too large');
    }
    const text = await response.text();
    if (text.length > this.options.maxResponseBytes) throw new JwksRejectedError('JWKS response too large');
    try {
      const body = JSON.parse(text) as { keys?: unknown };
      return { keys: Array.isArray(body?.keys) ? body.keys : [] };
    } catch {
      throw new JwksRejectedError('JWKS response is not JSON');
    }
  }
}
