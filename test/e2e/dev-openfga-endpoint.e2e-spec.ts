import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { readOrCreateDevSecret } from '@app/config';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { buildAssetsInfra } from '../../apps/assets/src/assets.bootstrap.js';
import { startEmbeddedOpenFgaEndpoint } from '../../apps/governance/src/embedded-openfga.endpoint.js';
import { startGovernanceHarness, type GovernanceHarness } from '../support/governance-harness.js';

/**
 * Dev mode: Assets finds Governance's OpenFGA endpoint at EMBEDDED_OPENFGA_PORT (not a fixed
 * 8081), and sends its token only to a listener that proves it holds that token.
 */
describe('Dev OpenFGA endpoint for Assets (e2e)', () => {
  let governance: GovernanceHarness;
  let assetsDb: TestDatabase;
  let endpoint: Awaited<ReturnType<typeof startEmbeddedOpenFgaEndpoint>>;
  let token: string;

  beforeAll(async () => {
    governance = await startGovernanceHarness();
    token = 'dev-endpoint-token-under-data-dir';
    endpoint = await startEmbeddedOpenFgaEndpoint({
      tupleStore: governance.infra.tupleStore!,
      port: 0,
      apiToken: token,
    });
    assetsDb = await createTestDatabase('devfga', { forApp: true });
  });

  afterAll(async () => {
    await endpoint?.close();
    await assetsDb?.drop();
    await governance?.close();
  });

  /** Assets' env in dev mode, sharing Governance's DATA_DIR as `npm start` does; no OPENFGA_API_URL. */
  const assetsEnv = (port: number): NodeJS.ProcessEnv => ({
    ...governance.env,
    ASSETS_DATABASE_URL: assetsDb.url,
    OPENFGA_API_TOKEN: token,
    EMBEDDED_OPENFGA_PORT: String(port),
  });

  it('should use the endpoint at EMBEDDED_OPENFGA_PORT', async () => {
    const port = Number(new URL(endpoint.url).port);
    const infra = await buildAssetsInfra(assetsEnv(port));
    try {
      await governance.createOrg('acme', 'alice');
      await expect(
        infra.authz.check({ user: 'user:alice', relation: 'owner', object: 'organization:acme' }),
      ).resolves.toBe(true);
    } finally {
      await infra.database.close();
    }
  });

  it('should refuse to start, naming EMBEDDED_OPENFGA_PORT, when something else listens there, and never send it the token', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const foreign: Server = createServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"stores":[],"proof":"nope"}');
    });
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
    const port = (foreign.address() as AddressInfo).port;
    try {
      await expect(buildAssetsInfra(assetsEnv(port))).rejects.toThrow(
        new RegExp(
          `The dev OpenFGA endpoint http://127.0.0.1:${port} \\(EMBEDDED_OPENFGA_PORT\\) is not the endpoint that holds this token.*Its token was not sent`,
        ),
      );
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((headers) => headers.authorization === undefined)).toBe(true);
      expect(JSON.stringify(seen)).not.toContain(token);
    } finally {
      foreign.close();
    }
  });

  it('should use the token Governance keeps under the shared DATA_DIR when none is given', async () => {
    // What startGovernance does: the endpoint's token is the 0600 file under DATA_DIR.
    const own = await startEmbeddedOpenFgaEndpoint({
      tupleStore: governance.infra.tupleStore!,
      port: 0,
      apiToken: readOrCreateDevSecret(join(governance.env.DATA_DIR!, 'openfga', 'api-token')),
    });
    try {
      const { OPENFGA_API_TOKEN: _unused, ...env } = assetsEnv(Number(new URL(own.url).port));
      const infra = await buildAssetsInfra(env);
      await infra.database.close();
    } finally {
      await own.close();
    }
  });
});
