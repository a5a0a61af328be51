import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuditSink } from '@app/audit';
import { DevTokenIssuer, loadAuthConfig } from '@app/auth';
import { createTestDatabase, createTestHttpApp, type TestDatabase } from '@app/testing';
import {
  type BuiltGovernanceInfra,
  buildGovernanceInfra,
  createGovernanceApp,
} from '../../apps/governance/src/governance.bootstrap.js';
import { createOrganization } from '../../apps/governance/src/access/create-organization.js';
import { AuditEventsRepository } from '../../apps/governance/src/audit/persistence/audit-events.repository.js';
import { seedFreshCluster } from './fresh-cluster.js';
import { replicaCount, serveReplicas } from './replicas.js';

export interface GovernanceReplica {
  app: NestFastifyApplication;
  infra: BuiltGovernanceInfra;
}

export interface GovernanceHarness {
  /** The app; with E2E_REPLICAS=2, its HTTP side is a round-robin proxy over every replica. */
  app: NestFastifyApplication;
  /** The first replica's infra (the database is shared by all). */
  infra: BuiltGovernanceInfra;
  /** Every replica booted (one unless E2E_REPLICAS). */
  replicas: GovernanceReplica[];
  tokens: DevTokenIssuer;
  env: NodeJS.ProcessEnv;
  db: TestDatabase;
  /** `Authorization` header value for a dev token (dev mode only). */
  bearer(sub: string, org: string): string;
  createOrg(orgId: string, owner: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real Governance app in process: real Postgres (or PGlite with TEST_DB=embedded), dev IdP.
 * With E2E_REPLICAS=2, two of them on the one database behind a round-robin proxy.
 */
export async function startGovernanceHarness(
  options: {
    auditSink?: (real: AuditSink) => AuditSink;
    env?: NodeJS.ProcessEnv;
    /** How many replicas; default E2E_REPLICAS, else 1. */
    replicas?: number;
  } = {},
): Promise<GovernanceHarness> {
  const db = await createTestDatabase('gov', { forApp: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'gov-e2e-'));
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'test',
    PATH: process.env.PATH,
    GOVERNANCE_DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    AUTH_DATA_DIR: join(dataDir, 'auth'),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...options.env,
  };
  if (!env.GOVERNANCE_DATABASE_URL) await seedFreshCluster(env.DATA_DIR!, 'governance');
  const { DatabaseAuditSink } = await import('../../apps/governance/src/audit/index.js');
  const boot = async (): Promise<GovernanceReplica> => {
    const infra = await buildGovernanceInfra(env);
    try {
      return await appOn(infra);
    } catch (error) {
      await infra.database.close();
      throw error;
    }
  };
  const appOn = async (infra: BuiltGovernanceInfra): Promise<GovernanceReplica> => {
    // A fault-injecting sink replaces the real one the Nest way, wherever AuditSink is declared.
    const app = options.auditSink
      ? await createGovernanceApp(infra, (module, http) =>
          createTestHttpApp(module, http, [
            {
              provide: AuditSink,
              useValue: options.auditSink!(
                new DatabaseAuditSink(new AuditEventsRepository(infra.database.dataSource)),
              ),
            },
          ]),
        )
      : await createGovernanceApp(infra);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return { app, infra };
  };
  const replicas = [await boot()];
  const count = options.replicas ?? (await replicaCount());
  let app = replicas[0]!.app;
  if (count > 1) {
    try {
      if (db.kind !== 'postgres')
        throw new Error('Replicas share one PostgreSQL database: set TEST_DB=postgres');
      // Booted one after the other: the first one ran the migrations.
      while (replicas.length < count) replicas.push(await boot());
    } catch (error) {
      // A replica that fails to boot must not leave the others running.
      for (const replica of replicas) {
        await replica.app.close().catch(() => undefined);
        await replica.infra.database.close().catch(() => undefined);
      }
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
      throw error;
    }
    app = await serveReplicas(replicas);
  }
  const infra = replicas[0]!.infra;
  // Made on first use: with an external issuer (AUTH_ISSUERS, say) there is no dev IdP to sign with.
  let tokens: DevTokenIssuer | undefined;
  const devTokens = () => (tokens ??= DevTokenIssuer.fromConfig(loadAuthConfig(env)));
  return {
    app,
    infra,
    replicas,
    get tokens() {
      return devTokens();
    },
    env,
    db,
    bearer: (sub, org) => `Bearer ${devTokens().issue({ sub, org })}`,
    createOrg: (orgId, owner) => createOrganization(infra.database.dataSource, infra.authz, orgId, owner),
    async close() {
      await app.close();
      await infra.database.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
