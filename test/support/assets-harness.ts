import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startOpenFgaHttpServer, type RunningOpenFgaHttpServer } from '@app/authz/embedded';
import {
  createTestDatabase,
  createTestHttpApp,
  type ProviderOverride,
  type TestDatabase,
} from '@app/testing';
import { buildAssetsInfra, createAssetsApp } from '../../apps/assets/src/assets.bootstrap.js';
import type { AssetsInfra } from '../../apps/assets/src/assets.module.js';
import { ConnectionsReconciler } from '../../apps/assets/src/connections/lifecycle/connections.reconciler.js';
import { startGovernanceHarness, type GovernanceHarness } from './governance-harness.js';
import { seedFreshCluster } from './fresh-cluster.js';
import { replicaCount, serveReplicas } from './replicas.js';

export interface AssetsReplica {
  app: NestFastifyApplication;
  infra: AssetsInfra;
}

export interface AssetsHarness {
  /** The app; with E2E_REPLICAS=2, its HTTP side is a round-robin proxy over every replica. */
  app: NestFastifyApplication;
  /** The first replica's infra (the database is shared by all). */
  infra: AssetsInfra;
  /** Every Assets replica booted (one unless E2E_REPLICAS), each with its own pool and clients. */
  replicas: AssetsReplica[];
  governance: GovernanceHarness;
  openFga: RunningOpenFgaHttpServer;
  reconciler: ConnectionsReconciler;
  close(): Promise<void>;
}

/**
 * Assets in process, wired as in dev mode: Governance listening on a real port, its embedded
 * engine served over the OpenFGA HTTP API, Assets talking to both over HTTP. With E2E_REPLICAS=2,
 * two of each app on their one database each, behind round-robin proxies (Assets reaches
 * Governance through its proxy too).
 */
export async function startAssetsHarness(
  options: {
    env?: NodeJS.ProcessEnv;
    overrides?: ProviderOverride[];
    governanceEnv?: NodeJS.ProcessEnv;
    /** How many replicas of each app; default E2E_REPLICAS, else 1. */
    replicas?: number;
  } = {},
): Promise<AssetsHarness> {
  const count = options.replicas ?? (await replicaCount());
  // governanceEnv: Governance's own settings (e.g. SECRETS_BACKEND=infisical on a fake server).
  const governance = await startGovernanceHarness({
    replicas: count,
    ...(options.governanceEnv ? { env: options.governanceEnv } : {}),
  });
  await governance.app.listen({ port: 0, host: '127.0.0.1' });
  const governanceUrl = await governance.app.getUrl();
  const apiToken = 'test-openfga-token';
  const openFga = await startOpenFgaHttpServer({
    apiToken,
    tupleStoreFactory: () => governance.infra.tupleStore!,
  });
  let db: TestDatabase | undefined;
  // Booted so far: a replica that fails to boot must not leave the others running.
  const replicas: AssetsReplica[] = [];
  try {
    db = await createTestDatabase('assets', { forApp: true });
    const env = {
      ...governance.env,
      ASSETS_DATABASE_URL: db.url,
      DATA_DIR: `${governance.env.DATA_DIR}/assets`,
      GOVERNANCE_URL: governanceUrl.replace('[::1]', '127.0.0.1'),
      OPENFGA_API_URL: openFga.url,
      OPENFGA_API_TOKEN: apiToken,
      ...options.env,
    };
    if (!env.ASSETS_DATABASE_URL) await seedFreshCluster(env.DATA_DIR, 'assets');
    // Test-only wiring (a fake Google token endpoint, say) replaces providers, as Nest tests do.
    const overrides = options.overrides ?? [];
    const boot = async (): Promise<AssetsReplica> => {
      const infra = await buildAssetsInfra(env);
      try {
        const app = await createAssetsApp(
          infra,
          overrides.length ? (module, http) => createTestHttpApp(module, http, overrides) : undefined,
        );
        await app.init();
        await app.getHttpAdapter().getInstance().ready();
        return { app, infra };
      } catch (error) {
        await infra.database.close();
        throw error;
      }
    };
    replicas.push(await boot());
    let app = replicas[0]!.app;
    if (count > 1) {
      // Booted one after the other: the first one ran the migrations.
      while (replicas.length < count) replicas.push(await boot());
      app = await serveReplicas(replicas);
    }
    const infra = replicas[0]!.infra;
    return {
      app,
      infra,
      replicas,
      governance,
      openFga,
      reconciler: app.get(ConnectionsReconciler),
      async close() {
        await app.close();
        await infra.database.close();
        await db?.drop();
        await openFga.close();
        await governance.close();
      },
    };
  } catch (error) {
    for (const replica of replicas) {
      await replica.app.close().catch(() => undefined);
      await replica.infra.database.close().catch(() => undefined);
    }
    await db?.drop();
    await openFga.close();
    await governance.close();
    throw error;
  }
}
