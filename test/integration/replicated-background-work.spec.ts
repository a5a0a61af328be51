import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { ObjectStore } from '@app/storage';
import { FakeGcpSecretManagerServer, testDatabaseKind } from '@app/testing';
import { connectionTuples } from '../../apps/assets/src/connections/lifecycle/connection-tuples.js';
import { ConnectionsRepository } from '../../apps/assets/src/connections/persistence/connections.repository.js';
import { ConnectionsReconciler } from '../../apps/assets/src/connections/lifecycle/connections.reconciler.js';
import { ConnectionSaga } from '../../apps/assets/src/connections/lifecycle/connection-saga.js';
import { PassStoppedError } from '../../apps/assets/src/common/periodic-pass.js';
import {
  SECRETS_SWEEP_OPTIONS,
  SecretStoreSweeper,
} from '../../apps/assets/src/connections/lifecycle/secret-store.sweeper.js';
import { GovernanceCredentialsStore } from '../../apps/assets/src/governance/governance-credentials.store.js';
import { StorageJanitor } from '../../apps/assets/src/storage/storage.janitor.js';
import { newConnectionRow } from '../support/connection-rows.js';
import { startAssetsHarness, type AssetsHarness } from '../support/assets-harness.js';

const ORG = 'racers';
const PROJECT = 'backlog';
/** More than one claim batch (20), so the replicas' claims interleave over one backlog. */
const ITEMS = 45;
const ROUNDS = Number(process.env.RACE_ROUNDS ?? 3);
const HOUR = 60 * 60_000;

// Two Assets replicas (and two Governance) share one PostgreSQL database; PGlite cannot be shared.
const onPostgres = (await testDatabaseKind()) === 'postgres';
if (!onPostgres)
  process.stderr.write('replicated-background-work: needs PostgreSQL (TEST_DB=postgres); skipped\n');

/** Counts each call of `methods` on `target` by what `keyOf` makes of its arguments; the calls still run. */
function countCalls<T extends object>(
  target: T,
  methods: Array<keyof T & string>,
  keyOf: (method: string, args: unknown[]) => string,
  into: Map<string, number>,
): void {
  for (const method of methods) {
    const real = (target[method] as (...args: unknown[]) => unknown).bind(target);
    (target as Record<string, unknown>)[method] = (...args: unknown[]) => {
      const key = keyOf(method, args);
      into.set(key, (into.get(key) ?? 0) + 1);
      return real(...args);
    };
  }
}

/**
 * Exactly-once background work across replicas: two Assets processes' worth of apps (each with its
 * own pool, clients and background services) over one database, their passes run at the same
 * time over one backlog, round after round. Every side effect is counted where it lands (the
 * secrets backend behind both Governance replicas, each replica's object store), and each item
 * must have been acted on once: not zero times, not twice.
 */
(onPostgres ? describe : describe.skip)('Background work on two replicas (exactly once)', () => {
  let h: AssetsHarness;
  let gcp: FakeGcpSecretManagerServer;
  let offset = 0;
  const storeDeletes = new Map<string, number>();
  /** DELETEs the secrets backend received since `since` (an index into its request log), by secret. */
  const secretDeletesSince = (since: number) => {
    const counts = new Map<string, number>();
    for (const r of gcp.requests.slice(since))
      if (r.method === 'DELETE') counts.set(r.path, (counts.get(r.path) ?? 0) + 1);
    return counts;
  };
  const assetsDb = () => h.infra.database.dataSource;
  const uriOf = (slug: string) => `data:${ORG}:${PROJECT}:${slug}`;

  beforeAll(async () => {
    // Governance keeps secrets in a fake Secret Manager: every deletion is one DELETE it counts.
    gcp = await FakeGcpSecretManagerServer.start({ projectId: 'replicas', token: 'emulator' });
    h = await startAssetsHarness({
      replicas: 2,
      governanceEnv: {
        SECRETS_BACKEND: 'gcp',
        GCP_PROJECT_ID: 'replicas',
        GCP_SECRET_MANAGER_ENDPOINT: gcp.url,
      },
      env: { RECONCILE_INTERVAL_MS: '0', SECRETS_SWEEP_INTERVAL_MS: '0', GOVERNANCE_TIMEOUT_MS: '30000' },
      overrides: [
        {
          provide: SECRETS_SWEEP_OPTIONS,
          useValue: { intervalMs: 0, graceMs: HOUR, now: () => Date.now() + offset },
        },
      ],
    });
    expect(h.replicas).toHaveLength(2);
    expect(h.governance.replicas).toHaveLength(2);
    await h.governance.createOrg(ORG, 'alice');
    await request(h.governance.app.getHttpServer())
      .post('/governance/projects')
      .set('authorization', h.governance.bearer('alice', ORG))
      .send({ id: PROJECT, name: 'Backlog' })
      .expect(201);
    for (const replica of h.replicas)
      countCalls(
        replica.infra.objectStore as ObjectStore,
        ['delete'],
        (_m, [key]) => String(key),
        storeDeletes,
      );
  });

  afterAll(async () => {
    await h?.close();
    await gcp?.stop();
  });

  /** Creates that died after storing their secret: each leaves a row, a pending operation and v1. */
  async function seedInterruptedCreates(prefix: string): Promise<string[]> {
    const repository = h.replicas[0]!.app.get(ConnectionsRepository);
    const credentials = h.replicas[0]!.app.get(GovernanceCredentialsStore);
    const bearer = h.governance.bearer('alice', ORG).slice('Bearer '.length);
    const principal = {
      userId: 'alice',
      orgId: ORG,
      actorType: 'user' as const,
      issuer: 'test',
      token: bearer,
    };
    const slugs = Array.from({ length: ITEMS }, (_, i) => `${prefix}-op-${i}`);
    for (const slug of slugs) {
      await h.infra.authz.writeTuples(connectionTuples({ orgId: ORG, projectId: PROJECT, slug }, 'alice'));
      await repository.insertProvisioning(
        { orgId: ORG, projectId: PROJECT },
        newConnectionRow({ orgId: ORG, projectId: PROJECT }, slug),
        'alice',
      );
      await credentials.put(principal, uriOf(slug), 1, {
        auth_type: 'basic',
        credentials: { password: 'x' },
      });
    }
    // The requests are dead: their leases run out.
    await assetsDb().query(
      `UPDATE connection_operations SET lease_until = now() - interval '1 second' WHERE status = 'pending'`,
    );
    return slugs;
  }

  it('should reconcile each interrupted operation once, whichever replica claims it', async () => {
    const byReplica = [0, 0];
    for (let round = 0; round < ROUNDS; round++) {
      await seedInterruptedCreates(`r${round}`);
      const since = gcp.requests.length;

      const summaries = await Promise.all(h.replicas.map((r) => r.app.get(ConnectionsReconciler).runOnce()));

      summaries.forEach((s, i) => (byReplica[i]! += s.claimed));
      expect(summaries.reduce((n, s) => n + s.claimed, 0)).toBe(ITEMS);
      expect(summaries.reduce((n, s) => n + s.rolledBack, 0)).toBe(ITEMS);
      // One DELETE per operation's secret, none repeated.
      const deletes = secretDeletesSince(since);
      expect(deletes.size).toBe(ITEMS);
      for (const [secret, n] of deletes) expect([secret, n]).toEqual([secret, 1]);
      const attempts = (await assetsDb().query(
        `SELECT attempts, status FROM connection_operations WHERE resource_uri LIKE $1`,
        [uriOf(`r${round}-op-%`)],
      )) as Array<{ attempts: number; status: string }>;
      expect(attempts).toHaveLength(ITEMS);
      for (const row of attempts) expect(row).toEqual({ attempts: 1, status: 'rolled_back' });
    }
    // Both replicas took part (the backlog is larger than one claim).
    expect(byReplica.every((n) => n > 0)).toBe(true);
    process.stdout.write(`reconciler: ${ROUNDS}x${ITEMS} operations, claimed ${byReplica.join(' + ')}\n`);
  });

  it('should delete each orphaned secret once while both replicas sweep', async () => {
    const orgs = Array.from({ length: 6 }, (_, i) => `sweep-${i}`);
    const byReplica = [0, 0];
    for (let round = 0; round < ROUNDS; round++) {
      const orphans: string[] = [];
      for (const org of orgs) {
        for (let i = 0; i < 4; i++) {
          const uri = `data:${org}:${PROJECT}:r${round}-gone-${i}`;
          // A connection that is gone, whose secret a late write left behind.
          await assetsDb().query(
            `INSERT INTO connection_secret_versions (resource_uri, last_version) VALUES ($1, 1)`,
            [uri],
          );
          await h.governance.infra.secrets.create(
            { orgId: org, projectId: PROJECT, resourceUri: uri, name: 'credentials-v1' },
            JSON.stringify({ auth_type: 'basic', credentials: { password: 'planted' } }),
          );
          orphans.push(uri);
        }
      }
      // Two hours on, for the backend and for both sweepers: every orphan is past the grace period.
      gcp.advance(2 * HOUR);
      offset += 2 * HOUR;
      const since = gcp.requests.length;

      const summaries = await Promise.all(h.replicas.map((r) => r.app.get(SecretStoreSweeper).runOnce()));

      summaries.forEach((s, i) => (byReplica[i]! += s.orgs));
      expect(summaries.reduce((n, s) => n + s.deletedConnectionGone, 0)).toBe(orphans.length);
      const deletes = secretDeletesSince(since);
      expect(deletes.size).toBe(orphans.length);
      for (const [secret, n] of deletes) expect([secret, n]).toEqual([secret, 1]);
    }
    expect(byReplica.every((n) => n > 0)).toBe(true);
    process.stdout.write(
      `secret sweep: ${ROUNDS}x24 orphans in 6 orgs, orgs swept ${byReplica.join(' + ')}\n`,
    );
  });

  it('should remove each abandoned upload once while both replicas run the janitor', async () => {
    const byKey = (key: string) => storeDeletes.get(key) ?? 0;
    for (let round = 0; round < ROUNDS; round++) {
      const keys: string[] = [];
      for (let i = 0; i < ITEMS; i++) {
        const key = `${ORG}/${PROJECT}/files/r${round}-abandoned-${i}.bin`;
        await h.infra.objectStore.put(key, Buffer.from('partial'));
        await assetsDb().query(
          `INSERT INTO files (id, org_id, project_id, resource_uri, name, key, storage_key, content_type, size, created_by, status, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $5, $6, 'application/octet-stream', 7, 'alice', 'uploading', now() - interval '2 hours', now() - interval '2 hours')`,
          [
            randomUUID(),
            ORG,
            PROJECT,
            `file:${ORG}:${PROJECT}:r${round}-${i}`,
            `r${round}-abandoned-${i}.bin`,
            key,
          ],
        );
        keys.push(key);
      }

      await Promise.all(h.replicas.map((r) => r.app.get(StorageJanitor).sweep()));

      for (const key of keys) expect([key, byKey(key)]).toEqual([key, 1]);
      const left = (await assetsDb().query(
        `SELECT count(*)::int AS n FROM files WHERE status = 'uploading'`,
      )) as Array<{
        n: number;
      }>;
      expect(left[0]!.n).toBe(0);
    }
  });

  // Last: the first replica's reconciler stays stopped afterwards, as in a process that drains.
  it('should hand what a draining replica claimed but had not started to the other replica at once', async () => {
    await seedInterruptedCreates('drain');
    const since = gcp.requests.length;
    const draining = h.replicas[0]!.app.get(ConnectionsReconciler);
    const saga = h.replicas[0]!.app.get(ConnectionSaga);
    const reconcile = saga.reconcile.bind(saga);
    let firstStarted!: () => void;
    const started = new Promise<void>((resolve) => (firstStarted = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    saga.reconcile = async (op) => {
      firstStarted();
      await held;
      return reconcile(op);
    };
    try {
      const pass = draining.runOnce();
      await started;
      // SIGTERM arrives while the first operation of a claimed batch is in flight.
      const drained = draining.onDrain();
      release();
      const summary = await pass;
      await drained;
      // It finished the operation in flight, and started none of the rest of its batch.
      expect(summary).toMatchObject({ claimed: 20, rolledBack: 1, failed: 0 });
    } finally {
      saga.reconcile = reconcile;
    }
    await expect(draining.runOnce()).rejects.toBeInstanceOf(PassStoppedError);

    // The rest of its batch went back to the backlog at once (not after the 60 s lease).
    const other = await h.replicas[1]!.app.get(ConnectionsReconciler).runOnce();
    expect(other).toMatchObject({ claimed: ITEMS - 1, rolledBack: ITEMS - 1, failed: 0 });
    const deletes = secretDeletesSince(since);
    expect(deletes.size).toBe(ITEMS);
    for (const [secret, n] of deletes) expect([secret, n]).toEqual([secret, 1]);
  });
});
