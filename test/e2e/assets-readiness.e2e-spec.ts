import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestKeyPair, jwksOf, signTestJwt, type TestKeyPair } from '@app/auth/testing';
import { startOpenFgaHttpServer, type RunningOpenFgaHttpServer } from '@app/authz/embedded';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import {
  type BuiltGovernanceInfra,
  buildGovernanceInfra,
  createGovernanceApp,
} from '../../apps/governance/src/governance.bootstrap.js';
import { buildAssetsInfra, createAssetsApp } from '../../apps/assets/src/assets.bootstrap.js';
import { startAssetsHarness, type AssetsHarness } from '../support/assets-harness.js';

/** Readiness answers what a request needs: Governance's secrets path and a service account Governance accepts. */
describe('Assets readiness: Governance secrets path (e2e)', () => {
  let h: AssetsHarness;
  let http: ReturnType<AssetsHarness['app']['getHttpServer']>;

  beforeAll(async () => {
    // 0 = no cache: each probe asks Governance, so the test needs no clock.
    h = await startAssetsHarness({ env: { GOVERNANCE_READINESS_CACHE_MS: '0' } });
    http = h.app.getHttpServer();
  });

  afterAll(async () => {
    await h?.close();
  });

  it("should be not ready, naming Governance's secrets backend, while it is down, and ready again after", async () => {
    const ready = await request(http).get('/health/ready').expect(200);
    expect(ready.body.info).toMatchObject({
      service_account: { status: 'up' },
      governance: { status: 'up' },
    });

    const governanceDb = h.governance.infra.database.dataSource;
    await governanceDb.query('ALTER TABLE secrets RENAME TO secrets_unavailable');
    try {
      // Governance itself is up and live; only the secrets path is broken.
      await request(h.governance.app.getHttpServer()).get('/health/live').expect(200);
      const down = await request(http).get('/health/ready').expect(503);
      expect(down.body.error.details.error.governance.status).toBe('down');
      expect(down.body.error.details.error.governance.message).toMatch(
        /governance is not ready \(HTTP 503\): secrets/,
      );
      expect(down.body.error.details.info).toMatchObject({
        service_account: { status: 'up' },
        database: { status: 'up' },
      });
    } finally {
      await governanceDb.query('ALTER TABLE secrets_unavailable RENAME TO secrets');
    }
    await request(http).get('/health/ready').expect(200);
  });

  it("should answer Governance's internal readiness to the Assets service account only", async () => {
    const gov = h.governance.app.getHttpServer();
    const service = `Bearer ${h.governance.tokens.issue({ sub: 'service-account-assets', org: 'acme', extraClaims: { actor_type: 'service' } })}`;
    await request(gov)
      .get('/governance/internal/ready')
      .set('authorization', service)
      .expect(200, { status: 'ok' });
    await request(gov)
      .get('/governance/internal/ready')
      .set('authorization', h.governance.bearer('alice', 'acme'))
      .expect(404);
    await request(gov).get('/governance/internal/ready').expect(401);
  });
});

const CLIENT_ID = 'svc-assets';
const CLIENT_SECRET = 'svc-assets-right-secret';
const TOKEN_PATH = '/protocol/openid-connect/token';
const CERTS_PATH = '/protocol/openid-connect/certs';

interface FakeKeycloak {
  url: string;
  tokenUrl(realm: string): string;
  close(): Promise<void>;
}

/** Realms with their own keys; client credentials grant for one confidential client, as Keycloak names its service account. */
async function startFakeKeycloak(): Promise<FakeKeycloak> {
  const keys = new Map<string, TestKeyPair>();
  const keyOf = (realm: string) =>
    keys.get(realm) ?? keys.set(realm, createTestKeyPair('RS256', `${realm}-1`)).get(realm)!;
  let url = '';
  const server: Server = createServer((req, res) => {
    const match = /^\/realms\/([a-z0-9-]+)(\/protocol\/openid-connect\/(?:token|certs))$/.exec(
      (req.url ?? '').split('?')[0]!,
    );
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (!match) return json(404, { error: 'not_found' });
    const [, realm, path] = match as unknown as [string, string, string];
    if (path === CERTS_PATH) return json(200, jwksOf(keyOf(realm)));
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      if (
        form.get('grant_type') !== 'client_credentials' ||
        form.get('client_id') !== CLIENT_ID ||
        form.get('client_secret') !== CLIENT_SECRET
      ) {
        return json(401, {
          error: 'unauthorized_client',
          error_description: 'Invalid client or Invalid client credentials',
        });
      }
      const pair = keyOf(realm);
      const access = signTestJwt({
        key: pair.privateKey,
        header: { kid: pair.kid },
        claims: {
          iss: `${url}/realms/${realm}`,
          aud: 'api',
          sub: randomUUID(),
          preferred_username: `service-account-${CLIENT_ID}`,
        },
      });
      json(200, { access_token: access, expires_in: 300, token_type: 'Bearer' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    tokenUrl: (realm) => `${url}/realms/${realm}${TOKEN_PATH}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('Assets readiness: service account with an external identity provider (e2e)', () => {
  let keycloak: FakeKeycloak;
  let governanceDb: TestDatabase;
  let assetsDb: TestDatabase;
  let dataDir: string;
  let governance: { app: NestFastifyApplication; infra: BuiltGovernanceInfra };
  let openFga: RunningOpenFgaHttpServer;
  let base: NodeJS.ProcessEnv;

  beforeAll(async () => {
    keycloak = await startFakeKeycloak();
    governanceDb = await createTestDatabase('readygov', { forApp: true });
    assetsDb = await createTestDatabase('readyassets', { forApp: true });
    dataDir = mkdtempSync(join(tmpdir(), 'assets-ready-e2e-'));
    const auth = { AUTH_KEYCLOAK_URL: keycloak.url, AUTH_AUDIENCE: 'api', AUTH_PLATFORM_REALM: 'master' };
    const infra = await buildGovernanceInfra({
      NODE_ENV: 'test',
      PATH: process.env.PATH,
      GOVERNANCE_DATABASE_URL: governanceDb.url,
      DATA_DIR: join(dataDir, 'governance'),
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      GOVERNANCE_TRUSTED_SERVICES: `service-account-${CLIENT_ID}`,
      ...auth,
    });
    const app = await createGovernanceApp(infra);
    await app.listen({ port: 0, host: '127.0.0.1' });
    governance = { app, infra };
    openFga = await startOpenFgaHttpServer({
      apiToken: 'readiness-openfga-token',
      tupleStoreFactory: () => infra.tupleStore!,
    });
    base = {
      NODE_ENV: 'test',
      PATH: process.env.PATH,
      ASSETS_DATABASE_URL: assetsDb.url,
      DATA_DIR: join(dataDir, 'assets'),
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      GOVERNANCE_URL: (await app.getUrl()).replace('[::1]', '127.0.0.1'),
      OPENFGA_API_URL: openFga.url,
      OPENFGA_API_TOKEN: 'readiness-openfga-token',
      GOVERNANCE_READINESS_CACHE_MS: '0',
      ASSETS_SERVICE_TOKEN_URL: keycloak.tokenUrl('master'),
      ASSETS_SERVICE_CLIENT_ID: CLIENT_ID,
      ASSETS_SERVICE_CLIENT_SECRET: CLIENT_SECRET,
      ...auth,
    };
  });

  afterAll(async () => {
    await openFga?.close();
    await governance?.app.close();
    await governance?.infra.database.close();
    await governanceDb?.drop();
    await assetsDb?.drop();
    await keycloak?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Assets' /health/ready under `env` (on top of the working setup). */
  async function readinessWith(env: NodeJS.ProcessEnv): Promise<request.Response> {
    const infra = await buildAssetsInfra({ ...base, ...env });
    const app = await createAssetsApp(infra);
    try {
      await app.init();
      await app.getHttpAdapter().getInstance().ready();
      return await request(app.getHttpServer()).get('/health/ready');
    } finally {
      await app.close();
      await infra.database.close();
    }
  }

  it('should be ready with a service account the platform realm issues and Governance trusts', async () => {
    const res = await readinessWith({});
    expect(res.status).toBe(200);
    expect(res.body.info).toMatchObject({ service_account: { status: 'up' }, governance: { status: 'up' } });
  });

  it('should refuse to start without a service account, naming ASSETS_SERVICE_TOKEN_URL', async () => {
    await expect(
      buildAssetsInfra({
        ...base,
        ASSETS_SERVICE_TOKEN_URL: '',
        ASSETS_SERVICE_CLIENT_ID: '',
        ASSETS_SERVICE_CLIENT_SECRET: '',
      }),
    ).rejects.toThrow(
      /ASSETS_SERVICE_TOKEN_URL, ASSETS_SERVICE_CLIENT_ID, ASSETS_SERVICE_CLIENT_SECRET are required with an external identity provider/,
    );
    await expect(
      buildAssetsInfra({
        ...base,
        AUTH_KEYCLOAK_URL: '',
        AUTH_ISSUERS: `${keycloak.url}/realms/acme`,
        ASSETS_SERVICE_CLIENT_SECRET: '',
      }),
    ).rejects.toThrow(
      /ASSETS_SERVICE_CLIENT_SECRET is required with an external identity provider \(AUTH_ISSUERS or AUTH_KEYCLOAK_URL\)/,
    );
  });

  it('should be not ready naming ASSETS_SERVICE_TOKEN_URL (never the secret) when the platform realm refuses the client credentials', async () => {
    const wrong = 'wrong-secret-canary-8c1f';
    const res = await readinessWith({ ASSETS_SERVICE_CLIENT_SECRET: wrong });
    expect(res.status).toBe(503);
    expect(res.body.error.details.error.service_account).toMatchObject({
      status: 'down',
      message:
        'service account: the token endpoint (ASSETS_SERVICE_TOKEN_URL) refused the client credentials (ASSETS_SERVICE_CLIENT_ID, ASSETS_SERVICE_CLIENT_SECRET): HTTP 401',
    });
    // Governance itself is fine, and says so through its public readiness.
    expect(res.body.error.details.info.governance.status).toBe('up');
    expect(res.body.error.message).toMatch(
      /^Not ready: service_account \(service account: the token endpoint \(ASSETS_SERVICE_TOKEN_URL\) refused/,
    );
    expect(JSON.stringify(res.body)).not.toContain(wrong);
  });

  it('should be not ready naming ASSETS_SERVICE_TOKEN_URL when the token comes from a realm Governance does not take services from', async () => {
    const res = await readinessWith({ ASSETS_SERVICE_TOKEN_URL: keycloak.tokenUrl('acme') });
    expect(res.status).toBe(503);
    expect(res.body.error.details.error.service_account.message).toMatch(
      /Governance does not trust the account of ASSETS_SERVICE_CLIENT_ID .*AUTH_PLATFORM_REALM/,
    );
  });

  it('should be not ready naming ASSETS_SERVICE_TOKEN_URL when the token endpoint does not answer', async () => {
    const res = await readinessWith({ ASSETS_SERVICE_TOKEN_URL: `${keycloak.url}/nowhere${TOKEN_PATH}` });
    expect(res.status).toBe(503);
    expect(res.body.error.details.error.service_account.message).toBe(
      'service account: the token endpoint (ASSETS_SERVICE_TOKEN_URL) answered HTTP 404',
    );
  });
});
