import { Injectable, Logger } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AppException, type Page, type Principal, offsetOf, pageOf } from '@app/core';
import type { AuditEventInput } from '@app/audit';
import { AuthzClient, organizationObject, projectObject, type TupleKey, userSubject } from '@app/authz';
import { isUniqueViolation } from '@app/database';
import { ProjectEntity } from './project.entity.js';
import { AuditedChanges } from '../audit/index.js';
import { type CreateProjectDto, ProjectDto } from './project.dto.js';

/** The tuples that make a project part of its org and give its creator ownership. */
export function projectTuples(orgId: string, projectId: string, ownerId: string): TupleKey[] {
  const project = projectObject(orgId, projectId);
  return [
    { object: project, relation: 'organization', user: organizationObject(orgId) },
    { object: project, relation: 'owner', user: userSubject(ownerId) },
    { object: organizationObject(orgId), relation: 'project_viewer', user: `${project}#viewer` },
    { object: organizationObject(orgId), relation: 'project_operator', user: `${project}#operator` },
  ];
}

@Injectable()
export class ProjectsService {
  private readonly logger = new Logger(ProjectsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly authz: AuthzClient,
    private readonly changes: AuditedChanges,
  ) {}

  async exists(orgId: string, projectId: string): Promise<boolean> {
    return this.dataSource.getRepository(ProjectEntity).existsBy({ orgId, id: projectId });
  }

  /**
   * The row, its tuples and the audit event commit together (see AuditedChanges). The row's
   * primary key decides a create race: the loser's insert waits for the winner's transaction and
   * then fails with 409. With a remote OpenFGA the tuples are undone if the transaction does not
   * commit, so a project never exists half-made.
   */
  async create(principal: Principal, input: CreateProjectDto, audit: AuditEventInput): Promise<ProjectDto> {
    return this.changes.apply(audit, async ({ manager, tuples }) => {
      const repo = manager.getRepository(ProjectEntity);
      const entity = repo.create({
        orgId: principal.orgId,
        id: input.id,
        name: input.name,
        description: input.description ?? null,
        createdBy: principal.userId,
      });
      try {
        await repo.insert(entity);
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw AppException.conflict(`Project ${input.id} already exists`, { id: input.id });
        }
        throw error;
      }
      try {
        await tuples.writeTuples(projectTuples(principal.orgId, input.id, principal.userId));
      } catch (error) {
        this.logger.warn({ project: input.id }, 'Tuple write failed; the project is not created');
        throw error instanceof AppException ? error : AppException.unavailable('authorization');
      }
      return ProjectDto.from(await repo.findOneByOrFail({ orgId: principal.orgId, id: input.id }));
    });
  }

  /** Projects of the caller's org that the caller can read; the authz filter runs before paging. */
  async listVisible(principal: Principal, page: number, limit: number): Promise<Page<ProjectDto>> {
    const objects = await this.authz.listObjects({ user: userSubject(principal.userId), relation: 'can_read', type: 'project' });
    const prefix = `project:${principal.orgId}/`;
    const ids = objects.filter((o) => o.startsWith(prefix)).map((o) => o.slice(prefix.length));
    if (ids.length === 0) return pageOf([], 0, page, limit);
    const [rows, total] = await this.dataSource.getRepository(ProjectEntity).findAndCount({
      where: { orgId: principal.orgId, id: In(ids) },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: offsetOf(page, limit),
      take: limit,
    });
    return pageOf(rows.map(ProjectDto.from), total, page, limit);
  }

  async get(orgId: string, projectId: string): Promise<ProjectDto> {
    const row = await this.dataSource.getRepository(ProjectEntity).findOneBy({ orgId, id: projectId });
    if (!row) throw AppException.notFound('Project');
    return ProjectDto.from(row);
  }
}
