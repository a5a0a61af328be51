import { DependencyUnavailableError } from '@app/core';
import { type AuthConfig, DevTokenIssuer, resolveAuthSettings } from '@app/auth';
import type { AssetsConfig } from '../assets.config.js';

export const ASSETS_SERVICE_SUBJECT = 'service-account-assets';
const REFRESH_MARGIN_MS = 60_000;

/** Bearer token plus the X-Org-Id it acts in (platform-api §3.4). */
export interface ServiceCredentials {
  token: string;
  orgId: string;
}

/**
 * The Assets service's own identity, for work no user request carries: the reconciler and
 * audit delivery. Dev mode mints short-lived tokens from the dev identity provider; otherwise
 * the OAuth2 client-credentials grant against ASSETS_SERVICE_TOKEN_URL.
 */
export class ServiceIdentity {
  private cached: { token: string; expiresAt: number } | null = null;
  private readonly devTokens = new Map<string, { token: string; expiresAt: number }>();
  private readonly dev: DevTokenIssuer | null;

  constructor(
    authConfig: AuthConfig,
    private readonly config: Pick<AssetsConfig, 'ASSETS_SERVICE_TOKEN_URL' | 'ASSETS_SERVICE_CLIENT_ID' | 'ASSETS_SERVICE_CLIENT_SECRET'>,
  ) {
    this.dev = resolveAuthSettings(authConfig).devMode ? DevTokenIssuer.fromConfig(authConfig) : null;
  }

  async credentialsFor(orgId: string): Promise<ServiceCredentials> {
    if (this.dev) {
      // Dev tokens name the org directly; reused until a minute before expiry (RSA signing is not free).
      const hit = this.devTokens.get(orgId);
      if (hit && hit.expiresAt - REFRESH_MARGIN_MS > Date.now()) return { token: hit.token, orgId };
      const token = this.dev.issue({ sub: ASSETS_SERVICE_SUBJECT, org: orgId, ttlSeconds: 300, extraClaims: { actor_type: 'service' } });
      if (this.devTokens.size > 10_000) this.devTokens.clear();
      this.devTokens.set(orgId, { token, expiresAt: Date.now() + 300_000 });
      return { token, orgId };
    }
    return { token: await this.clientCredentialsToken(), orgId };
  }

  private async clientCredentialsToken(): Promise<string> {
    if (this.cached && this.cached.expiresAt - REFRESH_MARGIN_MS > Date.now()) return this.cached.token;
    const { ASSETS_SERVICE_TOKEN_URL: url, ASSETS_SERVICE_CLIENT_ID: clientId, ASSETS_SERVICE_CLIENT_SECRET: secret } = this.config;
    if (!url || !clientId || !secret) throw new DependencyUnavailableError('service identity (ASSETS_SERVICE_TOKEN_URL is not configured)');
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
        signal: AbortSignal.timeout(5000),
      });
    } catch (error) {
      throw new DependencyUnavailableError('identity provider', error);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new DependencyUnavailableError('identity provider');
    }
    const body = (await response.json()) as { access_token?: string; expires_in?: number };
    if (!body.access_token) throw new DependencyUnavailableError('identity provider');
    this.cached = { token: body.access_token, expiresAt: Date.now() + (body.expires_in ?? 300) * 1000 };
    return body.access_token;
  }
}
