import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AssetsClient,
  type ClientOptions,
  createAssetsClient,
  createGovernanceClient,
  type GovernanceClient,
} from '../../sdk/typescript/src/index.js';
import { startAssetsHarness, type AssetsHarness } from './assets-harness.js';

type Listening = { getHttpServer(): { address(): AddressInfo | string | null } };

/** `http://127.0.0.1:<port>` of an app listening on an ephemeral port. */
export const urlOf = (app: Listening) =>
  `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;

export interface SdkTenant {
  h: AssetsHarness;
  org: string;
  project: string;
  assetsUrl: string;
  governanceUrl: string;
  /** The default (local) store's root. */
  localRoot: string;
  /** A dev token of `user` in the tenant's org (raw, without `Bearer `). */
  token(user?: string): string;
  /** SDK clients acting as `user` (the owner by default) in the tenant's project. */
  assets(user?: string, options?: Partial<ClientOptions>): AssetsClient;
  governance(user?: string, options?: Partial<ClientOptions>): GovernanceClient;
  close(): Promise<void>;
}

/**
 * Governance and Assets in process on ephemeral ports (the SDK talks to them over real HTTP with
 * the global fetch), a local default store under a temp dir, and one org whose owner created
 * `projects` (the first is the clients' default project).
 */
export async function startSdkTenant(
  options: {
    org?: string;
    owner?: string;
    projects?: string[];
    env?: NodeJS.ProcessEnv;
    /** Apps per service; default E2E_REPLICAS. */
    replicas?: number;
  } = {},
): Promise<SdkTenant> {
  const { org = 'acme', owner = 'alice', projects = ['analytics-prod'] } = options;
  const localRoot = await mkdtemp(join(tmpdir(), 'sdk-e2e-'));
  let h: AssetsHarness | undefined;
  try {
    h = await startAssetsHarness({
      env: { OBSTORE_BACKEND: 'local', OBSTORE_LOCAL_PREFIX: localRoot, ...options.env },
      replicas: options.replicas,
    });
    const harness = h;
    await harness.app.listen({ port: 0, host: '127.0.0.1' });
    const assetsUrl = urlOf(harness.app);
    const governanceUrl = urlOf(harness.governance.app);
    const token = (user = owner) => harness.governance.tokens.issue({ sub: user, org });
    const clientOptions = (baseUrl: string, user: string, extra: Partial<ClientOptions>): ClientOptions => ({
      baseUrl,
      token: token(user),
      projectId: projects[0],
      ...extra,
    });
    await harness.governance.createOrg(org, owner);
    const governance = createGovernanceClient(clientOptions(governanceUrl, owner, {}));
    for (const id of projects) await governance.POST('/governance/projects', { body: { id, name: id } });
    return {
      h: harness,
      org,
      project: projects[0],
      assetsUrl,
      governanceUrl,
      localRoot,
      token,
      assets: (user = owner, extra = {}) => createAssetsClient(clientOptions(assetsUrl, user, extra)),
      governance: (user = owner, extra = {}) =>
        createGovernanceClient(clientOptions(governanceUrl, user, extra)),
      async close() {
        await harness.close();
        await rm(localRoot, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await h?.close();
    await rm(localRoot, { recursive: true, force: true });
    throw error;
  }
}
