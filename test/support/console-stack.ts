import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DevTokenIssuer, loadAuthConfig } from '@app/auth';
import { createAssetsClient, createGovernanceClient } from '../../sdk/typescript/src/index.js';
import { startGovernance } from '../../apps/governance/src/governance.bootstrap.js';
import { startAssets } from '../../apps/assets/src/assets.bootstrap.js';
import { createOrganization } from '../../apps/governance/src/access/create-organization.js';

export interface ConsoleStackPorts {
  governance: number;
  assets: number;
  openFga: number;
}

/**
 * Both apps in this process as `npm start` runs them (PGlite, embedded authz and secrets, the dev
 * identity provider with its OIDC endpoints), on the given ports, serving the console from `distDir`.
 */
export async function startConsoleStack(ports: ConsoleStackPorts, distDir: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'console-ui-'));
  const consoleOrigin = `http://localhost:${ports.assets}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    GOVERNANCE_PORT: String(ports.governance),
    ASSETS_PORT: String(ports.assets),
    EMBEDDED_OPENFGA_PORT: String(ports.openFga),
    GOVERNANCE_METRICS_PORT: 'off',
    ASSETS_METRICS_PORT: 'off',
    CORS_ORIGINS: consoleOrigin,
    CONSOLE_DIST_DIR: distDir,
    RECONCILE_INTERVAL_MS: '0',
    HEALTH_CHECK_TICK_MS: '0',
    SECRETS_SWEEP_INTERVAL_MS: '0',
  };
  const governance = await startGovernance(env);
  const assets = await startAssets(env, { embeddedOpenFgaUrl: governance.openFgaUrl }).catch(
    async (error) => {
      await governance.close();
      throw error;
    },
  );
  const issuer = DevTokenIssuer.fromConfig(loadAuthConfig(env));
  const tokenOf = (sub: string, org: string) => issuer.issue({ sub, org });
  const governanceAs = (sub: string, org: string) =>
    createGovernanceClient({ baseUrl: `http://127.0.0.1:${ports.governance}`, token: tokenOf(sub, org) });
  return {
    consoleUrl: `${consoleOrigin}/console/`,
    /** An org owned by `owner`, with one project and its members' roles. */
    async createTenant(
      org: string,
      owner: string,
      project: { id: string; name: string },
      members: [user: string, relation: 'admin' | 'developer' | 'operator' | 'viewer'][],
    ) {
      await createOrganization(governance.infra.database.dataSource, governance.infra.authz, org, owner, org);
      const client = governanceAs(owner, org);
      await client.POST('/governance/projects', { body: project });
      for (const [user, relation] of members)
        await client.POST('/governance/grants', {
          body: { user: `user:${user}`, relation, object: `project:${project.id}` },
        });
    },
    governanceAs,
    assetsAs: (sub: string, org: string, projectId: string | null = null) =>
      createAssetsClient({
        baseUrl: `http://127.0.0.1:${ports.assets}`,
        token: tokenOf(sub, org),
        projectId,
      }),
    async close() {
      await assets.close();
      await governance.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type ConsoleStack = Awaited<ReturnType<typeof startConsoleStack>>;
