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

export interface AssetsHarness {
  app: NestFastifyApplication;
  infra: AssetsInfra;
  governance: GovernanceHarness;
  openFga: RunningOpenFgaHttpServer;
  reconciler: ConnectionsReconciler;
  close(): Promise<void>;
}

/**
 * Assets in process, wired as in dev mode: Governance listening on a real port, its embedded
 * engine served over the OpenFGA HTTP API, Assets talking to both over HTTP.
 */
export async function startAssetsHarness(
  options: {
    env?: NodeJS.ProcessEnv;
    overrides?: ProviderOverride[];
    governanceEnv?: NodeJS.ProcessEnv;
  } = {},
): Promise<AssetsHarness> {
  // governanceEnv: Governance's own settings (e.g. SECRETS_BACKEND=infisical on a fake server).
  const governance = await startGovernanceHarness(
    options.governanceEnv ? { env: options.governanceEnv } : {},
  );
  await governance.app.listen({ port: 0, host: '127.0.0.1' });
  const governanceUrl = await governance.app.getUrl();
  const apiToken = 'test-openfga-token';
  const openFga = await startOpenFgaHttpServer({
    apiToken,
    tupleStoreFactory: () => governance.infra.tupleStore!,
  });
  let db: TestDatabase | undefined;
  try {
    db = await createTestDatabase('assets', { forApp: true });
    const infra = await buildAssetsInfra({
      ...governance.env,
      ASSETS_DATABASE_URL: db.url,
      DATA_DIR: `${governance.env.DATA_DIR}/assets`,
      GOVERNANCE_URL: governanceUrl.replace('[::1]', '127.0.0.1'),
      OPENFGA_API_URL: openFga.url,
      OPENFGA_API_TOKEN: apiToken,
      ...options.env,
    });
    // Test-only wiring (a fake Google token endpoint, say) replaces providers, as Nest tests do.
    const overrides = options.overrides ?? [];
    const app = await createAssetsApp(
      infra,
      overrides.length ? (module, http) => createTestHttpApp(module, http, overrides) : undefined,
    );
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return {
      app,
      infra,
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
    await db?.drop();
    await openFga.close();
    await governance.close();
    throw error;
  }
}
