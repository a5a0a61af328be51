import { Worker } from 'node:worker_threads';
import request from 'supertest';
import { testDatabaseKind } from '@app/testing';
import { startAssetsHarness, type AssetsHarness } from '../support/assets-harness.js';

const ORG = 'racers';
const PROJECT = 'storms';
const WRITERS = 6;

type Http = ReturnType<AssetsHarness['app']['getHttpServer']>;

/** Starts a request after `ms` (0 = on the next event-loop turn); real timers, as the races are real. */
const later = (ms: number, start: () => PromiseLike<request.Response>): Promise<request.Response> =>
  new Promise((resolve, reject) => setTimeout(() => void start().then(resolve, reject), ms));

// On the embedded server (PGlite, one session) transactions and statements take turns, so the same
// races run in fewer rounds there; PostgreSQL (CI sets TEST_DB=postgres) runs them truly in parallel.
const onPostgres = (await testDatabaseKind()) === 'postgres';
/** Rounds of each kind; hundreds in all on PostgreSQL. `RACE_ROUNDS` scales them for a longer soak. */
const ROUNDS = Number(process.env.RACE_ROUNDS ?? (onPostgres ? 200 : 40));

/**
 * Concurrent changes to one connection, under load: storms of PUT/PATCH with and without new
 * credentials, and updates racing a delete, with a worker thread keeping a core busy. Every round
 * is checked against the real Governance backend: the row pairs the destination and credentials of
 * one request that succeeded, the secret it points at exists and is the connection's only one, a
 * delete leaves no secret, tuple or operation, and a connection re-created under the same name can
 * read none of the old versions.
 */
describe('Concurrent connection changes (races under load)', () => {
  let h: AssetsHarness;
  let http: Http;
  let gov: Http;
  let alice: string;
  let spinner: Worker;
  const uriOf = (slug: string) => `data:${ORG}:${PROJECT}:${slug}`;

  const api = (method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string) =>
    request(http)[method](path).set('authorization', alice).set('x-project-id', PROJECT);

  /** Names of the secrets the backend holds for the connection, whatever the backend is. */
  const backendSecrets = async (slug: string): Promise<string[]> =>
    (await h.governance.infra.secrets.list({ orgId: ORG, projectId: PROJECT, resourceUri: uriOf(slug) }))
      .map((s) => s.name)
      .sort();
  const pendingOperations = async (slug: string): Promise<number> =>
    Number(
      (
        (await h.infra.database.dataSource.query(
          `SELECT count(*)::int AS n FROM connection_operations WHERE resource_uri = $1 AND status = 'pending'`,
          [uriOf(slug)],
        )) as Array<{ n: number }>
      )[0]!.n,
    );

  /** Each request sends its own port and the password made for that port: they must stay together. */
  const passwordFor = (port: number) => `pw-for-port-${port}`;
  const config = (port: number, extra: Record<string, unknown> = {}) => ({
    host: 'db.example.com',
    port,
    database: 'analytics',
    ssl_mode: 'verify-full',
    ...extra,
  });
  const credentialsFor = (port: number) => ({ username: 'reader', password: passwordFor(port) });

  beforeAll(async () => {
    // One app: the races are between requests to it; two replicas race in replicated-background-work.
    h = await startAssetsHarness({
      replicas: 1,
      env: { RECONCILE_INTERVAL_MS: '0', GOVERNANCE_TIMEOUT_MS: '30000' },
    });
    http = h.app.getHttpServer();
    gov = h.governance.app.getHttpServer();
    await h.governance.createOrg(ORG, 'alice');
    alice = h.governance.bearer('alice', ORG);
    await request(gov)
      .post('/governance/projects')
      .set('authorization', alice)
      .send({ id: PROJECT, name: 'Storms' })
      .expect(201);
    // Keeps one core busy for the whole suite, so requests interleave as on a loaded host.
    spinner = new Worker('const end = Date.now() + 600000; while (Date.now() < end) {}', { eval: true });
  });

  afterAll(async () => {
    await spinner?.terminate();
    await h?.close();
  });

  /** The state every round must end in for a live connection. */
  const expectConsistent = async (slug: string, acceptedPorts: ReadonlySet<number>) => {
    const row = await api('get', `/assets/data/${uriOf(slug)}`).expect(200);
    const port = row.body.database_config.port as number;
    expect(acceptedPorts.has(port)).toBe(true);
    const secret = await api('get', `/assets/data/${uriOf(slug)}/secret`).expect(200);
    expect(secret.body.credentials).toEqual(credentialsFor(port));
    expect(await backendSecrets(slug)).toEqual([`credentials-v${secret.body.version}`]);
    expect(await pendingOperations(slug)).toBe(0);
    return { port, version: secret.body.version as number };
  };

  it('should keep destination and credentials of one request together through PUT/PATCH storms', async () => {
    const slug = 'storm';
    await api('post', '/assets/data')
      .send({
        name: 'Storm',
        connection_type: 'postgres',
        database_config: config(5000),
        credentials: credentialsFor(5000),
      })
      .expect(201);
    let accepted = new Set([5000]);
    const seen = { ok: 0, conflict: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const ports = Array.from({ length: WRITERS }, (_, i) => 10_000 + round * WRITERS + i);
      const writes = ports.map((port, i) => {
        switch (i % 3) {
          case 0: // full replace with new credentials
            return api('put', `/assets/data/${uriOf(slug)}`).send({
              connection_type: 'postgres',
              database_config: config(port),
              credentials: credentialsFor(port),
            });
          case 1: // partial change of the destination with new credentials
            return api('patch', `/assets/data/${uriOf(slug)}`).send({
              database_config: { port },
              credentials: credentialsFor(port),
            });
          default: // a change without credentials, computed from what the writer read
            return api('patch', `/assets/data/${uriOf(slug)}`).send({
              description: `round ${round}`,
              database_config: { database: `db_${round}_${i}` },
            });
        }
      });
      const results = await Promise.all(writes);
      const won = new Set<number>();
      results.forEach((res, i) => {
        if (![200, 409].includes(res.status))
          throw new Error(`round ${round} writer ${i}: ${res.status} ${JSON.stringify(res.body)}`);
        if (res.status === 409) {
          expect(res.body.error.code).toBe('CONFLICT');
          seen.conflict += 1;
          return;
        }
        seen.ok += 1;
        // The answer is the row as this request committed it.
        if (i % 3 !== 2) {
          expect(res.body.database_config.port).toBe(ports[i]);
          won.add(ports[i]!);
        }
      });
      // The row holds the last applied credential change, or the previous round's if none applied.
      const { port } = await expectConsistent(slug, won.size ? won : accepted);
      accepted = new Set([port]);
    }
    // The storms did race: some writers won, some lost.
    expect(seen.ok).toBeGreaterThanOrEqual(ROUNDS);
    expect(seen.conflict).toBeGreaterThan(0);
  }, 300_000);

  it('should leave no secret behind when updates race a delete, and none for a same-name successor', async () => {
    const slug = 'victim';
    let previousVersions: number[] = [];
    let deletesThatWon = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const base = 30_000 + round * 4;
      await api('post', '/assets/data')
        .send({
          name: 'Victim',
          connection_type: 'postgres',
          database_config: config(base),
          credentials: credentialsFor(base),
        })
        .expect(201);
      // A connection of the same name never sees its predecessor's credentials: its version is new,
      // and the old versions are gone from the backend and unreadable through Governance.
      const created = await expectConsistent(slug, new Set([base]));
      expect(previousVersions.every((v) => v < created.version)).toBe(true);
      // Every version between the predecessor's first and this one's was the predecessor's.
      for (let version = previousVersions[0] ?? created.version; version < created.version; version++) {
        await request(gov)
          .get(
            `/governance/resources/data-connections/${encodeURIComponent(uriOf(slug))}/secrets/credentials-v${version}`,
          )
          .set('authorization', alice)
          .expect(404);
      }

      // Odd rounds give the delete a head start of 0-12 ms, and every fourth round gives the updates
      // one of 1-3 ms, so each side wins some rounds, also where statements serialize (PGlite).
      const headStart = round % 2 ? (round % 5) * 3 : 0;
      const updatesFirst = round % 4 === 2 ? 1 + (round % 3) : 0;
      const removing = later(updatesFirst, () => api('delete', `/assets/data/${uriOf(slug)}`));
      const [patchA, patchB, putC, removal] = await Promise.all([
        later(headStart, () =>
          api('patch', `/assets/data/${uriOf(slug)}`).send({
            database_config: { port: base + 1 },
            credentials: credentialsFor(base + 1),
          }),
        ),
        later(headStart, () =>
          api('patch', `/assets/data/${uriOf(slug)}`).send({ description: `round ${round}` }),
        ),
        later(headStart, () =>
          api('put', `/assets/data/${uriOf(slug)}`).send({
            connection_type: 'postgres',
            database_config: config(base + 2),
            credentials: credentialsFor(base + 2),
          }),
        ),
        removing,
      ]);
      for (const res of [patchA, patchB, putC]) expect([200, 404, 409]).toContain(res.status);
      expect([204, 409]).toContain(removal.status);
      previousVersions = [created.version];
      if (removal.status === 204) {
        deletesThatWon += 1;
      } else {
        // The delete lost to an update in flight: the connection is intact, and deleting again works.
        const survivor = await expectConsistent(
          slug,
          new Set([
            base,
            ...(patchA.status === 200 ? [base + 1] : []),
            ...(putC.status === 200 ? [base + 2] : []),
          ]),
        );
        expect(survivor.version).toBeGreaterThanOrEqual(created.version);
        previousVersions.push(survivor.version);
        await api('delete', `/assets/data/${uriOf(slug)}`).expect(204);
      }

      await api('get', `/assets/data/${uriOf(slug)}`).expect(404);
      expect(await backendSecrets(slug)).toEqual([]);
      expect(await h.infra.authz.readTuples({ object: `data_connection:${ORG}/${PROJECT}/${slug}` })).toEqual(
        [],
      );
      expect(await pendingOperations(slug)).toBe(0);
    }
    // Both sides won some rounds.
    expect(deletesThatWon).toBeGreaterThan(0);
    expect(deletesThatWon).toBeLessThan(ROUNDS);
  }, 300_000);
});
