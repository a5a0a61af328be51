import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@app/core';
import { ProjectDirectory } from '@app/auth';
import { AuthzClient, projectObject, userSubject } from '@app/authz';
import { ProjectEntity } from './project.entity.js';

/**
 * The X-Project-ID guard's answer: the project exists in the caller's org **and** the caller can
 * read it. The row lookup and the permission check always both run, side by side, so a project
 * that does not exist and one the caller cannot read cost the same and answer the same 404.
 */
@Injectable()
export class DatabaseProjectDirectory extends ProjectDirectory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authz: AuthzClient,
  ) {
    super();
  }

  async exists(orgId: string, projectId: string, principal: Principal): Promise<boolean> {
    const [row, readable] = await Promise.all([
      this.dataSource.getRepository(ProjectEntity).existsBy({ orgId, id: projectId }),
      this.authz.check({ user: userSubject(principal.userId), relation: 'can_read', object: projectObject(orgId, projectId) }),
    ]);
    return row && readable;
  }
}
