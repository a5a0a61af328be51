import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '@app/core';
import { csv, isProduction, loadConfig, readOrCreateDevSecret } from '@app/config';
import { loadAuthConfig } from '@app/auth';
import { AuthzConfig, createAuthzBackend, loadProductModelDsl, type TupleStore } from '@app/authz';
import { createSecretsBackend, loadSecretsConfig } from '@app/secrets';
import { databaseEnv, DatabaseConfig, openDatabase } from '@app/database';
import { GovernanceConfig } from './governance.config.js';
import { type GovernanceInfra, GovernanceModule } from './governance.module.js';
import { GOVERNANCE_ENTITIES, GOVERNANCE_MIGRATIONS } from './database/governance-migrations.js';
import { startEmbeddedOpenFgaEndpoint } from './embedded-openfga.endpoint.js';

export const GOVERNANCE_HTTP = {
  service: 'governance',
  prefix: 'governance',
  title: 'Governance API',
  description: 'Organizations, projects, role grants, secrets and the audit log.',
};

export type BuiltGovernanceInfra = GovernanceInfra & { config: GovernanceConfig; dataDir: string; tupleStore: TupleStore | null };

export interface GovernanceRuntime {
  app: NestFastifyApplication;
  infra: BuiltGovernanceInfra;
  close(): Promise<void>;
}

/** Opens every external system the service needs; nothing here is Nest-specific. */
export async function buildGovernanceInfra(env: NodeJS.ProcessEnv = process.env): Promise<BuiltGovernanceInfra> {
  const config = loadConfig('governance', GovernanceConfig, env);
  const dbConfig = loadConfig('database', DatabaseConfig, databaseEnv('governance', env));
  const authConfig = loadAuthConfig(env);
  const authzConfig = loadConfig('authz', AuthzConfig, env);
  const secretsConfig = loadSecretsConfig(env);
  const database = await openDatabase({
    app: 'governance',
    url: dbConfig.DATABASE_URL,
    dataDir: dbConfig.DATA_DIR,
    entities: GOVERNANCE_ENTITIES,
    migrations: GOVERNANCE_MIGRATIONS,
    runMigrations: dbConfig.DB_RUN_MIGRATIONS,
    poolMax: dbConfig.DB_POOL_MAX,
    statementTimeoutMs: dbConfig.DB_STATEMENT_TIMEOUT_MS,
  });
  try {
    const authz = await createAuthzBackend(authzConfig, { pool: database.pool, modelDsl: loadProductModelDsl() });
    const secrets = await createSecretsBackend(secretsConfig, { pool: database.pool, dataDir: dbConfig.DATA_DIR });
    return {
      config,
      dataDir: dbConfig.DATA_DIR,
      authConfig,
      database,
      authz: authz.client,
      tupleStore: authz.tupleStore,
      secrets,
      logLevel: config.LOG_LEVEL,
      trustedServices: csv(config.GOVERNANCE_TRUSTED_SERVICES),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

export async function createGovernanceApp(infra: GovernanceInfra): Promise<NestFastifyApplication> {
  return createHttpApp(GovernanceModule.register(infra), GOVERNANCE_HTTP);
}

export async function startGovernance(env: NodeJS.ProcessEnv = process.env): Promise<GovernanceRuntime> {
  const infra = await buildGovernanceInfra(env);
  const app = await createGovernanceApp(infra);
  await app.listen({ port: infra.config.GOVERNANCE_PORT, host: infra.config.GOVERNANCE_HOST });
  const openFga =
    infra.tupleStore && !isProduction(env) && infra.config.EMBEDDED_OPENFGA_PORT > 0
      ? await startEmbeddedOpenFgaEndpoint({
          tupleStore: infra.tupleStore,
          port: infra.config.EMBEDDED_OPENFGA_PORT,
          apiToken: env.OPENFGA_API_TOKEN || readOrCreateDevSecret(join(infra.dataDir, 'openfga', 'api-token')),
        })
      : null;
  return {
    app,
    infra,
    async close() {
      await openFga?.close();
      await app.close();
      await infra.database.close();
    },
  };
}
