import { Injectable, Logger } from '@nestjs/common';
import { AppException, type Page, type Principal, offsetOf, pageOf } from '@app/core';
import type { AuditEventInput } from '@app/audit';
import { AuthzClient, organizationObject, projectObject, type TupleKey, userSubject } from '@app/authz';
import { orgScope, ProjectsRepository } from './persistence/projects.repository.js';
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
    private readonly projects: ProjectsRepository,
    private readonly authz: AuthzClient,
    private readonly changes: AuditedChanges,
  ) {}

  async exists(orgId: string, projectId: string): Promise<boolean> {
    return this.projects.exists(orgScope(orgId), projectId);
  }

  /**
   * The row, its tuples and the audit event commit together (see AuditedChanges). The row's
   * primary key decides a create race: the loser's insert waits for the winner's transaction and
   * then fails with 409. With a remote OpenFGA the tuples are undone if the transaction does not
   * commit, so a project never exists half-made.
   */
  async create(principal: Principal, input: CreateProjectDto, audit: AuditEventInput): Promise<ProjectDto> {
    return this.changes.apply(audit, async ({ tx, tuples }) => {
      const scope = orgScope(principal.orgId);
      const created = await this.projects.create(scope, tx, {
        orgId: principal.orgId,
        id: input.id,
        name: input.name,
        description: input.description ?? null,
        createdBy: principal.userId,
      });
      try {
        await tuples.writeTuples(projectTuples(principal.orgId, input.id, principal.userId));
      } catch (error) {
        this.logger.warn({ project: input.id }, 'Tuple write failed; the project is not created');
        throw error instanceof AppException ? error : AppException.unavailable('authorization');
      }
      return ProjectDto.from(created);
    });
  }

  /** Projects of the caller's org that the caller can read; the authz filter runs before paging. */
  async listVisible(principal: Principal, page: number, limit: number): Promise<Page<ProjectDto>> {
    const objects = await this.authz.listObjects({
      user: userSubject(principal.userId),
      relation: 'can_read',
      type: 'project',
    });
    const prefix = `project:${principal.orgId}/`;
    const ids = objects.filter((o) => o.startsWith(prefix)).map((o) => o.slice(prefix.length));
    if (ids.length === 0) return pageOf([], 0, page, limit);
    const [rows, total] = await this.projects.pageOf(
      orgScope(principal.orgId),
      ids,
      offsetOf(page, limit),
      limit,
    );
    return pageOf(rows.map(ProjectDto.from), total, page, limit);
  }

  async get(orgId: string, projectId: string): Promise<ProjectDto> {
    const row = await this.projects.findOne(orgScope(orgId), projectId);
    if (!row) throw AppException.notFound('Project');
    return ProjectDto.from(row);
  }
}
