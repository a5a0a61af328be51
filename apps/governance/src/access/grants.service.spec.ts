import { ErrorCode, type Principal } from '@app/core';
import type { AuditEventInput } from '@app/audit';
import { loadProductModelDsl, type TupleKey } from '@app/authz';
import { EmbeddedAuthzClient, InMemoryTupleStore } from '@app/authz/embedded';
import {
  InMemorySecretsBackend,
  RecordingAuditedChanges,
} from '../../../../test/support/governance-fakes.js';
import type { AuditedChanges } from '../audit/audited-changes.js';
import { GrantsService } from './grants.service.js';
import type { ProjectsService } from './projects.service.js';
import { appFailureOf } from '@app/testing';

const as = (userId: string, orgId = 'acme'): Principal => ({
  userId,
  orgId,
  actorType: 'user',
  issuer: 'test',
  token: 't',
});
const PROJECT = 'project:acme/analytics';
const ORG = 'organization:acme';
/** olga owns the org; alice is an org admin; pat owns the project; dave is a developer on it. */
const TUPLES: TupleKey[] = [
  { object: PROJECT, relation: 'organization', user: ORG },
  { object: ORG, relation: 'owner', user: 'user:olga' },
  { object: ORG, relation: 'admin', user: 'user:alice' },
  { object: PROJECT, relation: 'owner', user: 'user:pat' },
  { object: PROJECT, relation: 'developer', user: 'user:dave' },
];
const audit: AuditEventInput = {
  org_id: 'acme',
  actor_id: 'x',
  actor_type: 'user',
  action: 'grant.create',
  resource_type: 'grant',
  source_service: 'governance',
};

describe(GrantsService.name, () => {
  let authz: EmbeddedAuthzClient;
  let changes: RecordingAuditedChanges;
  let service: GrantsService;
  const projects = new Set(['analytics']);

  beforeEach(async () => {
    authz = EmbeddedAuthzClient.fromDsl(loadProductModelDsl(), new InMemoryTupleStore());
    await authz.writeTuples(TUPLES);
    changes = new RecordingAuditedChanges(new InMemorySecretsBackend(), authz);
    const directory = {
      exists: async (orgId: string, id: string) => orgId === 'acme' && projects.has(id),
    } as unknown as ProjectsService;
    service = new GrantsService(authz, directory, changes as unknown as AuditedChanges);
  });

  const holds = (tuple: TupleKey) => authz.check(tuple);

  describe('grant', () => {
    it('should write the role tuple on the project, audited, for an admin', async () => {
      const grant = { user: 'user:bob', relation: 'viewer', object: 'project:analytics' };
      await expect(service.grant(as('alice'), grant, audit)).resolves.toEqual(grant);
      expect(await holds({ object: PROJECT, relation: 'viewer', user: 'user:bob' })).toBe(true);
      expect(changes.events).toEqual([audit]);
    });

    it('should grant org roles on the caller’s own org only', async () => {
      await service.grant(
        as('alice'),
        { user: 'user:bob', relation: 'member', object: 'organization:acme' },
        audit,
      );
      expect(await holds({ object: ORG, relation: 'member', user: 'user:bob' })).toBe(true);
      expect(
        (
          await appFailureOf(
            service.grant(
              as('alice'),
              { user: 'user:bob', relation: 'member', object: 'organization:globex' },
              audit,
            ),
          )
        ).code,
      ).toBe(ErrorCode.RESOURCE_NOT_FOUND);
    });

    it('should refuse a relation the object type does not have', async () => {
      const error = await appFailureOf(
        service.grant(
          as('alice'),
          { user: 'user:bob', relation: 'developer', object: 'organization:acme' },
          audit,
        ),
      );
      expect(error.code).toBe(ErrorCode.VALIDATION_ERROR);
      expect(error.details).toEqual({
        fields: [{ field: 'relation', message: 'must be one of: owner, admin, member' }],
      });
    });

    it('should let only owners of the object make owners, not admins', async () => {
      const owner = { user: 'user:bob', relation: 'owner', object: 'project:analytics' };
      expect((await appFailureOf(service.grant(as('alice'), owner, audit))).code).toBe(
        ErrorCode.INSUFFICIENT_PERMISSIONS,
      );
      expect(
        (await appFailureOf(service.grant(as('alice'), { ...owner, object: 'organization:acme' }, audit)))
          .code,
      ).toBe(ErrorCode.INSUFFICIENT_PERMISSIONS);
      // An org owner is not a project owner (the model does not inherit it).
      expect((await appFailureOf(service.grant(as('olga'), owner, audit))).code).toBe(
        ErrorCode.INSUFFICIENT_PERMISSIONS,
      );
      await service.grant(as('pat'), owner, audit);
      await service.grant(as('olga'), { ...owner, object: 'organization:acme' }, audit);
      expect(await holds({ object: PROJECT, relation: 'owner', user: 'user:bob' })).toBe(true);
      expect(await holds({ object: ORG, relation: 'owner', user: 'user:bob' })).toBe(true);
    });

    it('should answer 403 to a project member who may not manage members, and 404 to an outsider', async () => {
      const grant = { user: 'user:bob', relation: 'viewer', object: 'project:analytics' };
      expect((await appFailureOf(service.grant(as('dave'), grant, audit))).code).toBe(
        ErrorCode.INSUFFICIENT_PERMISSIONS,
      );
      expect((await appFailureOf(service.grant(as('mallory'), grant, audit))).code).toBe(
        ErrorCode.RESOURCE_NOT_FOUND,
      );
      expect(changes.events).toEqual([]);
    });

    it('should answer 404 for a project that does not exist, even to an org admin', async () => {
      expect(
        (
          await appFailureOf(
            service.grant(
              as('alice'),
              { user: 'user:bob', relation: 'viewer', object: 'project:ghost' },
              audit,
            ),
          )
        ).code,
      ).toBe(ErrorCode.RESOURCE_NOT_FOUND);
    });

    it('should refuse a malformed object', async () => {
      expect(
        (
          await appFailureOf(
            service.grant(
              as('alice'),
              { user: 'user:bob', relation: 'viewer', object: 'project:Bad Name' },
              audit,
            ),
          )
        ).code,
      ).toBe(ErrorCode.VALIDATION_ERROR);
    });
  });

  describe('revoke', () => {
    it('should delete the tuple, audited', async () => {
      await service.revoke(
        as('alice'),
        { user: 'user:dave', relation: 'developer', object: 'project:analytics' },
        audit,
      );
      expect(await holds({ object: PROJECT, relation: 'developer', user: 'user:dave' })).toBe(false);
      expect(changes.events).toHaveLength(1);
    });
  });

  describe('list', () => {
    it('should list the user roles on the object in public form, without parent or userset tuples', async () => {
      await authz.writeTuples([{ object: PROJECT, relation: 'viewer', user: 'group:ops#member' }]);
      const grants = await service.list(as('alice'), 'project:analytics', 1, 20);
      expect(grants.data).toEqual([
        { user: 'user:pat', relation: 'owner', object: 'project:analytics' },
        { user: 'user:dave', relation: 'developer', object: 'project:analytics' },
      ]);
      expect(grants.pagination).toMatchObject({ page: 1, limit: 20, total_items: 2, total_pages: 1 });
    });

    it('should page the grants by role, strongest first, then by user', async () => {
      await authz.writeTuples(
        ['carol', 'bob', 'erin'].map((name) => ({
          object: PROJECT,
          relation: 'viewer',
          user: `user:${name}`,
        })),
      );
      const first = await service.list(as('alice'), 'project:analytics', 1, 2);
      const second = await service.list(as('alice'), 'project:analytics', 2, 2);
      const third = await service.list(as('alice'), 'project:analytics', 3, 2);
      expect([...first.data, ...second.data, ...third.data].map((g) => `${g.relation} ${g.user}`)).toEqual([
        'owner user:pat',
        'developer user:dave',
        'viewer user:bob',
        'viewer user:carol',
        'viewer user:erin',
      ]);
      expect(second.pagination).toEqual({
        page: 2,
        limit: 2,
        total_items: 5,
        total_pages: 3,
        next_page: 3,
        prev_page: 1,
      });
      expect(third.pagination.next_page).toBeNull();
      const past = await service.list(as('alice'), 'project:analytics', 4, 2);
      expect(past.data).toEqual([]);
      expect(past.pagination.prev_page).toBe(3);
    });

    it('should require can_manage_members on the object', async () => {
      expect((await appFailureOf(service.list(as('dave'), 'project:analytics', 1, 20))).code).toBe(
        ErrorCode.INSUFFICIENT_PERMISSIONS,
      );
      // The caller's own org is never hidden from them: 403; another org's stays invisible: 404.
      expect((await appFailureOf(service.list(as('mallory'), 'organization:acme', 1, 20))).code).toBe(
        ErrorCode.INSUFFICIENT_PERMISSIONS,
      );
      expect(
        (await appFailureOf(service.list(as('mallory', 'globex'), 'organization:acme', 1, 20))).code,
      ).toBe(ErrorCode.RESOURCE_NOT_FOUND);
    });
  });
});
