import type { Pool } from 'pg';
import type { SecretsBackend, SecretsBackendKind } from './secrets-backend.js';
import type { SecretsConfig } from './secrets.config.js';
import { parseGcpEndpoint } from './secrets.config.js';
import { EmbeddedSecretsBackend, type SqlQueryable } from './embedded/embedded-secrets.backend.js';
import { resolveMasterKey } from './embedded/master-key.resolver.js';
import { InfisicalSecretsBackend } from './infisical/infisical-secrets.backend.js';
import { GcpSecretsBackend } from './gcp/gcp-secrets.backend.js';
import { StaticTokenAuthClient } from './gcp/static-token.auth-client.js';

export interface SecretsBackendDeps {
  /** Governance database; required for the embedded backend. */
  pool?: Pool | SqlQueryable;
  /** Where the dev master key lives (`<dataDir>/secrets/master.key`); default `./.data`. */
  dataDir?: string;
  /** GCP only: an auth client to use instead of Application Default Credentials. */
  gcpAuthClient?: unknown;
  env?: NodeJS.ProcessEnv;
}

function missing(variable: string, backend: SecretsBackendKind): never {
  throw new Error(`${variable} is required when SECRETS_BACKEND=${backend}`);
}

/** Builds the backend selected by SECRETS_BACKEND from a validated config (see loadSecretsConfig). */
export async function createSecretsBackend(
  config: SecretsConfig,
  deps: SecretsBackendDeps = {},
): Promise<SecretsBackend> {
  switch (config.SECRETS_BACKEND) {
    case 'embedded': {
      if (!deps.pool) throw new Error('The embedded secrets backend needs the governance database pool');
      const masterKey = await resolveMasterKey(config, deps.dataDir ?? './.data', deps.env ?? process.env);
      return new EmbeddedSecretsBackend(deps.pool, masterKey);
    }
    case 'infisical':
      return new InfisicalSecretsBackend({
        siteUrl: config.INFISICAL_SITE_URL,
        clientId: config.INFISICAL_CLIENT_ID ?? missing('INFISICAL_CLIENT_ID', 'infisical'),
        clientSecret: config.INFISICAL_CLIENT_SECRET ?? missing('INFISICAL_CLIENT_SECRET', 'infisical'),
        projectId: config.INFISICAL_PROJECT_ID ?? missing('INFISICAL_PROJECT_ID', 'infisical'),
        environment: config.INFISICAL_ENVIRONMENT,
        timeoutMs: config.INFISICAL_TIMEOUT_MS,
      });
    case 'gcp': {
      const endpoint = config.GCP_SECRET_MANAGER_ENDPOINT
        ? parseGcpEndpoint(config.GCP_SECRET_MANAGER_ENDPOINT)
        : undefined;
      // Plain-HTTP endpoints are emulators: never send real Google credentials there.
      const authClient =
        deps.gcpAuthClient ??
        (endpoint?.protocol === 'http' ? new StaticTokenAuthClient('emulator') : undefined);
      return new GcpSecretsBackend({
        projectId: config.GCP_PROJECT_ID ?? missing('GCP_PROJECT_ID', 'gcp'),
        endpoint,
        keyFilename: config.GCP_CREDENTIALS_FILE,
        authClient,
      });
    }
    default: {
      const unreachable: never = config.SECRETS_BACKEND;
      throw new Error(`Unknown SECRETS_BACKEND ${String(unreachable)}`);
    }
  }
}
