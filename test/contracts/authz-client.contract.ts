import { randomBytes } from 'node:crypto';
import type { AuthzClient, TupleKey } from '@app/authz';

export interface AuthzClientUnderTest {
  client: AuthzClient;
  teardown(): Promise<void>;
}

/**
 * The behaviour every AuthzClient adapter must share, over the product model (model.fga).
 * The factory runs once per suite; each test works in its own random id namespace, so
 * adapters backed by a shared store (a real OpenFGA) can run it too.
 */
export function authzClientContract(name: string, factory: () => Promise<AuthzClientUnderTest>): void {
  describe(`${name} honours the AuthzClient contract`, () => {
    let client: AuthzClient;
    let teardown: (() => Promise<void>) | undefined;
    let ns: string;

    beforeAll(async () => {
      ({ client, teardown } = await factory());
    });

    afterAll(async () => {
      await teardown?.();
    });

    beforeEach(() => {
      ns = randomBytes(6).toString('hex');
    });

    const user = (id: string) => `user:${id}-${ns}`;
    const org = (id = 'acme') => `organization:${id}-${ns}`;
    const project = (id: string, orgId = 'acme') => `project:${orgId}-${ns}/${id}`;
    const connection = (id: string, scope: string) => `data_connection:${scope.split(':')[1]}/${id}`;
    const group = (id: string) => `group:${id}-${ns}`;
    const tuple = (u: string, relation: string, object: string): TupleKey => ({ user: u, relation, object });
    const can = (u: string, relation: string, object: string) => client.check({ user: u, relation, object });
    const sortTuples = (tuples: TupleKey[]) =>
      [...tuples].sort((a, b) =>
        `${a.object}#${a.relation}@${a.user}`.localeCompare(`${b.object}#${b.relation}@${b.user}`),
      );

    it('should allow a written relation and deny one that was never written', async () => {
      const p = project('analytics');
      await client.writeTuples([tuple(user('alice'), 'owner', p)]);

      await expect(can(user('alice'), 'owner', p)).resolves.toBe(true);
      await expect(can(user('alice'), 'can_delete', p)).resolves.toBe(true);
      await expect(can(user('alice'), 'viewer', p)).resolves.toBe(true);
      await expect(can(user('bob'), 'can_read', p)).resolves.toBe(false);
    });

    it('should treat re-writing an existing tuple and deleting a missing one as no-ops', async () => {
      const p = project('analytics');
      const granted = tuple(user('alice'), 'viewer', p);
      const missing = tuple(user('ghost'), 'viewer', p);

      await client.writeTuples([granted]);
      await expect(client.writeTuples([granted])).resolves.toBeUndefined();
      await expect(client.writeTuples([], [missing])).resolves.toBeUndefined();
      await expect(client.writeTuples([granted, granted], [missing])).resolves.toBeUndefined();

      await expect(client.readTuples({ object: p })).resolves.toEqual([granted]);
      await expect(can(user('alice'), 'can_read', p)).resolves.toBe(true);
    });

    it('should remove access when the granting tuple is deleted', async () => {
      const p = project('analytics');
      const grant = tuple(user('alice'), 'developer', p);
      await client.writeTuples([grant]);
      await expect(can(user('alice'), 'can_write', p)).resolves.toBe(true);

      await client.writeTuples([], [grant]);

      await expect(can(user('alice'), 'can_write', p)).resolves.toBe(false);
      await expect(can(user('alice'), 'can_read', p)).resolves.toBe(false);
      await expect(client.readTuples({ object: p })).resolves.toEqual([]);
      await expect(client.writeTuples([], [grant])).resolves.toBeUndefined();
    });

    it('should apply deletes and writes of one call together', async () => {
      const p = project('analytics');
      await client.writeTuples([tuple(user('alice'), 'viewer', p)]);

      await client.writeTuples([tuple(user('alice'), 'operator', p)], [tuple(user('alice'), 'viewer', p)]);

      await expect(client.readTuples({ object: p, user: user('alice') })).resolves.toEqual([
        tuple(user('alice'), 'operator', p),
      ]);
      await expect(can(user('alice'), 'can_read_secrets', p)).resolves.toBe(true);
    });

    it('should return batchCheck results in input order, beyond one batch', async () => {
      const readable = project('readable');
      const hidden = project('hidden');
      await client.writeTuples([tuple(user('alice'), 'viewer', readable)]);
      // 120 checks: more than OpenFGA's 50 per BatchCheck call, in an order that a reordering would break.
      const requests = Array.from({ length: 120 }, (_, i) => ({
        user: user(i % 3 === 0 ? 'alice' : 'bob'),
        relation: 'can_read',
        object: i % 2 === 0 ? readable : hidden,
      }));

      const results = await client.batchCheck(requests);

      expect(results).toEqual(requests.map((r) => r.user === user('alice') && r.object === readable));
      await expect(client.batchCheck([])).resolves.toEqual([]);
    });

    it('should honour contextual tuples per item in batchCheck', async () => {
      const p = project('analytics');
      const results = await client.batchCheck([
        { user: user('alice'), relation: 'can_read', object: p },
        {
          user: user('alice'),
          relation: 'can_read',
          object: p,
          contextualTuples: [tuple(user('alice'), 'viewer', p)],
        },
      ]);
      expect(results).toEqual([false, true]);
    });

    it('should list exactly the objects the user can reach', async () => {
      const direct = project('direct');
      const viaGroup = project('via-group');
      const other = project('other');
      await client.writeTuples([
        tuple(user('alice'), 'developer', direct),
        tuple(user('alice'), 'member', group('analysts')),
        tuple(`${group('analysts')}#member`, 'viewer', viaGroup),
        tuple(user('bob'), 'owner', other),
      ]);

      const readable = await client.listObjects({
        user: user('alice'),
        relation: 'can_read',
        type: 'project',
      });
      const writable = await client.listObjects({
        user: user('alice'),
        relation: 'can_write',
        type: 'project',
      });

      expect(readable.sort()).toEqual([direct, viaGroup].sort());
      expect(writable).toEqual([direct]);
      await expect(
        client.listObjects({ user: user('nobody'), relation: 'can_read', type: 'project' }),
      ).resolves.toEqual([]);
    });

    it('should filter readTuples by object, relation and user', async () => {
      const p1 = project('one');
      const p2 = project('two');
      const written = [
        tuple(user('alice'), 'viewer', p1),
        tuple(user('bob'), 'developer', p1),
        tuple(user('alice'), 'developer', p2),
        tuple(user('alice'), 'member', group('analysts')),
      ];
      await client.writeTuples(written);

      expect(sortTuples(await client.readTuples({ object: p1 }))).toEqual(sortTuples(written.slice(0, 2)));
      await expect(client.readTuples({ object: p1, relation: 'developer' })).resolves.toEqual([written[1]]);
      await expect(client.readTuples({ object: p1, user: user('alice') })).resolves.toEqual([written[0]]);
      expect(sortTuples(await client.readTuples({ object: 'project:', user: user('alice') }))).toEqual(
        sortTuples([written[0], written[2]]),
      );
      await expect(
        client.readTuples({ object: 'project:', relation: 'developer', user: user('alice') }),
      ).resolves.toEqual([written[2]]);
      await expect(client.readTuples({ object: 'group:', user: user('alice') })).resolves.toEqual([
        written[3],
      ]);
      await expect(client.readTuples({ object: project('never-written') })).resolves.toEqual([]);
    });

    it('should take contextual tuples into account without storing them', async () => {
      const p = project('analytics');
      const c = connection('warehouse', p);
      await client.writeTuples([tuple(user('alice'), 'viewer', p)]);
      const parent = tuple(p, 'project', c);

      await expect(can(user('alice'), 'can_read', c)).resolves.toBe(false);
      await expect(
        client.check({ user: user('alice'), relation: 'can_read', object: c, contextualTuples: [parent] }),
      ).resolves.toBe(true);
      await expect(
        client.listObjects({
          user: user('alice'),
          relation: 'can_read',
          type: 'data_connection',
          contextualTuples: [parent],
        }),
      ).resolves.toEqual([c]);
      await expect(client.readTuples({ object: c })).resolves.toEqual([]);
      await expect(can(user('alice'), 'can_read', c)).resolves.toBe(false);
    });

    it('should write, read and delete more than 100 tuples in one call', async () => {
      const grants = Array.from({ length: 250 }, (_, i) =>
        tuple(user('alice'), 'viewer', project(`p${String(i).padStart(3, '0')}`)),
      );

      await client.writeTuples(grants);

      const stored = await client.readTuples({ object: 'project:', user: user('alice') });
      expect(sortTuples(stored)).toEqual(sortTuples(grants));
      const listed = await client.listObjects({ user: user('alice'), relation: 'can_read', type: 'project' });
      expect(listed.sort()).toEqual(grants.map((g) => g.object).sort());

      await client.writeTuples([], grants);

      await expect(client.readTuples({ object: 'project:', user: user('alice') })).resolves.toEqual([]);
      await expect(can(user('alice'), 'can_read', grants[249].object)).resolves.toBe(false);
    });

    it('should inherit organization → project → project-scoped connection permissions', async () => {
      const o = org();
      const p = project('analytics');
      const c = connection('warehouse', p);
      await client.writeTuples([
        tuple(o, 'organization', p),
        tuple(p, 'project', c),
        tuple(user('olga'), 'owner', o),
        tuple(user('adam'), 'admin', o),
        tuple(user('mia'), 'member', o),
        tuple(user('dev'), 'developer', p),
        tuple(user('ops'), 'operator', p),
        tuple(user('vic'), 'viewer', p),
        tuple(user('gina'), 'member', group('readers')),
        tuple(`${group('readers')}#member`, 'viewer', p),
      ]);

      const expectations: Array<[string, string, string, boolean]> = [
        // Org admins administer every project of the org but only owners delete it.
        [user('adam'), 'admin', p, true],
        [user('adam'), 'can_manage_members', p, true],
        [user('adam'), 'can_delete', p, false],
        [user('olga'), 'can_delete', p, true],
        [user('mia'), 'can_read', p, false],
        // Connection rights follow the project role ladder.
        [user('adam'), 'can_delete', c, true],
        [user('olga'), 'can_manage_secrets', c, true],
        [user('dev'), 'can_delete', c, true],
        [user('dev'), 'can_execute', c, true],
        [user('ops'), 'can_execute', c, true],
        [user('ops'), 'can_read_secrets', c, true],
        [user('ops'), 'can_write', c, true],
        [user('ops'), 'can_delete', c, false],
        [user('vic'), 'can_read', c, true],
        [user('vic'), 'can_read_metadata', c, true],
        [user('vic'), 'can_execute', c, false],
        [user('gina'), 'can_read', c, true],
        [user('gina'), 'can_write', c, false],
        [user('mia'), 'can_read', c, false],
      ];
      const results = await client.batchCheck(
        expectations.map(([u, relation, object]) => ({ user: u, relation, object })),
      );
      expect(results.map((allowed, i) => [...expectations[i].slice(0, 3), allowed])).toEqual(expectations);
    });

    it('should keep a creator owner of a project-scoped connection only while in the project', async () => {
      const p = project('analytics');
      const c = connection('warehouse', p);
      await client.writeTuples([
        tuple(p, 'project', c),
        tuple(user('cleo'), 'owner', c),
        tuple(user('cleo'), 'viewer', p),
      ]);
      await expect(can(user('cleo'), 'can_manage_secrets', c)).resolves.toBe(true);

      await client.writeTuples([], [tuple(user('cleo'), 'viewer', p)]);

      await expect(can(user('cleo'), 'can_manage_secrets', c)).resolves.toBe(false);
      await expect(can(user('cleo'), 'can_read', c)).resolves.toBe(false);
    });

    it('should share org-level connections only with admins, linked project roles and in-scope creators', async () => {
      const o = org();
      const p = project('analytics');
      const c = connection('shared-warehouse', o);
      await client.writeTuples([
        tuple(o, 'organization', p),
        tuple(o, 'organization', c),
        tuple(user('adam'), 'admin', o),
        tuple(user('mia'), 'member', o),
        tuple(user('vic'), 'viewer', p),
        tuple(user('ops'), 'operator', p),
        tuple(user('hank'), 'member', o),
        tuple(user('hank'), 'owner', c),
      ]);

      await expect(can(user('adam'), 'can_delete', c)).resolves.toBe(true);
      await expect(can(user('mia'), 'can_read', c)).resolves.toBe(false);
      await expect(can(user('vic'), 'can_read', c)).resolves.toBe(false);
      await expect(can(user('hank'), 'can_manage_metadata', c)).resolves.toBe(true);

      // Project roles reach org-level resources only through the per-project link tuples.
      await client.writeTuples([
        tuple(`${p}#viewer`, 'project_viewer', o),
        tuple(`${p}#operator`, 'project_operator', o),
      ]);

      await expect(can(user('vic'), 'can_read', c)).resolves.toBe(true);
      await expect(can(user('vic'), 'can_execute', c)).resolves.toBe(false);
      await expect(can(user('ops'), 'can_read', c)).resolves.toBe(true);
      await expect(can(user('ops'), 'can_execute', c)).resolves.toBe(true);
      await expect(can(user('ops'), 'can_write', c)).resolves.toBe(false);
      await expect(can(user('mia'), 'can_read', c)).resolves.toBe(false);

      // The creator loses owner rights with org membership.
      await client.writeTuples([], [tuple(user('hank'), 'member', o)]);
      await expect(can(user('hank'), 'can_read', c)).resolves.toBe(false);
    });

    it('should report healthy while the backend answers', async () => {
      await expect(client.healthCheck()).resolves.toBeUndefined();
    });
  });
}
