import { DependencyUnavailableError, type Principal } from '@app/core';
import { ProjectDirectory } from '@app/auth';
import { GovernanceClient } from './governance.client.js';

/** Projects belong to Governance; Assets asks it, as the caller, whether one exists. */
export class GovernanceProjectDirectory extends ProjectDirectory {
  constructor(private readonly governance: GovernanceClient) {
    super();
  }

  async exists(_orgId: string, projectId: string, principal: Principal): Promise<boolean> {
    const { status } = await this.governance.request(principal, 'GET', `projects/${encodeURIComponent(projectId)}`);
    if (status === 200) return true;
    if (status === 404 || status === 403) return false;
    throw new DependencyUnavailableError('governance');
  }
}
