import { DependencyUnavailableError, type Principal } from '@app/core';
import { ProjectDirectory } from '@app/auth';
import { GovernanceClient } from './governance.client.js';

const EXISTS_TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

/**
 * Projects belong to Governance; Assets asks it, as the caller, whether one exists. Positive
 * answers are kept briefly per org and project: existence is not a permission (every resource is
 * still checked against OpenFGA per request), and projects are never renamed. Negative answers
 * are never cached, so a new project is usable at once.
 */
export class GovernanceProjectDirectory extends ProjectDirectory {
  private readonly known = new Map<string, number>();

  constructor(private readonly governance: GovernanceClient) {
    super();
  }

  async exists(orgId: string, projectId: string, principal: Principal): Promise<boolean> {
    const key = `${orgId}/${projectId}`;
    const until = this.known.get(key);
    if (until !== undefined && until > Date.now()) return true;
    const { status } = await this.governance.request(principal, 'GET', `projects/${encodeURIComponent(projectId)}`);
    if (status === 200) {
      if (this.known.size >= MAX_ENTRIES) this.known.clear();
      this.known.set(key, Date.now() + EXISTS_TTL_MS);
      return true;
    }
    if (status === 404 || status === 403) return false;
    throw new DependencyUnavailableError('governance');
  }
}
