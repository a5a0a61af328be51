import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppException, type TenantScope } from '@app/core';
import {
  isUniqueViolation,
  ScopedRepository,
  type ScopedTransaction,
  type TenantEntityTable,
  tenantColumns,
} from '@app/database';
import { ProjectEntity } from '../project.entity.js';

/** Projects belong to their org; the row's `id` is the project itself. */
export const PROJECTS: TenantEntityTable<ProjectEntity> = {
  ...tenantColumns('projects', 'org_id'),
  entity: ProjectEntity,
  ownerOf: (row) => ({ orgId: row.orgId, projectId: null }),
};

/** An org's own scope, for org-owned tables such as projects. */
export const orgScope = (orgId: string): TenantScope => ({ orgId, projectId: null });

/** Project rows, always read and written inside the caller's org. */
@Injectable()
export class ProjectsRepository extends ScopedRepository {
  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  async exists(scope: TenantScope, projectId: string): Promise<boolean> {
    return this.selectFrom(scope, PROJECTS, 'p', (q) =>
      q.where('p.id = :projectId', { projectId }),
    ).getExists();
  }

  async findOne(
    scope: TenantScope,
    projectId: string,
    tx?: ScopedTransaction,
  ): Promise<ProjectEntity | null> {
    return this.selectFrom(
      scope,
      PROJECTS,
      'p',
      (q) => q.where('p.id = :projectId', { projectId }),
      tx,
    ).getOne();
  }

  /** A page of the org's projects among `ids`, oldest first. */
  async pageOf(
    scope: TenantScope,
    ids: string[],
    offset: number,
    limit: number,
  ): Promise<[ProjectEntity[], number]> {
    return this.selectFrom(scope, PROJECTS, 'p', (q) => q.where('p.id IN (:...ids)', { ids }))
      .orderBy('p.createdAt', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .skip(offset)
      .take(limit)
      .getManyAndCount();
  }

  /**
   * Inserts the project on the change's transaction and returns it as stored. The primary key
   * decides a create race: the loser waits for the winner's transaction, then gets 409.
   */
  async create(
    scope: TenantScope,
    tx: ScopedTransaction,
    project: Pick<ProjectEntity, 'orgId' | 'id' | 'name' | 'description' | 'createdBy'>,
  ): Promise<ProjectEntity> {
    try {
      await this.insertInto(scope, PROJECTS, [project as ProjectEntity], tx);
    } catch (error) {
      if (isUniqueViolation(error))
        throw AppException.conflict(`Project ${project.id} already exists`, { id: project.id });
      throw error;
    }
    const stored = await this.findOne(scope, project.id, tx);
    if (!stored) throw new Error('project row missing after its insert');
    return stored;
  }
}
