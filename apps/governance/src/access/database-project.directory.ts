import { Injectable } from '@nestjs/common';
import type { Principal } from '@app/core';
import { ProjectDirectory } from '@app/auth';
import { AuthzClient, projectObject, userSubject } from '@app/authz';
import { orgScope, ProjectsRepository } from './persistence/projects.repository.js';

/**
 * The X-Project-ID guard's answer: the project exists in the caller's org **and** the caller can
 * read it. The row lookup and the permission check always both run, side by side, so a project
 * that does not exist and one the caller cannot read cost the same and answer the same 404.
 */
@Injectable()
export class DatabaseProjectDirectory extends ProjectDirectory {
  constructor(
    private readonly projects: ProjectsRepository,
    private readonly authz: AuthzClient,
  ) {
    super();
  }

  async exists(orgId: string, projectId: string, principal: Principal): Promise<boolean> {
    const [row, readable] = await Promise.all([
      this.projects.exists(orgScope(orgId), projectId),
      this.authz.check({
        user: userSubject(principal.userId),
        relation: 'can_read',
        object: projectObject(orgId, projectId),
      }),
    ]);
    return row && readable;
  }
}
