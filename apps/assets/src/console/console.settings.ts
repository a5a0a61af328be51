import { resolve } from 'node:path';
import type { TopologyConfig } from '@app/config';
import { type AuthConfig, resolveAuthSettings } from '@app/auth';
import type { AssetsConfig } from '../assets.config.js';

/** What serving the console needs, resolved once at boot. */
export interface ConsoleSettings {
  /** The built SPA (vite build output). */
  distDir: string;
  /** Realms live under it: `<oidcBase>/realms/<org>`. Null: no identity provider the browser can use. */
  oidcBase: string | null;
  clientId: string;
  /** Governance as the browser reaches it. */
  governanceUrl: string;
}

/**
 * Defaults that work under `npm start`: the dev identity provider and Governance on localhost
 * (the browser's name for them, which their CORS and redirect URIs expect); in production the
 * Keycloak base (AUTH_KEYCLOAK_URL) and GOVERNANCE_URL unless CONSOLE_* says otherwise.
 */
export function consoleSettingsOf(
  config: AssetsConfig,
  auth: AuthConfig,
  topology: Pick<TopologyConfig, 'GOVERNANCE_URL'>,
): ConsoleSettings {
  const resolved = resolveAuthSettings(auth);
  const devOrigin = resolved.devIssuerBase ? new URL(resolved.devIssuerBase).origin : null;
  return {
    distDir: resolve(config.CONSOLE_DIST_DIR),
    oidcBase: trimSlash(config.CONSOLE_OIDC_BASE ?? resolved.keycloakBase ?? resolved.devIssuerBase),
    clientId: config.CONSOLE_CLIENT_ID,
    governanceUrl: trimSlash(config.CONSOLE_GOVERNANCE_URL ?? devOrigin ?? topology.GOVERNANCE_URL)!,
  };
}

function trimSlash(url: string | null | undefined): string | null {
  return url ? url.replace(/\/+$/, '') : null;
}
