// Boots Governance, the OpenFGA-wire endpoint and Assets in this process from dist/, as
// test/support/assets-harness.ts does, on fresh PostgreSQL databases that close() drops.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  buildGovernanceInfra,
  createGovernanceApp,
} from '../../dist/apps/governance/src/governance.bootstrap.js';
import { createOrganization } from '../../dist/apps/governance/src/access/create-organization.js';
import { buildAssetsInfra, createAssetsApp } from '../../dist/apps/assets/src/assets.bootstrap.js';
import { startOpenFgaHttpServer } from '../../dist/libs/authz/src/embedded/index.js';
import { DevTokenIssuer, loadAuthConfig } from '../../dist/libs/auth/src/index.js';

export const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(sql) {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database `bench_<prefix>_<rand>`; the name is generated, never user input. */
export async function createDatabase(prefix) {
  const name = `bench_${prefix}_${randomBytes(5).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export async function startStack() {
  const cleanup = [];
  const close = async () => {
    for (const step of cleanup.reverse())
      await step().catch((error) => console.error('cleanup:', error.message));
  };
  try {
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-connections-'));
    cleanup.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const govDb = await createDatabase('gov');
    cleanup.push(govDb.drop);
    const assetsDb = await createDatabase('assets');
    cleanup.push(assetsDb.drop);

    const env = {
      NODE_ENV: 'test',
      PATH: process.env.PATH,
      GOVERNANCE_DATABASE_URL: govDb.url,
      DATA_DIR: dataDir,
      AUTH_DATA_DIR: join(dataDir, 'auth'),
      LOG_LEVEL: 'silent',
      RECONCILE_INTERVAL_MS: '0',
    };
    const govInfra = await buildGovernanceInfra(env);
    cleanup.push(() => govInfra.database.close());
    const governance = await createGovernanceApp(govInfra);
    cleanup.push(() => governance.close());
    await governance.listen({ port: 0, host: '127.0.0.1' });
    const governanceUrl = (await governance.getUrl()).replace('[::1]', '127.0.0.1');

    const apiToken = `bench-${randomBytes(8).toString('hex')}`;
    const openFga = await startOpenFgaHttpServer({ apiToken, tupleStoreFactory: () => govInfra.tupleStore });
    cleanup.push(() => openFga.close());

    const assetsEnv = {
      ...env,
      ASSETS_DATABASE_URL: assetsDb.url,
      DATA_DIR: join(dataDir, 'assets'),
      GOVERNANCE_URL: governanceUrl,
      OPENFGA_API_URL: openFga.url,
      OPENFGA_API_TOKEN: apiToken,
    };
    const assetsInfra = await buildAssetsInfra(assetsEnv);
    cleanup.push(() => assetsInfra.database.close());
    const assets = await createAssetsApp(assetsInfra);
    cleanup.push(() => assets.close());
    await assets.listen({ port: 0, host: '127.0.0.1' });
    const assetsUrl = (await assets.getUrl()).replace('[::1]', '127.0.0.1');

    const tokens = DevTokenIssuer.fromConfig(loadAuthConfig(env));
    return {
      governanceUrl,
      assetsUrl,
      assetsDb,
      govInfra,
      assetsInfra,
      bearer: (sub, org) => `Bearer ${tokens.issue({ sub, org, ttlSeconds: 3600 })}`,
      createOrg: (orgId, owner) =>
        createOrganization(govInfra.database.dataSource, govInfra.authz, orgId, owner),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
