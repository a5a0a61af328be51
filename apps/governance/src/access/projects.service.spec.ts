import { Logger } from '@nestjs/common';
import { AppException, ErrorCode, type Principal, type TenantScope } from '@app/core';
import type { AuditEventInput } from '@app/audit';
import { loadProductModelDsl, type TupleKey } from '@app/authz';
import { EmbeddedAuthzClient, InMemoryTupleStore } from '@app/authz/embedded';
import {
  InMemorySecretsBackend,
  RecordingAuditedChanges,
} from '../../../../test/support/governance-fakes.js';
import type { AuditedChanges } from '../audit/audited-changes.js';
import type { ProjectsRepository } from './persistence/projects.repository.js';
import type { ProjectEntity } from './project.entity.js';
import { ProjectsService, projectTuples } from './projects.service.js';
import { appFailureOf } from '@app/testing';

const as = (userId: string, orgId = 'acme'): Principal => ({
  userId,
  orgId,
  actorType: 'user',
  issuer: 'test',
  token: 't',
});
const AUDIT: AuditEventInput = {
  org_id: 'acme',
  actor_id: 'alice',
  actor_type: 'user',
  action: 'project.create',
  resource_type: 'project',
  source_service: 'governance',
};

/** ProjectsRepository in memory: projects belong to their org, and an id is taken once per org. */
class InMemoryProjectsRepository {
  readonly rows: ProjectEntity[] = [];
  private tick = 0;

  async exists(scope: TenantScope, projectId: string): Promise<boolean> {
    return Boolean(this.find(scope, projectId));
  }

  async findOne(scope: TenantScope, projectId: string): Promise<ProjectEntity | null> {
    return this.find(scope, projectId) ?? null;
  }

  async pageOf(
    scope: TenantScope,
    ids: string[],
    offset: number,
    limit: number,
  ): Promise<[ProjectEntity[], number]> {
    const matching = this.rows
      .filter((r) => r.orgId === scope.orgId && ids.includes(r.id))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    return [matching.slice(offset, offset + limit), matching.length];
  }

  async create(
    scope: TenantScope,
    _tx: unknown,
    project: Pick<ProjectEntity, 'orgId' | 'id' | 'name' | 'description' | 'createdBy'>,
  ): Promise<ProjectEntity> {
    if (project.orgId !== scope.orgId)
      throw new Error('A row outside its tenant scope cannot be inserted into projects');
    if (this.find(scope, project.id))
      throw AppException.conflict(`Project ${project.id} already exists`, { id: project.id });
    const at = new Date(Date.UTC(2025, 0, 1, 0, 0, this.tick++));
    const row = { ...project, createdAt: at, updatedAt: at };
    this.rows.push(row);
    return { ...row };
  }

  private find(scope: TenantScope, projectId: string): ProjectEntity | undefined {
    return this.rows.find((r) => r.orgId === scope.orgId && r.id === projectId);
  }
}

describe(ProjectsService.name, () => {
  let projects: InMemoryProjectsRepository;
  let authz: EmbeddedAuthzClient;
  let changes: RecordingAuditedChanges;
  let service: ProjectsService;

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(async () => {
    projects = new InMemoryProjectsRepository();
    authz = EmbeddedAuthzClient.fromDsl(loadProductModelDsl(), new InMemoryTupleStore());
    await authz.writeTuples([
      { object: 'organization:acme', relation: 'admin', user: 'user:alice' },
      { object: 'organization:acme', relation: 'member', user: 'user:bob' },
    ]);
    changes = new RecordingAuditedChanges(new InMemorySecretsBackend(), authz);
    service = new ProjectsService(
      projects as unknown as ProjectsRepository,
      authz,
      changes as unknown as AuditedChanges,
    );
  });

  describe(projectTuples.name, () => {
    it('should tie the project to its org, make the creator owner, and share the project roles with the org', () => {
      const tuples: TupleKey[] = projectTuples('acme', 'analytics', 'alice');
      expect(tuples).toEqual([
        { object: 'project:acme/analytics', relation: 'organization', user: 'organization:acme' },
        { object: 'project:acme/analytics', relation: 'owner', user: 'user:alice' },
        { object: 'organization:acme', relation: 'project_viewer', user: 'project:acme/analytics#viewer' },
        {
          object: 'organization:acme',
          relation: 'project_operator',
          user: 'project:acme/analytics#operator',
        },
      ]);
    });
  });

  describe('create', () => {
    it('should store the row and its tuples in one audited change, and make the creator owner', async () => {
      const dto = await service.create(as('alice'), { id: 'analytics', name: 'Analytics' }, AUDIT);
      expect(dto).toEqual({
        id: 'analytics',
        org_id: 'acme',
        name: 'Analytics',
        description: null,
        created_by: 'alice',
        created_at: expect.any(String),
        updated_at: expect.any(String),
      });
      expect(changes.events).toEqual([AUDIT]);
      await expect(
        authz.check({ user: 'user:alice', relation: 'owner', object: 'project:acme/analytics' }),
      ).resolves.toBe(true);
      await expect(
        authz.check({ user: 'user:alice', relation: 'can_manage_members', object: 'project:acme/analytics' }),
      ).resolves.toBe(true);
    });

    it('should answer 409 for an id the org already has, with no event and no new tuples', async () => {
      await service.create(as('alice'), { id: 'analytics', name: 'Analytics' }, AUDIT);
      const error = await appFailureOf(service.create(as('bob'), { id: 'analytics', name: 'Again' }, AUDIT));
      expect(error.code).toBe(ErrorCode.RESOURCE_ALREADY_EXISTS);
      expect(error.message).toBe('Project analytics already exists');
      expect(error.details).toEqual({ id: 'analytics' });
      expect(changes.events).toHaveLength(1);
      await expect(
        authz.check({ user: 'user:bob', relation: 'owner', object: 'project:acme/analytics' }),
      ).resolves.toBe(false);
    });

    it('should let another org use the same id', async () => {
      await service.create(as('alice'), { id: 'analytics', name: 'Analytics' }, AUDIT);
      await expect(
        service.create(as('gina', 'globex'), { id: 'analytics', name: 'Theirs' }, AUDIT),
      ).resolves.toMatchObject({ org_id: 'globex' });
    });

    it('should fail the change (so nothing commits) when the tuples cannot be written', async () => {
      authz.writeTuples = async () => {
        throw new Error('ECONNRESET');
      };
      const error = await appFailureOf(
        service.create(as('alice'), { id: 'analytics', name: 'Analytics' }, AUDIT),
      );
      expect(error.code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
      expect(error.details).toEqual({ dependency: 'authorization' });
      expect(changes.events).toEqual([]);
    });

    it('should pass an authorization refusal through as it is', async () => {
      authz.writeTuples = async () => {
        throw AppException.validation('invalid tuple');
      };
      expect(
        (await appFailureOf(service.create(as('alice'), { id: 'analytics', name: 'Analytics' }, AUDIT))).code,
      ).toBe(ErrorCode.VALIDATION_ERROR);
    });
  });

  describe('reads', () => {
    beforeEach(async () => {
      for (const id of ['alpha', 'bravo', 'charlie'])
        await service.create(as('alice'), { id, name: id.toUpperCase() }, AUDIT);
      await service.create(as('gina', 'globex'), { id: 'delta', name: 'Delta' }, AUDIT);
      await authz.writeTuples([{ object: 'project:acme/bravo', relation: 'viewer', user: 'user:bob' }]);
    });

    it('should list only the projects of the caller’s org the caller can read, paged in creation order', async () => {
      const all = await service.listVisible(as('alice'), 1, 2);
      expect(all.data.map((p) => p.id)).toEqual(['alpha', 'bravo']);
      expect(all.pagination).toMatchObject({ total_items: 3, next_page: 2 });
      expect((await service.listVisible(as('bob'), 1, 10)).data.map((p) => p.id)).toEqual(['bravo']);
      expect(await service.listVisible(as('nobody'), 1, 10)).toMatchObject({
        data: [],
        pagination: { total_items: 0 },
      });
    });

    it('should get a project of the org, and 404 for one of another org or none', async () => {
      await expect(service.get('acme', 'alpha')).resolves.toMatchObject({ id: 'alpha', name: 'ALPHA' });
      expect((await appFailureOf(service.get('acme', 'delta'))).code).toBe(ErrorCode.RESOURCE_NOT_FOUND);
      await expect(service.exists('acme', 'alpha')).resolves.toBe(true);
      await expect(service.exists('acme', 'delta')).resolves.toBe(false);
    });
  });
});
