import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  AppMetrics,
  type AppBuilder,
  createHttpApp,
  dependencyMetrics,
  instrumentMethods,
  type MethodSpans,
  registerPoolMetrics,
  startMetricsServer,
  startTracing,
  type Tracing,
  stopServing,
} from '@app/core';
import {
  isProduction,
  loadConfig,
  loadTopology,
  readOrCreateDevSecret,
  type TopologyConfig,
} from '@app/config';
import { loadAuthConfig } from '@app/auth';
import {
  AuthzClient,
  AuthzConfig,
  CachingAuthzClient,
  createAuthzBackend,
  EndpointProofError,
  loadProductModel,
  verifyEndpointProof,
} from '@app/authz';
import { databaseEnv, DatabaseConfig, openDatabase } from '@app/database';
import { createObjectStore, loadStorageConfig } from '@app/storage';
import { AssetsConfig } from './assets.config.js';
import { type AssetsInfra, AssetsModule } from './assets.module.js';
import { consoleSettingsOf } from './console/index.js';
import { ASSETS_ENTITIES, ASSETS_MIGRATIONS } from './database/index.js';
import { EgressPolicy } from './egress/index.js';
import {
  assertServiceAccountConfigured,
  GovernanceClient,
  GovernanceReadiness,
  ServiceIdentity,
} from './governance/index.js';
import { loadVerificationConfig, type VerificationConfig } from './verification/index.js';

export const ASSETS_HTTP = {
  service: 'assets',
  prefix: 'assets',
  title: 'Assets API',
  server: {
    defaultHost: 'localhost:8002',
    description: 'Your deployment (`localhost:8002` under `npm start`)',
  },
  description: 'Data connections and shared storage. Credentials live in Governance, never here.',
};

export interface AssetsStartOptions {
  /**
   * The dev OpenFGA endpoint Governance actually serves, when both run in one process (`npm
   * start`); otherwise the topology's `http://127.0.0.1:<EMBEDDED_OPENFGA_PORT>`.
   */
  embeddedOpenFgaUrl?: string | null;
}

export async function buildAssetsInfra(
  env: NodeJS.ProcessEnv = process.env,
  options: AssetsStartOptions = {},
): Promise<AssetsInfra & { topology: TopologyConfig; metrics: AppMetrics; tracing: Tracing }> {
  const config = loadConfig('assets', AssetsConfig, env);
  // Off (nothing loaded) unless OTEL_EXPORTER_OTLP_ENDPOINT or …_TRACES_ENDPOINT is set.
  const tracing = await startTracing(env, 'assets');
  const topology = loadTopology(env);
  const dbConfig = loadConfig('database', DatabaseConfig, databaseEnv('assets', env));
  const authConfig = loadAuthConfig(env);
  assertServiceAccountConfigured(authConfig, config);
  const authzConfig = loadConfig('authz', AuthzConfig, await authzEnvOf(env, topology, options));
  if (!authzConfig.OPENFGA_API_URL)
    throw new Error('OPENFGA_API_URL is required for the Assets service in production');
  const database = await openDatabase({
    app: 'assets',
    url: dbConfig.DATABASE_URL,
    dataDir: topology.DATA_DIR,
    entities: ASSETS_ENTITIES,
    migrations: ASSETS_MIGRATIONS,
    runMigrations: dbConfig.DB_RUN_MIGRATIONS,
    poolMax: dbConfig.DB_POOL_MAX,
    statementTimeoutMs: dbConfig.DB_STATEMENT_TIMEOUT_MS,
    preparedStatements: dbConfig.DB_PREPARED_STATEMENTS,
    tracing,
  });
  try {
    const metrics = new AppMetrics('assets');
    registerPoolMetrics(metrics, database.pool);
    const { client } = await createAuthzBackend(authzConfig, {
      model: loadProductModel(),
      traceparent: tracing.enabled ? () => tracing.activeTraceparent() : undefined,
    });
    const authz = meteredAuthz(client, config.AUTHZ_CHECK_CACHE_MS, metrics, {
      tracing,
      name: 'openfga',
      kind: 'client',
      attributes: serverAttributesOf(authzConfig.OPENFGA_API_URL),
    });
    const storageConfig = loadStorageConfig(env);
    const verificationConfig = loadVerificationConfig(env);
    return {
      config,
      topology,
      metrics,
      tracing,
      authConfig,
      database,
      authz,
      governance: new GovernanceClient(topology.GOVERNANCE_URL, config.GOVERNANCE_TIMEOUT_MS, tracing),
      serviceIdentity: new ServiceIdentity(authConfig, config),
      egress: await egressPolicyOf(verificationConfig, internalUrlsOf(env, topology, config, authzConfig)),
      verificationConfig,
      storageConfig,
      objectStore: createObjectStore(storageConfig),
      console: consoleSettingsOf(config, authConfig, topology),
    };
  } catch (error) {
    await database.close();
    await tracing.shutdown();
    throw error;
  }
}

/** OpenFGA's latency as seen from here (the round trips the cache did not answer, also as spans), and the cache's hit rate. */
function meteredAuthz(
  client: AuthzClient,
  cacheMs: number,
  metrics: AppMetrics,
  spans: MethodSpans,
): AuthzClient {
  const timed = instrumentMethods(
    client,
    ['check', 'batchCheck', 'listObjects', 'writeTuples', 'readTuples'],
    dependencyMetrics(metrics, 'authz_request', 'OpenFGA'),
    spans,
  );
  if (cacheMs <= 0) return timed;
  const cache = metrics.counter({
    name: 'authz_check_cache_total',
    help: 'Permission checks by whether the check cache answered them (result=hit|miss)',
    labelNames: ['result'],
  });
  const hit = cache.labels({ result: 'hit' });
  const miss = cache.labels({ result: 'miss' });
  const refreshed = metrics.counter({
    name: 'authz_check_cache_refreshes_total',
    help: 'Cached permission checks refreshed in the background before they expired',
  });
  const caching = new CachingAuthzClient(timed, cacheMs);
  caching.onLookup = (hits, misses) => {
    if (hits) hit.inc(hits);
    if (misses) miss.inc(misses);
  };
  caching.onRefresh = (checks) => refreshed.inc(checks);
  return caching;
}

/**
 * Assets never evaluates policy itself: it asks OpenFGA, or in dev Governance's embedded
 * endpoint. That endpoint is found by port, so before its pre-shared token is sent anywhere the
 * listener must prove it holds the token: a foreign server on that port never receives it.
 */
async function authzEnvOf(
  env: NodeJS.ProcessEnv,
  topology: TopologyConfig,
  options: AssetsStartOptions,
): Promise<NodeJS.ProcessEnv> {
  if (env.OPENFGA_API_URL || isProduction(env)) return env;
  const url = options.embeddedOpenFgaUrl ?? topology.embeddedOpenFgaUrl;
  if (!url)
    throw new Error(
      "EMBEDDED_OPENFGA_PORT=0 turns Governance's dev OpenFGA endpoint off: set OPENFGA_API_URL (and OPENFGA_API_TOKEN) for Assets",
    );
  const token =
    env.OPENFGA_API_TOKEN || readOrCreateDevSecret(join(topology.DATA_DIR, 'openfga', 'api-token'));
  try {
    await verifyEndpointProof(url, token);
  } catch (error) {
    if (!(error instanceof EndpointProofError)) throw error;
    throw new Error(
      `The dev OpenFGA endpoint ${url} (EMBEDDED_OPENFGA_PORT) ${error.message}: start Governance with the same DATA_DIR and EMBEDDED_OPENFGA_PORT first. Its token was not sent.`,
    );
  }
  return { ...env, OPENFGA_API_URL: url, OPENFGA_API_TOKEN: token };
}

/** How often the names of internal URLs are resolved again for the egress policy. */
const PROTECTED_URLS_REFRESH_MS = 5 * 60_000;

/**
 * Every URL this process dials itself. A tenant must not reach them, wherever they live: their
 * host and port are denied by the egress policy, and their ports on this machine's addresses.
 */
/** Platform endpoints no tenant may reach: the collector receives traces, so it is one of them. */
export function internalUrlsOf(
  env: NodeJS.ProcessEnv,
  topology: TopologyConfig,
  config: AssetsConfig,
  authz: AuthzConfig,
): string[] {
  return [
    topology.GOVERNANCE_URL,
    authz.OPENFGA_API_URL,
    config.ASSETS_SERVICE_TOKEN_URL,
    env.AUTH_KEYCLOAK_URL,
    env.AUTH_JWKS_URL,
    topology.AUTH_DEV_ISSUER_BASE,
    env.OBSTORE_ENDPOINT,
    env.OTEL_EXPORTER_OTLP_ENDPOINT,
    env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT,
  ].filter((url): url is string => typeof url === 'string' && url.length > 0);
}

/** One egress policy for every outbound connection made for a tenant (verification and storage). */
async function egressPolicyOf(config: VerificationConfig, internalUrls: string[]): Promise<EgressPolicy> {
  const egress = new EgressPolicy({
    production: config.production,
    allowCidrs: config.allowCidrs,
    denyCidrs: config.denyCidrs,
    protectedPorts: config.protectedPorts,
    protectedUrls: internalUrls,
  });
  await egress.refreshProtectedUrls();
  setInterval(() => void egress.refreshProtectedUrls(), PROTECTED_URLS_REFRESH_MS).unref();
  return egress;
}

/** `build` creates the Nest app from the module; tests pass one that overrides providers. */
export function createAssetsApp(
  infra: AssetsInfra & { tracing?: Tracing },
  build: AppBuilder = createHttpApp,
): Promise<NestFastifyApplication> {
  return build(AssetsModule.register(infra), { ...ASSETS_HTTP, tracing: infra.tracing });
}

/** `server.address` and `server.port` of a dependency's URL, for its spans (never its credentials). */
function serverAttributesOf(url: string | undefined): Record<string, string | number> {
  if (!url) return {};
  const parsed = new URL(url);
  return {
    'server.address': parsed.hostname,
    'server.port': Number(parsed.port) || (parsed.protocol === 'https:' ? 443 : 80),
  };
}

export async function startAssets(env: NodeJS.ProcessEnv = process.env, options: AssetsStartOptions = {}) {
  const infra = await buildAssetsInfra(env, options);
  const app = await createAssetsApp(infra);
  await app.listen({ port: infra.topology.ASSETS_PORT, host: infra.topology.ASSETS_HOST });
  const metricsServer =
    infra.topology.ASSETS_METRICS_PORT > 0
      ? await startMetricsServer(infra.metrics, {
          port: infra.topology.ASSETS_METRICS_PORT,
          host: infra.topology.METRICS_HOST,
        }).catch(async (error: unknown) => {
          await app.close();
          await infra.database.close();
          throw error;
        })
      : null;
  // Found at boot, not on the first request: the service account and Governance are checked
  // once now (bounded), and /health/ready stays 503 naming the variable at fault until they work.
  void app.get(GovernanceReadiness).checkNow();
  return {
    app,
    infra,
    metricsServer,
    /** Requests in flight finish first (see stopServing), then Nest's hooks, metrics and the database. */
    async close() {
      await stopServing(app);
      await app.close();
      await metricsServer?.close();
      await infra.database.close();
    },
  };
}
