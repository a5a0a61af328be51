import request from 'supertest';
import { ConnectionsRepository } from '../../apps/assets/src/connections/persistence/connections.repository.js';
import { ConnectionOperationsRepository } from '../../apps/assets/src/connections/persistence/connection-operations.repository.js';
import { ConnectionSaga } from '../../apps/assets/src/connections/lifecycle/connection-saga.js';
import { ConnectionsReconciler } from '../../apps/assets/src/connections/lifecycle/connections.reconciler.js';
import { ConnectionRotationSaga } from '../../apps/assets/src/connections/lifecycle/rotation-saga.js';
import { connectionTuples } from '../../apps/assets/src/connections/lifecycle/connection-tuples.js';
import { GovernanceCredentialsStore } from '../../apps/assets/src/governance/governance-credentials.store.js';
import { AuditRecorder } from '../../apps/assets/src/governance/audit-recorder.js';
import { ConnectionEvents } from '../../apps/assets/src/notifications/index.js';
import { AppException, ErrorCode, RequestContext } from '@app/core';
import type { AuditSink } from '@app/audit';
import { projectObject } from '@app/authz';
import { startAssetsHarness, type AssetsHarness } from '../support/assets-harness.js';
import { newConnectionRow } from '../support/connection-rows.js';

const ORG = 'acme';
const PROJECT = 'faults';

/**
 * Each case breaks one step of a create, credential change or delete, either as a dependency
 * failure (the request sees 503) or as a crash (the process dies between two steps, replayed
 * here step by step), then reconciles and asserts that nothing is left half-made.
 */
describe('Connection crash consistency (fault injection)', () => {
  let h: AssetsHarness;
  let http: ReturnType<AssetsHarness['app']['getHttpServer']>;
  let alice: string;
  let governanceDb: AssetsHarness['governance']['infra']['database']['dataSource'];
  let assetsDb: AssetsHarness['infra']['database']['dataSource'];

  const body = (name: string, password = 'pw-1') => ({
    name,
    connection_type: 'postgres',
    database_config: { host: 'db.example.com', port: 5432, database: 'analytics' },
    credentials: { username: 'reader', password },
  });
  const uriOf = (slug: string) => `data:${ORG}:${PROJECT}:${slug}`;
  const objectOf = (slug: string) => `data_connection:${ORG}/${PROJECT}/${slug}`;

  const state = async (slug: string) => ({
    rows: (await assetsDb.query(
      'SELECT lifecycle, credentials_version FROM data_connections WHERE resource_uri = $1',
      [uriOf(slug)],
    )) as Array<{ lifecycle: string; credentials_version: number }>,
    secrets: (
      (await governanceDb.query('SELECT name FROM secrets WHERE resource_uri = $1 ORDER BY name', [
        uriOf(slug),
      ])) as Array<{ name: string }>
    ).map((r) => r.name),
    tuples: await h.infra.authz.readTuples({ object: objectOf(slug) }),
    pending: Number(
      (
        await assetsDb.query(
          `SELECT count(*)::int AS n FROM connection_operations WHERE resource_uri = $1 AND status = 'pending'`,
          [uriOf(slug)],
        )
      )[0].n,
    ),
  });
  const nothingLeft = { rows: [], secrets: [], tuples: [], pending: 0 };

  /** What a restart does: the dead request's lease runs out, and the reconciler takes over. */
  const restartAndReconcile = async () => {
    await assetsDb.query(
      `UPDATE connection_operations SET lease_until = now() - interval '1 second' WHERE status = 'pending'`,
    );
    return h.reconciler.runOnce();
  };

  /** A real outage of one dependency: its table disappears for the duration of `fn`. */
  const withTableOffline = async <T>(
    db: typeof governanceDb,
    table: string,
    fn: () => Promise<T>,
  ): Promise<T> => {
    const [schema, name] = table.includes('.') ? table.split('.') : ['public', table];
    await db.query(`ALTER TABLE ${schema}.${name} RENAME TO ${name}_offline`);
    try {
      return await fn();
    } finally {
      await db.query(`ALTER TABLE ${schema}.${name}_offline RENAME TO ${name}`);
    }
  };
  const invisible = (slug: string) =>
    request(http)
      .get(`/assets/data/${uriOf(slug)}`)
      .set('authorization', alice)
      .set('x-project-id', PROJECT)
      .expect(404);

  beforeAll(async () => {
    h = await startAssetsHarness({ replicas: 1 }); // faults are injected into one app's clients
    http = h.app.getHttpServer();
    governanceDb = h.governance.infra.database.dataSource;
    assetsDb = h.infra.database.dataSource;
    await h.governance.createOrg(ORG, 'alice');
    alice = h.governance.bearer('alice', ORG);
    await request(h.governance.app.getHttpServer())
      .post('/governance/projects')
      .set('authorization', alice)
      .send({ id: PROJECT, name: 'Faults' })
      .expect(201);
  });

  afterAll(async () => {
    await h?.close();
  });

  const create = (name: string, password?: string) =>
    request(http)
      .post('/assets/data')
      .set('authorization', alice)
      .set('x-project-id', PROJECT)
      .send(body(name, password));

  describe('dependency failures during a request', () => {
    it.each([
      ['the secrets backend', 'secrets', 'secrets-down'],
      ['the audit log', 'audit_events', 'audit-down'],
      ['the authorization store', 'authz.tuples', 'authz-down'],
    ])('should leave nothing behind when %s is down during a create', async (_dependency, table, slug) => {
      const res = await withTableOffline(governanceDb, table, async () => {
        const response = await create(slug).expect(503);
        await invisible(slug);
        return response;
      });
      expect(res.body.error.code).toBe('SERVICE_UNAVAILABLE');
      await invisible(slug);
      // Whatever the outage kept the request from cleaning up, the reconciler removes.
      await restartAndReconcile();
      expect(await state(slug)).toEqual(nothingLeft);
    });

    it('should keep the old credentials when a credential change cannot be stored', async () => {
      await create('Rotate Fails', 'old-pw').expect(201);
      await withTableOffline(governanceDb, 'secrets', () =>
        request(http)
          .patch(`/assets/data/${uriOf('rotate-fails')}`)
          .set('authorization', alice)
          .set('x-project-id', PROJECT)
          .send({ credentials: { username: 'reader', password: 'new-pw' } })
          .expect(503),
      );
      const secret = await request(http)
        .get(`/assets/data/${uriOf('rotate-fails')}/secret`)
        .set('authorization', alice)
        .set('x-project-id', PROJECT)
        .expect(200);
      expect(secret.body.credentials.password).toBe('old-pw');
      // The outage also kept the request from removing its (maybe written) version: the operation
      // stays pending for the reconciler, and the connection takes no other change until then.
      // The write's outcome is in doubt (503), so the reconciler waits out the settle lease first.
      expect(await state('rotate-fails')).toMatchObject({
        rows: [{ lifecycle: 'active', credentials_version: 1 }],
        secrets: ['credentials-v1'],
        pending: 1,
      });
      const busy = await request(http)
        .patch(`/assets/data/${uriOf('rotate-fails')}`)
        .set('authorization', alice)
        .set('x-project-id', PROJECT)
        .send({ description: 'x' })
        .expect(409);
      expect(busy.body.error.code).toBe('CONFLICT');
      expect((await h.reconciler.runOnce()).claimed).toBe(0);
      await restartAndReconcile();
      expect(await state('rotate-fails')).toMatchObject({
        rows: [{ lifecycle: 'active', credentials_version: 1 }],
        secrets: ['credentials-v1'],
        pending: 0,
      });
    });

    it('should hide a connection at once when delete is interrupted, and finish it after the outage', async () => {
      await create('Delete Interrupted').expect(201);
      await withTableOffline(governanceDb, 'secrets', () =>
        request(http)
          .delete(`/assets/data/${uriOf('delete-interrupted')}`)
          .set('authorization', alice)
          .set('x-project-id', PROJECT)
          .expect(503),
      );
      await request(http)
        .get(`/assets/data/${uriOf('delete-interrupted')}`)
        .set('authorization', alice)
        .set('x-project-id', PROJECT)
        .expect(404);
      expect((await state('delete-interrupted')).pending).toBe(1);
      await restartAndReconcile();
      expect(await state('delete-interrupted')).toEqual(nothingLeft);
    });
  });

  describe('crashes between steps, then restart and reconcile', () => {
    let repo: ConnectionsRepository;
    let credentials: GovernanceCredentialsStore;
    const principal = () => ({
      userId: 'alice',
      orgId: ORG,
      actorType: 'user' as const,
      issuer: 'test',
      token: alice.slice('Bearer '.length),
    });

    beforeAll(() => {
      repo = h.app.get(ConnectionsRepository);
      credentials = h.app.get(GovernanceCredentialsStore);
    });

    const provision = async (slug: string) => {
      const row = newConnectionRow({ orgId: ORG, projectId: PROJECT }, slug);
      await repo.insertProvisioning({ orgId: ORG, projectId: PROJECT }, row, 'alice');
      return row;
    };
    const ref = (slug: string) => ({ orgId: ORG, projectId: PROJECT, slug });

    it.each([
      ['after the row was written', 1],
      ['after the tuples were written', 2],
      ['after the secret was stored', 3],
    ])('should roll back a create that crashed %s', async (_when, steps) => {
      const slug = `crash-create-${steps}`;
      await provision(slug);
      if (steps >= 2) await h.infra.authz.writeTuples(connectionTuples(ref(slug), 'alice'));
      if (steps >= 3)
        await credentials.put(principal(), uriOf(slug), 1, {
          auth_type: 'basic',
          credentials: { password: 'x' },
        });
      const before = await state(slug);
      expect(before.pending).toBe(1);
      await request(http)
        .get(`/assets/data/${uriOf(slug)}`)
        .set('authorization', alice)
        .set('x-project-id', PROJECT)
        .expect(404);
      const summary = await restartAndReconcile();
      expect(summary.rolledBack).toBeGreaterThanOrEqual(1);
      expect(await state(slug)).toEqual(nothingLeft);
    });

    it('should drop the new secret of a credential change that crashed before the switch', async () => {
      await create('Crash Rotate Before', 'old-pw').expect(201);
      const row = (await repo.findActive({ orgId: ORG, projectId: PROJECT }, uriOf('crash-rotate-before')))!;
      const { operation: op } = await repo.beginCredentialsUpdate(
        { orgId: ORG, projectId: PROJECT },
        row,
        'alice',
      );
      await credentials.put(principal(), row.resourceUri, op.secretVersion, {
        auth_type: 'basic',
        credentials: { password: 'new-pw' },
      });
      await restartAndReconcile();
      expect(await state('crash-rotate-before')).toMatchObject({
        rows: [{ credentials_version: 1 }],
        secrets: ['credentials-v1'],
        pending: 0,
      });
    });

    it('should drop the old secret of a credential change that crashed after the switch', async () => {
      await create('Crash Rotate After', 'old-pw').expect(201);
      const row = (await repo.findActive({ orgId: ORG, projectId: PROJECT }, uriOf('crash-rotate-after')))!;
      const { operation: op, revision } = await repo.beginCredentialsUpdate(
        { orgId: ORG, projectId: PROJECT },
        row,
        'alice',
      );
      await credentials.put(principal(), row.resourceUri, op.secretVersion, {
        auth_type: 'basic',
        credentials: { password: 'new-pw' },
      });
      await repo.commitCredentialsUpdate(
        { orgId: ORG, projectId: PROJECT },
        { id: row.id, revision, operationId: op.id },
        { credentialsVersion: op.secretVersion },
      );
      await restartAndReconcile();
      expect(await state('crash-rotate-after')).toMatchObject({
        rows: [{ credentials_version: 2 }],
        secrets: ['credentials-v2'],
        pending: 0,
      });
      const secret = await request(http)
        .get(`/assets/data/${uriOf('crash-rotate-after')}/secret`)
        .set('authorization', alice)
        .set('x-project-id', PROJECT)
        .expect(200);
      expect(secret.body.credentials.password).toBe('new-pw');
    });

    it.each([
      ['after it was hidden', 0],
      ['after the secret was deleted', 1],
    ])('should finish a delete that crashed %s', async (_when, steps) => {
      const slug = `crash-delete-${steps}`;
      await create(`Crash Delete ${steps}`).expect(201);
      const row = (await repo.findActive({ orgId: ORG, projectId: PROJECT }, uriOf(slug)))!;
      await repo.beginDelete({ orgId: ORG, projectId: PROJECT }, row, 'alice');
      if (steps >= 1) await credentials.delete(principal(), row.resourceUri, row.credentialsVersion);
      await restartAndReconcile();
      expect(await state(slug)).toEqual(nothingLeft);
    });

    it('should refuse a writer whose read is stale at every write (409), before it stores anything', async () => {
      await create('Stale Writer', 'old-pw').expect(201);
      const scope = { orgId: ORG, projectId: PROJECT };
      const stale = (await repo.findActive(scope, uriOf('stale-writer')))!;
      await request(http)
        .patch(`/assets/data/${uriOf('stale-writer')}`)
        .set('authorization', alice)
        .set('x-project-id', PROJECT)
        .send({ description: 'moved on' })
        .expect(200);
      const conflict = expect.objectContaining({ code: ErrorCode.CONFLICT, status: 409 });
      await expect(repo.update(scope, stale, { config: { host: 'elsewhere.example.com' } })).rejects.toEqual(
        conflict,
      );
      await expect(repo.beginCredentialsUpdate(scope, stale, 'alice')).rejects.toEqual(conflict);
      await expect(repo.beginDelete(scope, stale, 'alice')).rejects.toEqual(conflict);
      expect(await state('stale-writer')).toMatchObject({
        rows: [{ lifecycle: 'active', credentials_version: 1 }],
        secrets: ['credentials-v1'],
        pending: 0,
      });
      const row = await request(http)
        .get(`/assets/data/${uriOf('stale-writer')}`)
        .set('authorization', alice)
        .set('x-project-id', PROJECT)
        .expect(200);
      expect(row.body).toMatchObject({
        description: 'moved on',
        database_config: { host: 'db.example.com' },
      });
    });

    it('should remove the secret of a failed change as the service account when the caller lost permission meanwhile', async () => {
      await create('Lost Permission', 'old-pw').expect(201);
      const dave = h.governance.bearer('dave', ORG);
      await request(h.governance.app.getHttpServer())
        .post('/governance/grants')
        .set('authorization', alice)
        .send({ user: 'user:dave', relation: 'developer', object: `project:${PROJECT}` })
        .expect(201);
      const revokeThenFail: AuditSink = {
        record: async () => {
          await h.governance.infra.authz.writeTuples(
            [],
            [{ user: 'user:dave', relation: 'developer', object: projectObject(ORG, PROJECT) }],
          );
          throw new Error('audit log down');
        },
      } as unknown as AuditSink;
      const saga = new ConnectionSaga(
        repo,
        h.app.get(ConnectionOperationsRepository),
        h.infra.authz,
        credentials,
        new AuditRecorder(revokeThenFail, new RequestContext()),
        h.app.get(ConnectionEvents),
      );
      const row = (await repo.findActive({ orgId: ORG, projectId: PROJECT }, uriOf('lost-permission')))!;
      const davePrincipal = {
        userId: 'dave',
        orgId: ORG,
        actorType: 'user' as const,
        issuer: 'test',
        token: dave.slice('Bearer '.length),
      };
      await expect(
        saga.replaceCredentials(
          davePrincipal,
          row,
          { auth_type: 'basic', credentials: { password: 'new-pw' } },
          {},
          { action: 'data_connection.update', resource_type: 'data_connection' },
        ),
      ).rejects.toBeInstanceOf(AppException);
      expect(await state('lost-permission')).toMatchObject({
        rows: [{ credentials_version: 1 }],
        secrets: ['credentials-v1'],
        pending: 0,
      });
      const closed = (await assetsDb.query(
        `SELECT status FROM connection_operations WHERE resource_uri = $1 AND kind = 'update_credentials'`,
        [uriOf('lost-permission')],
      )) as Array<{ status: string }>;
      expect(closed).toEqual([{ status: 'rolled_back' }]);
    });

    it('should let two replicas reconcile at once without doing any operation twice', async () => {
      for (let i = 0; i < 6; i++) await provision(`replica-${i}`);
      await assetsDb.query(
        `UPDATE connection_operations SET lease_until = now() - interval '1 second' WHERE status = 'pending'`,
      );
      const saga = h.app.get(ConnectionSaga);
      const rotations = h.app.get(ConnectionRotationSaga);
      const replicaA = new ConnectionsReconciler(
        h.app.get(ConnectionOperationsRepository),
        saga,
        rotations,
        0,
      );
      const replicaB = new ConnectionsReconciler(
        new ConnectionOperationsRepository(assetsDb),
        saga,
        rotations,
        0,
      );
      const [a, b] = await Promise.all([replicaA.runOnce(), replicaB.runOnce()]);
      expect(a.claimed + b.claimed).toBe(6);
      const attempts = (await assetsDb.query(
        `SELECT attempts FROM connection_operations WHERE resource_uri LIKE $1`,
        [`${uriOf('replica-')}%`],
      )) as Array<{ attempts: number }>;
      expect(attempts.map((r) => r.attempts)).toEqual([1, 1, 1, 1, 1, 1]);
      for (let i = 0; i < 6; i++) expect(await state(`replica-${i}`)).toEqual(nothingLeft);
    });
  });
});
