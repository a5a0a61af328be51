import { readFileSync } from 'node:fs';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { ConfigValidationError, csv, loadConfig } from '@app/config';
import { DEFAULT_AUDIENCE, ORG_SLUG } from './auth.constants.js';

/** `AUTH_*` env namespace. Cross-field rules live in {@link resolveAuthSettings}. */
export class AuthConfig {
  /** Read here (not only by the app) so that auth decides dev mode from its own validated config. */
  @IsOptional() @IsString() NODE_ENV?: string;
  /**
   * Comma-separated trusted issuer URLs, compared exactly with `iss`. A Keycloak realm issuer
   * (`<base>/realms/<org>`) is bound to its org; any other must also be in AUTH_MULTI_TENANT_ISSUERS.
   */
  @IsOptional() @IsString() AUTH_ISSUERS?: string;
  /**
   * The AUTH_ISSUERS entries that serve many orgs and name the org in each token's `org_id` claim.
   * Only these may choose the org by claim; a realm issuer can never be one.
   */
  @IsOptional() @IsString() AUTH_MULTI_TENANT_ISSUERS?: string;
  /** Keycloak base URL: every `<base>/realms/<org>` issuer is trusted. */
  @IsOptional() @IsString() AUTH_KEYCLOAK_URL?: string;
  @IsOptional() @IsString() AUTH_AUDIENCE?: string;
  /** JWKS for the AUTH_ISSUERS (default for Keycloak-realm issuers: `<iss>/protocol/openid-connect/certs`). */
  @IsOptional() @IsString() AUTH_JWKS_URL?: string;
  /** PEM public key for the AUTH_ISSUERS, instead of a JWKS. */
  @IsOptional() @IsString() AUTH_PUBLIC_KEY_FILE?: string;
  /** Defaults from the topology (`http://localhost:<GOVERNANCE_PORT>/governance/dev-idp`). */
  @IsString() AUTH_DEV_ISSUER_BASE: string;
  /** Defaults from the topology (`<DATA_DIR>/auth`). */
  @IsString() AUTH_DATA_DIR: string;
  @IsInt() @Min(0) @Max(300) AUTH_CLOCK_TOLERANCE_S = 5;
  /**
   * Dev IdP: the exact redirect URIs of its one public client, `assets-console` (comma-separated).
   * Defaults from the topology (`http://localhost:<ASSETS_PORT>/console/callback` and the same on
   * 127.0.0.1); their origins + `/console/` are the allowed post-logout URIs.
   */
  @IsString() AUTH_DEV_CONSOLE_REDIRECT_URIS: string;
  /** Dev IdP: lifetime of the access tokens its token endpoint issues. */
  @IsInt() @Min(10) @Max(86_400) AUTH_DEV_ACCESS_TOKEN_TTL_S = 300;
  /**
   * The platform's own realm (§3.4): only its service accounts may act in an org named by X-Org-Id.
   * A tenant realm's tokens always act in that realm's org.
   */
  @IsString() AUTH_PLATFORM_REALM = 'master';
}

export type ExplicitKeySource =
  | { kind: 'jwks'; uri: string }
  | { kind: 'public-key'; key: KeyObject }
  /** Keycloak-realm issuers only: JWKS derived from the issuer. */
  | { kind: 'keycloak-derived' };

/** The validated, resolved view the rest of the library works from. */
/** One AUTH_ISSUERS entry and the org its tokens act in. */
export interface ExplicitIssuer {
  issuer: string;
  /** The realm's org for a realm issuer; null for a multi-tenant issuer (org from the `org_id` claim). */
  org: string | null;
}

export interface AuthSettings {
  /** Embedded dev identity provider: local key pair, issuers `<devIssuerBase>/realms/<org>`. */
  devMode: boolean;
  /** Realm whose service accounts may name their org with X-Org-Id; null in dev mode. */
  platformRealm: string | null;
  audience: string;
  clockToleranceS: number;
  explicitIssuers: ExplicitIssuer[];
  explicitKeySource: ExplicitKeySource | null;
  /** Without trailing slash. */
  keycloakBase: string | null;
  /** Without trailing slash; set only in dev mode. */
  devIssuerBase: string | null;
  dataDir: string;
  /** The dev IdP's authorization-code client; null outside dev mode. */
  devConsoleClient: DevConsoleClientSettings | null;
  devAccessTokenTtlS: number;
}

export interface DevConsoleClientSettings {
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  /** Origins of the redirect URIs: the only ones the token endpoint answers cross-origin. */
  origins: string[];
}

export function loadAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const config = loadConfig('auth', AuthConfig, env);
  resolveAuthSettings(config);
  return config;
}

function httpUrl(value: string, name: string, problems: string[]): string | null {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return value;
  } catch {
    // reported below
  }
  problems.push(`${name} must contain http(s) URLs`);
  return null;
}

const trimSlash = (s: string): string => s.replace(/\/+$/, '');

/**
 * The realm an issuer URL names, read generously so that no spelling of a realm issuer escapes
 * its binding: the path is percent-decoded before it is split, `realms` matches in any case,
 * trailing and doubled slashes are ignored, and Keycloak's old `/auth/realms/<realm>` prefix is
 * just another base. `realm: null` means the URL names no realm at all; a URL that names a realm
 * in any other shape than `<base>/realms/<realm>`, or a realm that is not an org slug, is a problem.
 */
export function realmNamedBy(issuer: string): { realm: string | null } | { problem: string } {
  let url: URL;
  let path: string;
  try {
    url = new URL(issuer);
    path = decodeURIComponent(url.pathname);
  } catch {
    return { problem: 'is not a well-formed URL' };
  }
  if (url.search || url.hash || url.username || url.password)
    return { problem: 'must not carry a query, fragment or user info' };
  const segments = path.split(/[/\\]/).filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) return { problem: 'must not contain dot segments' };
  const at = segments.findIndex((s) => s.toLowerCase() === 'realms');
  if (at === -1) return { realm: null };
  if (at !== segments.length - 2) return { problem: 'names a realm but is not <base>/realms/<realm>' };
  const realm = segments[at + 1]!;
  return ORG_SLUG.test(realm) ? { realm } : { problem: 'names a realm that is not an org slug' };
}

/** Applies the cross-field rules; throws a ConfigValidationError naming only variables. */
export function resolveAuthSettings(config: AuthConfig): AuthSettings {
  const problems: string[] = [];
  const production = config.NODE_ENV === 'production';
  const explicitIssuers = explicitIssuersOf(config, problems);
  const keycloakBase = config.AUTH_KEYCLOAK_URL
    ? httpUrl(config.AUTH_KEYCLOAK_URL, 'AUTH_KEYCLOAK_URL', problems) && trimSlash(config.AUTH_KEYCLOAK_URL)
    : null;
  const devMode =
    !production &&
    !config.AUTH_ISSUERS &&
    !config.AUTH_KEYCLOAK_URL &&
    !config.AUTH_JWKS_URL &&
    !config.AUTH_PUBLIC_KEY_FILE;

  if (production) {
    if (!config.AUTH_ISSUERS && !config.AUTH_KEYCLOAK_URL) {
      problems.push('AUTH_ISSUERS or AUTH_KEYCLOAK_URL is required when NODE_ENV=production');
    }
    if (!config.AUTH_AUDIENCE) problems.push('AUTH_AUDIENCE is required when NODE_ENV=production');
  }
  if (config.AUTH_JWKS_URL && config.AUTH_PUBLIC_KEY_FILE) {
    problems.push('AUTH_JWKS_URL and AUTH_PUBLIC_KEY_FILE are mutually exclusive');
  }
  if ((config.AUTH_JWKS_URL || config.AUTH_PUBLIC_KEY_FILE) && !config.AUTH_ISSUERS) {
    problems.push('AUTH_JWKS_URL and AUTH_PUBLIC_KEY_FILE apply to AUTH_ISSUERS, which is not set');
  }

  let explicitKeySource: ExplicitKeySource | null = null;
  if (config.AUTH_JWKS_URL) {
    const uri = httpUrl(config.AUTH_JWKS_URL, 'AUTH_JWKS_URL', problems);
    if (uri) explicitKeySource = { kind: 'jwks', uri };
  } else if (config.AUTH_PUBLIC_KEY_FILE) {
    explicitKeySource = readPublicKey(config.AUTH_PUBLIC_KEY_FILE, problems);
  } else if (explicitIssuers.length) {
    if (explicitIssuers.every((i) => i.org !== null)) explicitKeySource = { kind: 'keycloak-derived' };
    else
      problems.push(
        'AUTH_JWKS_URL or AUTH_PUBLIC_KEY_FILE is required for AUTH_ISSUERS that are not Keycloak realms',
      );
  }

  const devConsoleClient = devMode ? devConsoleClientOf(config, problems) : null;

  if (problems.length) throw new ConfigValidationError('auth', problems);
  return {
    devMode,
    audience: config.AUTH_AUDIENCE || DEFAULT_AUDIENCE,
    clockToleranceS: config.AUTH_CLOCK_TOLERANCE_S,
    platformRealm: devMode ? null : config.AUTH_PLATFORM_REALM,
    explicitIssuers,
    explicitKeySource,
    keycloakBase: keycloakBase || null,
    devIssuerBase: devMode ? trimSlash(config.AUTH_DEV_ISSUER_BASE) : null,
    dataDir: config.AUTH_DATA_DIR,
    devConsoleClient,
    devAccessTokenTtlS: config.AUTH_DEV_ACCESS_TOKEN_TTL_S,
  };
}

/** Redirect URIs are matched exactly, so each must be an absolute http(s) URL without a fragment. */
function devConsoleClientOf(config: AuthConfig, problems: string[]): DevConsoleClientSettings {
  const redirectUris: string[] = [];
  for (const uri of csv(config.AUTH_DEV_CONSOLE_REDIRECT_URIS)) {
    if (!httpUrl(uri, 'AUTH_DEV_CONSOLE_REDIRECT_URIS', problems)) continue;
    if (new URL(uri).hash || uri.includes('#')) {
      problems.push('AUTH_DEV_CONSOLE_REDIRECT_URIS must not contain fragments');
      continue;
    }
    redirectUris.push(uri);
  }
  const origins = [...new Set(redirectUris.map((uri) => new URL(uri).origin))];
  return { redirectUris, origins, postLogoutRedirectUris: origins.map((origin) => `${origin}/console/`) };
}

/**
 * AUTH_ISSUERS with the org each is bound to. A realm issuer speaks for its realm's org only,
 * whichever setting lists it; only issuers declared in AUTH_MULTI_TENANT_ISSUERS choose the org by
 * claim. Anything in between (a non-realm issuer not declared, a realm declared multi-tenant) is refused.
 */
function explicitIssuersOf(config: AuthConfig, problems: string[]): ExplicitIssuer[] {
  const listed = csv(config.AUTH_ISSUERS).filter((i) => httpUrl(i, 'AUTH_ISSUERS', problems));
  const multiTenant = new Set(csv(config.AUTH_MULTI_TENANT_ISSUERS));
  for (const issuer of multiTenant) {
    if (!listed.includes(issuer))
      problems.push('AUTH_MULTI_TENANT_ISSUERS may only name issuers listed in AUTH_ISSUERS');
  }
  return listed.flatMap((issuer): ExplicitIssuer[] => {
    const shape = realmNamedBy(issuer);
    if ('problem' in shape) {
      problems.push(`AUTH_ISSUERS: an issuer ${shape.problem}`);
      return [];
    }
    if (shape.realm !== null) {
      if (multiTenant.has(issuer))
        problems.push('AUTH_MULTI_TENANT_ISSUERS must not name a realm issuer: a realm is one org');
      return [{ issuer, org: shape.realm }];
    }
    if (!multiTenant.has(issuer)) {
      problems.push(
        'AUTH_ISSUERS entries that are not realm issuers (<base>/realms/<org>) must also be listed in AUTH_MULTI_TENANT_ISSUERS',
      );
      return [];
    }
    return [{ issuer, org: null }];
  });
}

function readPublicKey(file: string, problems: string[]): ExplicitKeySource | null {
  try {
    const key = createPublicKey(readFileSync(file));
    const ok =
      key.asymmetricKeyType === 'rsa' ||
      (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1');
    if (ok) return { kind: 'public-key', key };
    problems.push('AUTH_PUBLIC_KEY_FILE must hold an RSA or P-256 public key');
  } catch {
    problems.push('AUTH_PUBLIC_KEY_FILE must be a readable PEM public key');
  }
  return null;
}
