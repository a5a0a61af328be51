import { randomBytes } from 'node:crypto';
import { AppException, ErrorCode } from '@app/core';
import {
  SecretsDeadlineError,
  type ResourceSecretEntry,
  type SecretRef,
  type SecretScope,
  type SecretsBackend,
} from '@app/secrets';

function uid(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

async function rejection(promise: Promise<unknown>): Promise<AppException> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppException) return err;
    throw err;
  }
  throw new Error('expected the call to be rejected');
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * Behaviour every SecretsBackend must share. Each test works in its own random org, so one
 * backend instance serves the whole suite.
 */
export function secretsBackendContract(name: string, factory: () => Promise<SecretsBackend>): void {
  describe(`SecretsBackend contract: ${name}`, () => {
    let backend: SecretsBackend;
    let orgId: string;
    let projectScope: SecretScope;
    const ref = (secretName: string, scope?: SecretScope): SecretRef => ({
      ...(scope ?? projectScope),
      name: secretName,
    });

    beforeAll(async () => {
      backend = await factory();
    });

    beforeEach(() => {
      orgId = uid('org');
      projectScope = { orgId, projectId: uid('proj') };
    });

    it('should create a secret and return its metadata', async () => {
      const before = Date.now();
      const meta = await backend.create(ref('db-password'), 's3cr3t');
      expect(meta).toEqual({
        name: 'db-password',
        description: null,
        created_at: expect.stringMatching(ISO),
        updated_at: expect.stringMatching(ISO),
        version: 1,
      });
      expect(Date.parse(meta.created_at)).toBeGreaterThanOrEqual(before - 5_000);
      await expect(backend.get(ref('db-password'))).resolves.toEqual({ value: 's3cr3t', metadata: meta });
    });

    it('should reject creating an existing secret with a conflict and keep the original value', async () => {
      await backend.create(ref('api-key'), 'original-value');
      const err = await rejection(backend.create(ref('api-key'), 'second-value'));
      expect(err.code).toBe(ErrorCode.RESOURCE_ALREADY_EXISTS);
      expect(err.status).toBe(409);
      expect(`${err.message} ${JSON.stringify(err.details)}`).not.toContain('second-value');
      await expect(backend.get(ref('api-key'))).resolves.toMatchObject({ value: 'original-value' });
    });

    it('should return null for a secret that does not exist', async () => {
      await expect(backend.get(ref('missing'))).resolves.toBeNull();
    });

    it('should update the value, bump the version and keep the description when not given', async () => {
      const created = await backend.create(ref('token'), 'v1', 'the token');
      const updated = await backend.update(ref('token'), 'v2');
      expect(updated).toMatchObject({
        name: 'token',
        description: 'the token',
        version: created.version + 1,
        created_at: created.created_at,
      });
      expect(Date.parse(updated.updated_at)).toBeGreaterThanOrEqual(Date.parse(created.updated_at));
      const got = await backend.get(ref('token'));
      expect(got?.value).toBe('v2');
      expect(got?.metadata).toMatchObject({ version: updated.version, description: 'the token' });
    });

    it('should replace or clear the description on update', async () => {
      await backend.create(ref('described'), 'v', 'first');
      await expect(backend.update(ref('described'), 'v', 'second')).resolves.toMatchObject({
        description: 'second',
      });
      await expect(backend.update(ref('described'), 'v', null)).resolves.toMatchObject({ description: null });
      await expect(backend.get(ref('described'))).resolves.toMatchObject({ metadata: { description: null } });
    });

    it('should answer not found when updating a missing secret', async () => {
      const err = await rejection(backend.update(ref('nope'), 'value'));
      expect(err.code).toBe(ErrorCode.RESOURCE_NOT_FOUND);
      expect(err.message).toBe('Secret not found');
      await expect(backend.get(ref('nope'))).resolves.toBeNull();
    });

    it('should upsert: create when missing, update when present', async () => {
      const first = await backend.upsert(ref('saga'), 'one', 'saga step');
      expect(first).toMatchObject({ name: 'saga', version: 1, description: 'saga step' });
      const second = await backend.upsert(ref('saga'), 'two');
      expect(second).toMatchObject({ name: 'saga', version: 2, description: 'saga step' });
      await expect(backend.get(ref('saga'))).resolves.toMatchObject({ value: 'two' });
    });

    it('should list names and metadata only, sorted, never values', async () => {
      await backend.create(ref('zeta'), 'value-of-zeta-canary');
      await backend.create(ref('alpha'), 'value-of-alpha-canary', 'first one');
      const listed = await backend.list(projectScope);
      expect(listed.map((m) => m.name)).toEqual(['alpha', 'zeta']);
      expect(listed[0]).toEqual({
        name: 'alpha',
        description: 'first one',
        created_at: expect.stringMatching(ISO),
        updated_at: expect.stringMatching(ISO),
        version: 1,
      });
      expect(JSON.stringify(listed)).not.toMatch(/canary/);
    });

    it('should keep org, project and resource scopes apart and hide other orgs', async () => {
      const orgScope: SecretScope = { orgId, projectId: null };
      const otherProject: SecretScope = { orgId, projectId: uid('proj') };
      const resourceScope: SecretScope = {
        ...projectScope,
        resourceUri: 'postgres://db.example.com:5432/sales?sslmode=require',
      };
      const otherOrg: SecretScope = { orgId: uid('org'), projectId: projectScope.projectId };
      await backend.create(ref('shared', orgScope), 'org-level');
      await backend.create(ref('shared'), 'project-level');
      await backend.create(ref('shared', resourceScope), 'resource-level');
      await backend.create(ref('credentials', resourceScope), 'resource-creds');
      await backend.create(ref('elsewhere', otherProject), 'other-project');

      expect((await backend.list(orgScope)).map((m) => m.name)).toEqual(['shared']);
      expect((await backend.list(projectScope)).map((m) => m.name)).toEqual(['shared']);
      expect((await backend.list(resourceScope)).map((m) => m.name)).toEqual(['credentials', 'shared']);
      expect((await backend.list(otherProject)).map((m) => m.name)).toEqual(['elsewhere']);
      await expect(backend.list(otherOrg)).resolves.toEqual([]);
      await expect(
        backend.list({ ...resourceScope, resourceUri: 'postgres://db.example.com:5432/other' }),
      ).resolves.toEqual([]);

      await expect(backend.get(ref('shared', orgScope))).resolves.toMatchObject({ value: 'org-level' });
      await expect(backend.get(ref('shared'))).resolves.toMatchObject({ value: 'project-level' });
      await expect(backend.get(ref('shared', resourceScope))).resolves.toMatchObject({
        value: 'resource-level',
      });
      await expect(backend.get(ref('shared', otherOrg))).resolves.toBeNull();
      await expect(backend.delete(ref('shared', otherOrg))).resolves.toBe(false);
      await expect(backend.get(ref('shared'))).resolves.toMatchObject({ value: 'project-level' });
    });

    it('should give concurrent reads across scopes each its own answer', async () => {
      const resourceScope: SecretScope = { ...projectScope, resourceUri: `data:${orgId}:p:db` };
      const orgScope: SecretScope = { orgId, projectId: null };
      await backend.create(ref('shared', orgScope), 'org-level');
      await backend.create(ref('shared'), 'project-level');
      await backend.create(ref('shared', resourceScope), 'resource-level');
      const reads = [
        ref('shared', resourceScope),
        ref('missing'),
        ref('shared'),
        ref('shared', orgScope),
        ref('shared', resourceScope),
        ref('shared', { orgId: uid('org'), projectId: projectScope.projectId }),
      ];
      const found = await Promise.all(reads.map((r) => backend.get(r)));
      expect(found.map((f) => f?.value ?? null)).toEqual([
        'resource-level',
        null,
        'project-level',
        'org-level',
        'resource-level',
        null,
      ]);
    });

    it('should treat undefined and null resource URIs as the same scope', async () => {
      await backend.create({ orgId, projectId: projectScope.projectId, resourceUri: null, name: 'n' }, 'v');
      await expect(
        backend.get({ orgId, projectId: projectScope.projectId, name: 'n' }),
      ).resolves.toMatchObject({ value: 'v' });
    });

    it('should delete idempotently', async () => {
      await backend.create(ref('temp'), 'x');
      await expect(backend.delete(ref('temp'))).resolves.toBe(true);
      await expect(backend.delete(ref('temp'))).resolves.toBe(false);
      await expect(backend.get(ref('temp'))).resolves.toBeNull();
      await expect(backend.list(projectScope)).resolves.toEqual([]);
      // A deleted name can be created again.
      await expect(backend.create(ref('temp'), 'y')).resolves.toMatchObject({ name: 'temp' });
    });

    it('should delete every secret of one resource scope and nothing else', async () => {
      if (!backend.deleteScope) return;
      const resource: SecretScope = { ...projectScope, resourceUri: 'bigquery://acme-analytics/sales' };
      await backend.create(ref('credentials', resource), 'a');
      await backend.create(ref('token', resource), 'b');
      await backend.create(ref('credentials'), 'project');
      await expect(backend.deleteScope(resource)).resolves.toBe(2);
      await expect(backend.list(resource)).resolves.toEqual([]);
      await expect(backend.get(ref('credentials'))).resolves.toMatchObject({ value: 'project' });
      await expect(backend.deleteScope(resource)).resolves.toBe(0);
    });

    it('should round-trip unicode and awkward values exactly', async () => {
      const values = [
        'pässwörd-密码-пароль-🔐',
        '  leading and trailing spaces  ',
        'line1\nline2\n\n',
        '{"type":"service_account","private_key":"-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----\\n"}',
        'p@ss${NOT_A_REFERENCE}word',
        '__b64__:looks-encoded',
        '',
      ];
      for (const [i, value] of values.entries()) {
        await backend.create(ref(`v${i}`), value);
        const got = await backend.get(ref(`v${i}`));
        expect(got?.value).toBe(value);
      }
    });

    it('should store a 64 KiB value and refuse a larger one', async () => {
      const large = randomBytes(48 * 1024).toString('base64'); // exactly 65536 ASCII bytes
      expect(Buffer.byteLength(large)).toBe(64 * 1024);
      await backend.create(ref('large'), large);
      await expect(backend.get(ref('large'))).resolves.toMatchObject({ value: large });
      const err = await rejection(backend.create(ref('too-large'), `${large}x`));
      expect(err.code).toBe(ErrorCode.VALIDATION_ERROR);
      expect(err.details).toEqual({
        fields: [{ field: 'value', message: 'must be 1 to 65536 bytes of UTF-8' }],
      });
      await expect(backend.get(ref('too-large'))).resolves.toBeNull();
    });

    it('should reject invalid names without touching the backend', async () => {
      for (const bad of ['', 'has space', 'slash/name', 'x'.repeat(129), 'ünïcode']) {
        const err = await rejection(backend.create(ref(bad), 'v'));
        expect(err.code).toBe(ErrorCode.VALIDATION_ERROR);
      }
      await expect(backend.list(projectScope)).resolves.toEqual([]);
    });

    it("should send nothing once the caller's deadline has passed", async () => {
      await backend.create(ref('existing'), 'kept', 'kept description');
      const signal = AbortSignal.abort();
      const calls: Array<Promise<unknown>> = [
        backend.create(ref('late'), 'v', null, { signal }),
        backend.update(ref('existing'), 'changed', null, { signal }),
        backend.upsert(ref('existing'), 'changed', null, { signal }),
        backend.delete(ref('existing'), { signal }),
        backend.get(ref('existing'), { signal }),
        backend.list(projectScope, { signal }),
      ];
      for (const call of calls) {
        const err = await call.catch((e: unknown) => e);
        expect(err).toBeInstanceOf(SecretsDeadlineError);
        expect(err).toMatchObject({
          status: 503,
          outcomeUnknown: false,
          details: { reason: 'deadline_exceeded' },
        });
      }
      await expect(backend.get(ref('late'))).resolves.toBeNull();
      await expect(backend.get(ref('existing'))).resolves.toMatchObject({
        value: 'kept',
        metadata: { description: 'kept description', version: 1 },
      });
    });

    describe('listing resource secrets (the secret-store sweep)', () => {
      async function listAll(
        org: string,
        limit: number,
      ): Promise<{ items: ResourceSecretEntry[]; pages: number }> {
        const items: ResourceSecretEntry[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const page = await backend.listResourceSecrets(org, { cursor, limit });
          expect(page.items.length).toBeLessThanOrEqual(limit + 2); // whole resources may round a page up
          items.push(...page.items);
          cursor = page.nextCursor;
          pages++;
        } while (cursor !== null && pages < 50);
        return { items, pages };
      }

      it('should list every resource secret of the org, any project or org level, and nothing else, never values', async () => {
        const project = projectScope.projectId!;
        const a: SecretScope = { orgId, projectId: project, resourceUri: `data:${orgId}:${project}:conn-a` };
        const b: SecretScope = { orgId, projectId: null, resourceUri: `data:${orgId}::conn-b` };
        const before = Date.now();
        await backend.create({ ...a, name: 'credentials-v1' }, 'value-a1');
        await backend.create({ ...a, name: 'credentials-v2' }, 'value-a2');
        await backend.create({ ...b, name: 'credentials-v7' }, 'value-b7');
        await backend.create(ref('project-level'), 'not-a-resource');
        await backend.create({ orgId, projectId: null, name: 'org-level' }, 'not-a-resource');
        const other = uid('org');
        await backend.create(
          {
            orgId: other,
            projectId: project,
            resourceUri: `data:${other}:${project}:conn-a`,
            name: 'credentials-v1',
          },
          'other-org',
        );

        const { items } = await listAll(orgId, 500);
        // A backend names the URI when its layout can (null otherwise); the key always matches.
        const keyA = backend.resourceKeyOf(a);
        const seen = items.map((e) => `${e.resourceKey}#${e.name}`).sort();
        expect(seen).toEqual(
          [
            `${keyA}#credentials-v1`,
            `${keyA}#credentials-v2`,
            `${backend.resourceKeyOf(b)}#credentials-v7`,
          ].sort(),
        );
        for (const entry of items) {
          expect(Object.keys(entry).sort()).toEqual([
            'created_at',
            'name',
            'resourceKey',
            'resourceUri',
            'updated_at',
          ]);
          expect([entry.resourceKey === keyA ? a.resourceUri : b.resourceUri, null]).toContain(
            entry.resourceUri,
          );
          expect(entry.created_at).toMatch(ISO);
          expect(entry.updated_at).toMatch(ISO);
          expect(Date.parse(entry.updated_at)).toBeGreaterThanOrEqual(before - 5_000);
        }
        expect(JSON.stringify(items)).not.toMatch(/value-|not-a-resource|other-org/);
        expect(backend.resourceKeyOf(a)).not.toBe(backend.resourceKeyOf(b));
      });

      it('should page with a cursor: every secret once, in a stable order', async () => {
        const project = projectScope.projectId!;
        const names: string[] = [];
        for (let i = 0; i < 5; i++) {
          const scope: SecretScope = {
            orgId,
            projectId: project,
            resourceUri: `data:${orgId}:${project}:conn-${i}`,
          };
          await backend.create({ ...scope, name: 'credentials-v1' }, 'v');
          names.push(`${backend.resourceKeyOf(scope)}#credentials-v1`);
        }
        const paged = await listAll(orgId, 2);
        expect(paged.pages).toBeGreaterThanOrEqual(3);
        expect(paged.items.map((e) => `${e.resourceKey}#${e.name}`).sort()).toEqual(names.sort());
        const whole = await listAll(orgId, 500);
        expect(whole.items.map((e) => `${e.resourceKey}#${e.name}`)).toEqual(
          paged.items.map((e) => `${e.resourceKey}#${e.name}`),
        );
      });

      it("should give a long URI's secrets a key that resourceKeyOf finds, even if the layout cannot name the URI", async () => {
        const scope: SecretScope = {
          orgId,
          projectId: projectScope.projectId,
          resourceUri: `data:${orgId}:${projectScope.projectId}:${'a-rather-long-connection-name-'.repeat(3)}x`,
        };
        await backend.create({ ...scope, name: 'credentials-v3' }, 'v');
        const { items } = await listAll(orgId, 500);
        expect(items).toEqual([
          expect.objectContaining({ resourceKey: backend.resourceKeyOf(scope), name: 'credentials-v3' }),
        ]);
        expect([scope.resourceUri, null]).toContain(items[0].resourceUri);
      });

      it('should answer 422 for a malformed cursor or page size', async () => {
        // Well-formed but forged: every backend's cursor shapes (one part, three parts).
        const forged = [
          Buffer.from('["forged"]').toString('base64url'),
          Buffer.from('["a","b","c"]').toString('base64url'),
        ];
        for (const cursor of forged) {
          const outcome = await backend.listResourceSecrets(orgId, { cursor, limit: 10 }).then(
            (page) => ({ status: 200, page }),
            (err: unknown) => ({ status: (err as AppException).status, page: null }),
          );
          expect([200, 400]).toContain(outcome.status); // never a 500; a keyset cursor may just be a position
        }
        for (const cursor of ['%%%', 'bm90LWpzb24', Buffer.from('{"a":1}').toString('base64url')]) {
          const err = await rejection(backend.listResourceSecrets(orgId, { cursor, limit: 10 }));
          expect(err.status).toBe(400);
        }
        for (const limit of [0, -1, 1.5, 100_000]) {
          await expect(rejection(backend.listResourceSecrets(orgId, { limit }))).resolves.toMatchObject({
            status: 400,
          });
        }
      });
    });

    it('should pass its health check', async () => {
      await expect(backend.healthCheck()).resolves.toBeUndefined();
    });
  });
}
