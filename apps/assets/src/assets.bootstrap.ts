import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '@app/core';
import { isProduction, loadConfig, readOrCreateDevSecret } from '@app/config';
import { loadAuthConfig } from '@app/auth';
import { AuthzConfig, CachingAuthzClient, createAuthzBackend, loadProductModelDsl } from '@app/authz';
import { databaseEnv, DatabaseConfig, openDatabase } from '@app/database';
import { AssetsConfig } from './assets.config.js';
import { type AssetsInfra, AssetsModule } from './assets.module.js';
import { GovernanceClient } from './governance/governance.client.js';
import { ServiceIdentity } from './governance/service-identity.js';
import { loadStorageConfig } from '@app/storage';
import { VerificationService } from './verification/verification.service.js';
import { loadVerificationConfig, type VerificationConfig } from './verification/verification.config.js';
import { EgressPolicy } from './verification/egress/egress-policy.js';
import { ASSETS_ENTITIES, ASSETS_MIGRATIONS } from './database/assets-migrations.js';

export const ASSETS_HTTP = {
  service: 'assets',
  prefix: 'assets',
  title: 'Assets API',
  description: 'Data connections and shared storage. Credentials live in Governance, never here.',
};

const DEV_OPENFGA_URL = 'http://127.0.0.1:8081';

export async function buildAssetsInfra(env: NodeJS.ProcessEnv = process.env): Promise<AssetsInfra & { config: AssetsConfig }> {
  const config = loadConfig('assets', AssetsConfig, env);
  const dbConfig = loadConfig('database', DatabaseConfig, databaseEnv('assets', env));
  const authConfig = loadAuthConfig(env);
  // Assets never evaluates policy itself: it asks OpenFGA, or in dev Governance's embedded endpoint.
  const authzEnv = env.OPENFGA_API_URL || isProduction(env)
    ? env
    : { ...env, OPENFGA_API_URL: DEV_OPENFGA_URL, OPENFGA_API_TOKEN: env.OPENFGA_API_TOKEN || readOrCreateDevSecret(join(dbConfig.DATA_DIR, 'openfga', 'api-token')) };
  const authzConfig = loadConfig('authz', AuthzConfig, authzEnv);
  if (!authzConfig.OPENFGA_API_URL) throw new Error('OPENFGA_API_URL is required for the Assets service in production');
  const database = await openDatabase({
    app: 'assets',
    url: dbConfig.DATABASE_URL,
    dataDir: dbConfig.DATA_DIR,
    entities: ASSETS_ENTITIES,
    migrations: ASSETS_MIGRATIONS,
    runMigrations: dbConfig.DB_RUN_MIGRATIONS,
    poolMax: dbConfig.DB_POOL_MAX,
    statementTimeoutMs: dbConfig.DB_STATEMENT_TIMEOUT_MS,
  });
  try {
    const { client } = await createAuthzBackend(authzConfig, { modelDsl: loadProductModelDsl() });
    const authz = config.AUTHZ_CHECK_CACHE_MS > 0 ? new CachingAuthzClient(client, config.AUTHZ_CHECK_CACHE_MS) : client;
    return {
      config,
      authConfig,
      database,
      authz,
      governance: new GovernanceClient(config.GOVERNANCE_URL, config.GOVERNANCE_TIMEOUT_MS),
      serviceIdentity: new ServiceIdentity(authConfig, config),
      logLevel: config.LOG_LEVEL,
      reconcileIntervalMs: config.RECONCILE_INTERVAL_MS,
      storageConfig: loadStorageConfig(env),
      ...(await verificationOf(loadVerificationConfig(env), internalUrlsOf(env, config, authzConfig))),
      verifyRatePerMinute: config.VERIFY_RATE_PER_MINUTE,
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** How often the names of internal URLs are resolved again for the egress policy. */
const PROTECTED_URLS_REFRESH_MS = 5 * 60_000;

/**
 * Every URL this process dials itself. A tenant must not reach them, wherever they live: their
 * host and port are denied by the egress policy, and their ports on this machine's addresses.
 */
function internalUrlsOf(env: NodeJS.ProcessEnv, config: AssetsConfig, authz: AuthzConfig): string[] {
  return [
    config.GOVERNANCE_URL,
    authz.OPENFGA_API_URL,
    config.ASSETS_SERVICE_TOKEN_URL,
    env.AUTH_KEYCLOAK_URL,
    env.AUTH_JWKS_URL,
    env.AUTH_DEV_ISSUER_BASE,
    env.OBSTORE_ENDPOINT,
  ].filter((url): url is string => typeof url === 'string' && url.length > 0);
}

/** One egress policy for every outbound connection made for a tenant (verification and storage). */
async function verificationOf(config: VerificationConfig, internalUrls: string[]): Promise<{ verification: VerificationService; egress: EgressPolicy }> {
  const egress = new EgressPolicy({ production: config.production, allowCidrs: config.allowCidrs, denyCidrs: config.denyCidrs, protectedPorts: config.protectedPorts, protectedUrls: internalUrls });
  await egress.refreshProtectedUrls();
  setInterval(() => void egress.refreshProtectedUrls(), PROTECTED_URLS_REFRESH_MS).unref();
  return { verification: new VerificationService(config, egress), egress };
}

export function createAssetsApp(infra: AssetsInfra): Promise<NestFastifyApplication> {
  return createHttpApp(AssetsModule.register(infra), ASSETS_HTTP);
}

export async function startAssets(env: NodeJS.ProcessEnv = process.env) {
  const infra = await buildAssetsInfra(env);
  const app = await createAssetsApp(infra);
  await app.listen({ port: infra.config.ASSETS_PORT, host: infra.config.ASSETS_HOST });
  return {
    app,
    infra,
    async close() {
      await app.close();
      await infra.database.close();
    },
  };
}
