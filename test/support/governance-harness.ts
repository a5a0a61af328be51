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

export interface GovernanceHarness {
  app: NestFastifyApplication;
  infra: BuiltGovernanceInfra;
  tokens: DevTokenIssuer;
  env: NodeJS.ProcessEnv;
  db: TestDatabase;
  /** `Authorization` header value for a dev token (dev mode only). */
  bearer(sub: string, org: string): string;
  createOrg(orgId: string, owner: string): Promise<void>;
  close(): Promise<void>;
}

/** The real Governance app in process: real Postgres (or PGlite with TEST_DB=embedded), dev IdP. */
export async function startGovernanceHarness(
  options: { auditSink?: (real: AuditSink) => AuditSink; env?: NodeJS.ProcessEnv } = {},
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
  const infra = await buildGovernanceInfra(env);
  const { DatabaseAuditSink } = await import('../../apps/governance/src/audit/index.js');
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
  // Made on first use: with an external issuer (AUTH_ISSUERS, say) there is no dev IdP to sign with.
  let tokens: DevTokenIssuer | undefined;
  const devTokens = () => (tokens ??= DevTokenIssuer.fromConfig(loadAuthConfig(env)));
  return {
    app,
    infra,
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
