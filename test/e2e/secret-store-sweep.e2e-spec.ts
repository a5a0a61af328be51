import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { SecretsBackend } from '@app/secrets';
import { FakeGcpSecretManagerServer, FakeInfisicalServer } from '@app/testing';
import { startAssetsHarness, type AssetsHarness } from '../support/assets-harness.js';
import { infisicalEnv } from '../support/infisical-env.js';
import {
  SECRETS_SWEEP_OPTIONS,
  SecretStoreSweeper,
  type SweepSummary,
} from '../../apps/assets/src/connections/lifecycle/secret-store.sweeper.js';
import { SecretSweepRepository } from '../../apps/assets/src/connections/persistence/secret-sweep.repository.js';
import { GovernanceSecretInventory } from '../../apps/assets/src/governance/governance-secret-inventory.js';

const ORG = 'acme';
const PROJECT = 'sweep-proj';
const HOUR = 60 * 60_000;
const GRACE = HOUR;
const SERVICE = 'service-account-assets';
const CANARY = 'pw-canary-5e1f0d';

type Kind = 'embedded' | 'gcp' | 'infisical';

interface Backend {
  governanceEnv: NodeJS.ProcessEnv;
  /** Makes everything stored so far two hours old; returns how far the sweep's clock must move. */
  age(h: AssetsHarness): Promise<number>;
  /** Infisical only: plants an empty removal tombstone under a resource folder of `org`. */
  plantTombstone?(org: string): Promise<() => Promise<boolean>>;
  stop(): Promise<void>;
}

async function backendFor(kind: Kind): Promise<Backend> {
  switch (kind) {
    case 'embedded':
      return {
        governanceEnv: {},
        // The embedded backend stamps rows with the database clock: move them back instead.
        async age(h) {
          await h.governance.infra.database.dataSource.query(
            `UPDATE secrets SET created_at = created_at - interval '2 hours', updated_at = updated_at - interval '2 hours'`,
          );
          return 0;
        },
        stop: async () => undefined,
      };
    case 'gcp': {
      const fake = await FakeGcpSecretManagerServer.start({ projectId: 'sweep-project', token: 'emulator' });
      return {
        governanceEnv: {
          SECRETS_BACKEND: 'gcp',
          GCP_PROJECT_ID: 'sweep-project',
          GCP_SECRET_MANAGER_ENDPOINT: fake.url,
        },
        async age() {
          fake.advance(2 * HOUR);
          return 2 * HOUR;
        },
        stop: () => fake.stop(),
      };
    }
    case 'infisical': {
      const fake = await FakeInfisicalServer.start({ environments: ['prod'] });
      return {
        governanceEnv: infisicalEnv(fake),
        async age() {
          fake.advance(2 * HOUR);
          return 2 * HOUR;
        },
        async plantTombstone(org) {
          const login = await fetch(`${fake.url}/api/v1/auth/universal-auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ clientId: fake.clientId, clientSecret: fake.clientSecret }),
          });
          const { accessToken } = (await login.json()) as { accessToken: string };
          const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
          const parent = `/${org}/${PROJECT}/resources`;
          const name = 'data-acme-sweep-proj-gone_0123456789abcdef0123__rm_a1b2c3d4e5f6';
          const created = await fetch(`${fake.url}/api/v1/folders`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ workspaceId: fake.projectId, environment: 'prod', name, path: parent }),
          });
          expect(created.status).toBe(200);
          return async () => {
            const res = await fetch(
              `${fake.url}/api/v1/folders?${new URLSearchParams({ workspaceId: fake.projectId, environment: 'prod', path: parent })}`,
              { headers },
            );
            return ((await res.json()) as { folders: Array<{ name: string }> }).folders.some(
              (f) => f.name === name,
            );
          };
        },
        stop: () => fake.stop(),
      };
    }
  }
}

describe.each<Kind>(['embedded', 'gcp', 'infisical'])(
  'Secret-store sweep on the %s backend (e2e)',
  (kind) => {
    let backend: Backend;
    let h: AssetsHarness;
    let http: ReturnType<AssetsHarness['app']['getHttpServer']>;
    let gov: ReturnType<AssetsHarness['governance']['app']['getHttpServer']>;
    let secrets: SecretsBackend;
    let offset = 0;
    const now = () => Date.now() + offset;
    const alice = () => h.governance.bearer('alice', ORG);
    const api = (method: 'get' | 'post' | 'patch' | 'delete', path: string, org = ORG) => {
      const agent = request(http);
      return agent[method](path)
        .set('authorization', h.governance.bearer('alice', org))
        .set('x-project-id', PROJECT);
    };
    const scopeOf = (uri: string) => ({
      orgId: uri.split(':')[1],
      projectId: uri.split(':')[2] || null,
      resourceUri: uri,
    });
    const plant = (uri: string, name: string) =>
      secrets.create(
        { ...scopeOf(uri), name },
        JSON.stringify({ auth_type: 'basic', credentials: { password: 'planted' } }),
      );
    const namesOf = async (uri: string) => (await secrets.list(scopeOf(uri))).map((m) => m.name).sort();
    const createConnection = async (name: string, org = ORG): Promise<string> => {
      const res = await api('post', '/assets/data', org)
        .send({
          name,
          connection_type: 'postgres',
          database_config: { host: 'db.example.com', port: 5432, database: 'd' },
          credentials: { username: 'u', password: CANARY },
        })
        .expect(201);
      return res.body.resource_uri as string;
    };
    const sweeperWith = (repository: SecretSweepRepository, inventory: GovernanceSecretInventory) =>
      new SecretStoreSweeper(repository, inventory, { intervalMs: 0, graceMs: GRACE, now });
    const deletionEvents = async (org = ORG) => {
      const res = await request(gov)
        .get('/governance/audit?action=data_connection.secret.delete&page_size=100')
        .set('authorization', h.governance.bearer('alice', org))
        .expect(200);
      return (
        res.body.data as Array<{
          resource_id: string;
          actor_id: string;
          actor_type: string;
          details: { reason?: string };
        }>
      ).filter((e) => e.details.reason?.startsWith('orphan_'));
    };

    beforeAll(async () => {
      backend = await backendFor(kind);
      h = await startAssetsHarness({
        governanceEnv: backend.governanceEnv,
        overrides: [{ provide: SECRETS_SWEEP_OPTIONS, useValue: { intervalMs: 0, graceMs: GRACE, now } }],
      });
      http = h.app.getHttpServer();
      gov = h.governance.app.getHttpServer();
      secrets = h.governance.infra.secrets;
      for (const org of [ORG, 'globex']) {
        await h.governance.createOrg(org, 'alice');
        await request(gov)
          .post('/governance/projects')
          .set('authorization', h.governance.bearer('alice', org))
          .send({ id: PROJECT, name: 'Sweep' })
          .expect(201);
      }
    });

    afterAll(async () => {
      await h?.close();
      await backend?.stop();
    });

    it('should delete exactly the orphans older than the grace period, audit each as the service account and count them', async () => {
      // A live connection whose credentials changed: the row points at v2; a leftover v1 reappears.
      const live = await createConnection('Live DB');
      await api('patch', `/assets/data/${live}`)
        .send({ credentials: { username: 'u', password: 'p2' } })
        .expect(200);
      expect(await namesOf(live)).toEqual(['credentials-v2']);
      await plant(live, 'credentials-v1');
      // A connection that was deleted; a late write left its secret behind.
      const gone = await createConnection('Gone DB');
      await api('delete', `/assets/data/${gone}`).expect(204);
      await plant(gone, 'credentials-v1');
      // A connection with a credential change in flight: its pending operation reserves v2.
      const busy = await createConnection('Busy DB');
      const [row] = (await h.infra.database.dataSource.query(
        `SELECT id FROM data_connections WHERE resource_uri = $1`,
        [busy],
      )) as Array<{ id: string }>;
      await h.infra.database.dataSource.query(
        `UPDATE connection_secret_versions SET last_version = 2 WHERE resource_uri = $1`,
        [busy],
      );
      await h.infra.database.dataSource.query(
        `INSERT INTO connection_operations (id, connection_id, org_id, project_id, resource_uri, kind, secret_version, previous_secret_version, actor_id, status, attempts, lease_until, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'update_credentials', 2, 1, 'alice', 'pending', 0, now() + interval '1 day', now(), now())`,
        [randomUUID(), row.id, ORG, PROJECT, busy],
      );
      await plant(busy, 'credentials-v2');
      // A long name: backends whose layout cannot name the URI (Infisical) are matched by key.
      const long = await createConnection(`Warehouse ${'replica '.repeat(8)}east`);
      await api('patch', `/assets/data/${long}`)
        .send({ credentials: { username: 'u', password: 'p2' } })
        .expect(200);
      await plant(long, 'credentials-v1');
      offset = await backend.age(h);
      // Written within the grace period: an orphan too, but young.
      await plant(live, 'credentials-v9');

      const summary = await h.app.get(SecretStoreSweeper).runOnce();

      expect(await namesOf(live)).toEqual(['credentials-v2', 'credentials-v9']);
      expect(await namesOf(gone)).toEqual([]);
      expect(await namesOf(busy)).toEqual(['credentials-v1', 'credentials-v2']);
      expect(await namesOf(long)).toEqual(['credentials-v2']);
      expect(summary).toMatchObject<Partial<SweepSummary>>({
        deleted: 3,
        deletedConnectionGone: 1,
        deletedVersionSuperseded: 2,
        failed: 0,
        orgsFailed: 0,
      });
      // busy's v1 is both current and the pending change's previous version: counted as reserved.
      expect(summary.kept).toMatchObject({ current: 2, reserved: 2, young: 1, unresolved: 0 });

      const events = await deletionEvents();
      expect(events.map((e) => [e.resource_id, e.details.reason]).sort()).toEqual(
        [
          [`${gone}#credentials-v1`, 'orphan_connection_gone'],
          [`${live}#credentials-v1`, 'orphan_version_superseded'],
          [`${long}#credentials-v1`, 'orphan_version_superseded'],
        ].sort(),
      );
      for (const event of events) expect(event).toMatchObject({ actor_id: SERVICE, actor_type: 'service' });

      // Idempotent: a second pass finds nothing more to delete, and records nothing.
      const again = await h.app.get(SecretStoreSweeper).runOnce();
      expect(again.deleted).toBe(0);
      expect(await deletionEvents()).toHaveLength(3);
    });

    it('should let two sweepers running at once delete each orphan once', async () => {
      const org = 'globex';
      const uris = [
        await createConnection('Alpha', org),
        await createConnection('Beta', org),
        await createConnection('Gamma', org),
      ];
      for (const uri of uris) await api('delete', `/assets/data/${uri}`, org).expect(204);
      for (const uri of uris) await plant(uri, 'credentials-v1');
      offset += await backend.age(h);

      // Both replicas try to claim the org before either lists it.
      let claimed!: () => void;
      const bothClaimed = new Promise<void>((resolve) => (claimed = resolve));
      let claims = 0;
      const repository = () => {
        const real = new SecretSweepRepository(h.infra.database.dataSource);
        const claim = real.claim.bind(real);
        real.claim = async (...args) => {
          const won = await claim(...args);
          if (args[0].orgId === org && ++claims === 2) claimed();
          return won;
        };
        return real;
      };
      const inventory = () => {
        const real = new GovernanceSecretInventory(h.infra.governance, h.infra.serviceIdentity);
        const list = real.list.bind(real);
        real.list = async (orgId, cursor) => {
          if (orgId === org) await bothClaimed;
          return list(orgId, cursor);
        };
        return real;
      };
      const [a, b] = await Promise.all([
        sweeperWith(repository(), inventory()).runOnce(),
        sweeperWith(repository(), inventory()).runOnce(),
      ]);

      expect(a.deletedConnectionGone + b.deletedConnectionGone).toBe(3);
      for (const uri of uris) expect(await namesOf(uri)).toEqual([]);
      const events = await deletionEvents(org);
      expect(events.map((e) => e.resource_id).sort()).toEqual(
        uris.map((uri) => `${uri}#credentials-v1`).sort(),
      );
    });

    if (kind === 'infisical') {
      it("should remove Infisical's empty removal tombstones", async () => {
        const exists = await backend.plantTombstone!(ORG);
        expect(await exists()).toBe(true);
        const summary = await h.app.get(SecretStoreSweeper).runOnce();
        expect(summary.leftoversRemoved).toBe(1);
        expect(await exists()).toBe(false);
      });
    }

    describe('the internal inventory routes', () => {
      const serviceToken = (org: string, sub = SERVICE) =>
        `Bearer ${h.governance.tokens.issue({ sub, org, extraClaims: { actor_type: 'service' } })}`;

      it('should answer 401 without a token and 404 to anyone but a trusted service', async () => {
        await request(gov).get('/governance/internal/resource-secrets').expect(401);
        await request(gov)
          .post('/governance/internal/resource-secrets/keys')
          .send({ resource_uris: [`data:${ORG}:${PROJECT}:x`] })
          .expect(401);
        for (const bearer of [alice(), serviceToken(ORG, 'service-account-intruder')]) {
          const list = await request(gov)
            .get('/governance/internal/resource-secrets')
            .set('authorization', bearer)
            .expect(404);
          expect(list.body.error.code).toBe('RESOURCE_NOT_FOUND');
          await request(gov)
            .post('/governance/internal/resource-secrets/keys')
            .set('authorization', bearer)
            .send({ resource_uris: [`data:${ORG}:${PROJECT}:x`] })
            .expect(404);
          await request(gov)
            .delete('/governance/internal/resource-secrets/leftovers')
            .set('authorization', bearer)
            .expect(404);
        }
      });

      it("should list only the service account's org, names and times only, and never another org's", async () => {
        const mine = await createConnection('Listed Mine');
        const theirs = await createConnection('Listed Theirs', 'globex');
        const res = await request(gov)
          .get('/governance/internal/resource-secrets?limit=500')
          .set('authorization', serviceToken(ORG))
          .expect(200);
        const entries = res.body.data as Array<Record<string, unknown>>;
        expect(entries.length).toBeGreaterThan(0);
        expect(
          entries.every(
            (e) => Object.keys(e).sort().join() === 'created_at,name,resource_key,resource_uri,updated_at',
          ),
        ).toBe(true);
        const keys = await request(gov)
          .post('/governance/internal/resource-secrets/keys')
          .set('authorization', serviceToken(ORG))
          .send({ resource_uris: [mine] })
          .expect(200);
        expect(entries.map((e) => e.resource_key)).toContain(keys.body.data[0].resource_key);
        expect(JSON.stringify(res.body)).not.toContain('globex');
        expect(JSON.stringify(res.body)).not.toContain(CANARY);
        // Naming the other org is refused, not honoured.
        const named = await request(gov)
          .get('/governance/internal/resource-secrets?org_id=globex')
          .set('authorization', serviceToken(ORG))
          .expect(400);
        expect(JSON.stringify(named.body.error)).toMatch(/org_id/);
        await request(gov)
          .post('/governance/internal/resource-secrets/keys')
          .set('authorization', serviceToken(ORG))
          .send({ resource_uris: [theirs] })
          .expect(404);
        for (const cursor of ['not*a*cursor', Buffer.from('["x"]').toString('base64url')]) {
          const bad = await request(gov)
            .get(`/governance/internal/resource-secrets?cursor=${cursor}`)
            .set('authorization', serviceToken(ORG));
          expect(bad.status).toBe(400);
          expect(bad.body.error.details).toEqual({
            fields: [{ field: 'cursor', message: 'must be the next_cursor of a previous page' }],
          });
        }
      });
    });
  },
);
