import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  AppMetrics,
  type AppBuilder,
  createHttpApp,
  dependencyMetrics,
  instrumentMethods,
  type MetricsServer,
  registerPoolMetrics,
  registerRequestDeadline,
  startMetricsServer,
  startTracing,
  type Tracing,
  stopServing,
} from '@app/core';
import {
  csv,
  isProduction,
  loadConfig,
  loadTopology,
  readOrCreateDevSecret,
  type TopologyConfig,
} from '@app/config';
import { loadAuthConfig } from '@app/auth';
import { type AuthzBackend, AuthzConfig, createAuthzBackend, loadProductModel } from '@app/authz';
import { createSecretsBackend, loadSecretsConfig } from '@app/secrets';
import { databaseEnv, DatabaseConfig, openDatabase } from '@app/database';
import { browserOriginsOf, enableBrowserCors } from './browser-cors.js';
import { GovernanceConfig } from './governance.config.js';
import { type GovernanceInfra, GovernanceModule } from './governance.module.js';
import { GOVERNANCE_ENTITIES, GOVERNANCE_MIGRATIONS } from './database/index.js';

export const GOVERNANCE_HTTP = {
  service: 'governance',
  prefix: 'governance',
  title: 'Governance API',
  server: {
    defaultHost: 'localhost:8001',
    description: 'Your deployment (`localhost:8001` under `npm start`)',
  },
  description: 'Organizations, projects, role grants, secrets and the audit log.',
};

export type BuiltGovernanceInfra = GovernanceInfra & {
  config: GovernanceConfig;
  topology: TopologyConfig;
  dataDir: string;
  tupleStore: AuthzBackend['tupleStore'];
  metrics: AppMetrics;
  tracing: Tracing;
};

export interface GovernanceRuntime {
  app: NestFastifyApplication;
  infra: BuiltGovernanceInfra;
  /** The Prometheus listener (GOVERNANCE_METRICS_PORT); null when off. */
  metricsServer: MetricsServer | null;
  /** The dev OpenFGA endpoint Governance actually serves (for Assets in the same process); null when off. */
  openFgaUrl: string | null;
  close(): Promise<void>;
}

/** Opens every external system the service needs; nothing here is Nest-specific. */
export async function buildGovernanceInfra(
  env: NodeJS.ProcessEnv = process.env,
): Promise<BuiltGovernanceInfra> {
  const config = loadConfig('governance', GovernanceConfig, env);
  const topology = loadTopology(env);
  const dbConfig = loadConfig('database', DatabaseConfig, databaseEnv('governance', env));
  const authConfig = loadAuthConfig(env);
  const authzConfig = loadConfig('authz', AuthzConfig, env);
  const secretsConfig = loadSecretsConfig(env);
  // Off (nothing loaded) unless OTEL_EXPORTER_OTLP_ENDPOINT or …_TRACES_ENDPOINT is set.
  const tracing = await startTracing(env, 'governance');
  const database = await openDatabase({
    app: 'governance',
    url: dbConfig.DATABASE_URL,
    dataDir: topology.DATA_DIR,
    entities: GOVERNANCE_ENTITIES,
    migrations: GOVERNANCE_MIGRATIONS,
    runMigrations: dbConfig.DB_RUN_MIGRATIONS,
    poolMax: dbConfig.DB_POOL_MAX,
    statementTimeoutMs: dbConfig.DB_STATEMENT_TIMEOUT_MS,
    preparedStatements: dbConfig.DB_PREPARED_STATEMENTS,
    tracing,
  });
  try {
    const authz = await createAuthzBackend(authzConfig, {
      pool: database.pool,
      maxStalenessMs: config.AUTHZ_ENGINE_MAX_STALENESS_MS,
      model: loadProductModel(),
      traceparent: tracing.enabled ? () => tracing.activeTraceparent() : undefined,
    });
    const secrets = await createSecretsBackend(secretsConfig, {
      pool: database.pool,
      dataDir: topology.DATA_DIR,
    });
    const metrics = new AppMetrics('governance');
    registerPoolMetrics(metrics, database.pool);
    return {
      config,
      topology,
      metrics,
      tracing,
      dataDir: topology.DATA_DIR,
      authConfig,
      database,
      authz: instrumentMethods(
        authz.client,
        ['check', 'batchCheck', 'listObjects', 'writeTuples', 'readTuples'],
        dependencyMetrics(metrics, 'authz_request', 'Authorization engine'),
        // The embedded engine runs here (its tuple queries nest below); OpenFGA is a remote call.
        authz.tupleStore
          ? { tracing, name: 'authz', kind: 'internal', attributes: { 'authz.backend': 'embedded' } }
          : { tracing, name: 'openfga', kind: 'client', attributes: { 'authz.backend': 'openfga' } },
      ),
      tupleStore: authz.tupleStore,
      secrets: instrumentMethods(
        secrets,
        ['create', 'update', 'get', 'list', 'delete', 'listResourceSecrets', 'deleteScope', 'healthCheck'],
        dependencyMetrics(metrics, 'secrets_backend', 'Secrets backend', { backend: secrets.kind }),
        {
          tracing,
          name: 'secrets',
          kind: secrets.kind === 'embedded' ? 'internal' : 'client',
          attributes: { 'secrets.backend': secrets.kind },
        },
      ),
      logLevel: config.LOG_LEVEL,
      logFormat: config.LOG_FORMAT,
      trustedServices: csv(config.GOVERNANCE_TRUSTED_SERVICES),
      requestTimeoutMs: config.GOVERNANCE_REQUEST_TIMEOUT_MS,
      browserOrigins: browserOriginsOf(config.CORS_ORIGINS, authConfig.AUTH_DEV_CONSOLE_REDIRECT_URIS, env),
    };
  } catch (error) {
    await database.close();
    await tracing.shutdown();
    throw error;
  }
}

/** Without GOVERNANCE_REQUEST_TIMEOUT_MS (infra built by hand). */
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** `build` creates the Nest app from the module; tests pass one that overrides providers. */
export async function createGovernanceApp(
  infra: GovernanceInfra & { tracing?: Tracing },
  build: AppBuilder = createHttpApp,
): Promise<NestFastifyApplication> {
  const app = await build(GovernanceModule.register(infra), { ...GOVERNANCE_HTTP, tracing: infra.tracing });
  // Every request's deadline: X-Request-Timeout-Ms bounded by GOVERNANCE_REQUEST_TIMEOUT_MS.
  registerRequestDeadline(app, { maxMs: infra.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS });
  enableBrowserCors(app, infra.browserOrigins ?? [], `/${GOVERNANCE_HTTP.prefix}/dev-idp/`);
  return app;
}

export async function startGovernance(env: NodeJS.ProcessEnv = process.env): Promise<GovernanceRuntime> {
  const infra = await buildGovernanceInfra(env);
  const app = await createGovernanceApp(infra);
  await app.listen({ port: infra.topology.GOVERNANCE_PORT, host: infra.topology.GOVERNANCE_HOST });
  let openFga: { url: string; close(): Promise<void> } | null = null;
  let metricsServer: MetricsServer | null = null;
  try {
    if (infra.topology.GOVERNANCE_METRICS_PORT > 0)
      metricsServer = await startMetricsServer(infra.metrics, {
        port: infra.topology.GOVERNANCE_METRICS_PORT,
        host: infra.topology.METRICS_HOST,
      });
    if (infra.tupleStore && !isProduction(env) && infra.topology.EMBEDDED_OPENFGA_PORT > 0) {
      // Dev only, so loaded on demand: production never loads the embedded OpenFGA HTTP server.
      const { startEmbeddedOpenFgaEndpoint } = await import('./embedded-openfga.endpoint.js');
      openFga = await startEmbeddedOpenFgaEndpoint({
        tupleStore: infra.tupleStore,
        port: infra.topology.EMBEDDED_OPENFGA_PORT,
        apiToken: env.OPENFGA_API_TOKEN || readOrCreateDevSecret(join(infra.dataDir, 'openfga', 'api-token')),
      });
    }
  } catch (error) {
    await metricsServer?.close();
    await app.close();
    await infra.database.close();
    throw error;
  }
  return {
    app,
    infra,
    metricsServer,
    openFgaUrl: openFga?.url ?? null,
    /** Requests in flight finish first (see stopServing), then Nest's hooks, listeners and the database. */
    async close() {
      await stopServing(app);
      await app.close();
      await openFga?.close();
      await metricsServer?.close();
      await infra.database.close();
    },
  };
}
