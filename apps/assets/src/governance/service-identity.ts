import { DependencyUnavailableError } from '@app/core';
import { ConfigValidationError } from '@app/config';
import { type AuthConfig, DevTokenIssuer, resolveAuthSettings } from '@app/auth';
import type { AssetsConfig } from '../assets.config.js';

export const ASSETS_SERVICE_SUBJECT = 'service-account-assets';
const REFRESH_MARGIN_MS = 60_000;
const TOKEN_TIMEOUT_MS = 5000;
/** The org a readiness probe's dev token names; the internal readiness route acts in no org. */
const PROBE_ORG = 'platform';

type ServiceAccountConfig = Pick<
  AssetsConfig,
  'ASSETS_SERVICE_TOKEN_URL' | 'ASSETS_SERVICE_CLIENT_ID' | 'ASSETS_SERVICE_CLIENT_SECRET'
>;
const SERVICE_ACCOUNT_VARIABLES = [
  'ASSETS_SERVICE_TOKEN_URL',
  'ASSETS_SERVICE_CLIENT_ID',
  'ASSETS_SERVICE_CLIENT_SECRET',
] as const;

/**
 * With an external identity provider every create, verify, cleanup and audit delivery acts as
 * the service account, so a missing one is a boot error, not a 503 on each request later.
 */
export function assertServiceAccountConfigured(authConfig: AuthConfig, config: ServiceAccountConfig): void {
  if (resolveAuthSettings(authConfig).devMode) return;
  const missing = SERVICE_ACCOUNT_VARIABLES.filter((key) => !config[key]);
  if (missing.length === 0) return;
  throw new ConfigValidationError('assets', [
    `${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} required with an external identity provider (AUTH_ISSUERS or AUTH_KEYCLOAK_URL): ` +
      'Assets acts as its service account (client credentials at ASSETS_SERVICE_TOKEN_URL) for every create, verify, cleanup and audit delivery',
  ]);
}

/** A service-account failure whose message names the variables at fault, never their values. */
export class ServiceAccountError extends DependencyUnavailableError {
  constructor(
    readonly reason: string,
    cause?: unknown,
  ) {
    super('service identity', cause);
    this.message = `service account: ${reason}`;
  }
}

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
    private readonly config: ServiceAccountConfig,
  ) {
    this.dev = resolveAuthSettings(authConfig).devMode ? DevTokenIssuer.fromConfig(authConfig) : null;
  }

  async credentialsFor(orgId: string): Promise<ServiceCredentials> {
    if (this.dev) {
      // Dev tokens name the org directly; reused until a minute before expiry (RSA signing is not free).
      const hit = this.devTokens.get(orgId);
      if (hit && hit.expiresAt - REFRESH_MARGIN_MS > Date.now()) return { token: hit.token, orgId };
      const token = this.dev.issue({
        sub: ASSETS_SERVICE_SUBJECT,
        org: orgId,
        ttlSeconds: 300,
        extraClaims: { actor_type: 'service' },
      });
      if (this.devTokens.size > 10_000) this.devTokens.clear();
      this.devTokens.set(orgId, { token, expiresAt: Date.now() + 300_000 });
      return { token, orgId };
    }
    return { token: await this.clientCredentialsToken(), orgId };
  }

  /**
   * Credentials for a readiness probe, fetched within `timeoutMs`. Failures are
   * ServiceAccountErrors naming the variable at fault (ASSETS_SERVICE_TOKEN_URL, …).
   */
  async probeCredentials(timeoutMs: number): Promise<ServiceCredentials> {
    return this.dev
      ? this.credentialsFor(PROBE_ORG)
      : { token: await this.clientCredentialsToken(timeoutMs), orgId: PROBE_ORG };
  }

  /** Forget a token Governance refused, so the next call fetches a fresh one. */
  discardToken(token: string): void {
    if (this.cached?.token === token) this.cached = null;
  }

  private async clientCredentialsToken(timeoutMs = TOKEN_TIMEOUT_MS): Promise<string> {
    if (this.cached && this.cached.expiresAt - REFRESH_MARGIN_MS > Date.now()) return this.cached.token;
    const {
      ASSETS_SERVICE_TOKEN_URL: url,
      ASSETS_SERVICE_CLIENT_ID: clientId,
      ASSETS_SERVICE_CLIENT_SECRET: secret,
    } = this.config;
    if (!url || !clientId || !secret)
      throw new ServiceAccountError(
        'ASSETS_SERVICE_TOKEN_URL, ASSETS_SERVICE_CLIENT_ID and ASSETS_SERVICE_CLIENT_SECRET are not configured',
      );
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: clientId,
          client_secret: secret,
        }),
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const why =
        (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : 'unreachable';
      throw new ServiceAccountError(`the token endpoint (ASSETS_SERVICE_TOKEN_URL) is ${why}`, error);
    }
    if (!response.ok) {
      await response.body?.cancel();
      const refused = response.status === 400 || response.status === 401 || response.status === 403;
      throw new ServiceAccountError(
        refused
          ? `the token endpoint (ASSETS_SERVICE_TOKEN_URL) refused the client credentials (ASSETS_SERVICE_CLIENT_ID, ASSETS_SERVICE_CLIENT_SECRET): HTTP ${response.status}`
          : `the token endpoint (ASSETS_SERVICE_TOKEN_URL) answered HTTP ${response.status}`,
      );
    }
    let body: { access_token?: unknown; expires_in?: unknown };
    try {
      body = (await response.json()) as typeof body;
    } catch (error) {
      throw new ServiceAccountError(
        'the token endpoint (ASSETS_SERVICE_TOKEN_URL) answered no JSON token response',
        error,
      );
    }
    if (typeof body.access_token !== 'string' || !body.access_token)
      throw new ServiceAccountError(
        'the token endpoint (ASSETS_SERVICE_TOKEN_URL) answered without an access_token',
      );
    const ttlS = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 300;
    this.cached = { token: body.access_token, expiresAt: Date.now() + ttlS * 1000 };
    return body.access_token;
  }
}
