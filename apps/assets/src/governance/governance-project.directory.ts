import { Inject, Injectable, Optional } from '@nestjs/common';
import { DependencyUnavailableError, type Principal } from '@app/core';
import { CLOCK, type Clock } from '../common/index.js';
import { ProjectDirectory } from '@app/auth';
import { GovernanceClient } from './governance.client.js';

const VISIBLE_TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

/**
 * Projects belong to Governance; Assets asks it, as the caller, whether the caller can see one.
 * Governance answers 200 only when the caller can read the project and 404 both when it does not
 * exist and when the caller cannot read it, with the same single permission check, so the answer
 * and its timing say nothing more than the caller may know.
 *
 * Positive answers are kept briefly **per caller** (issuer, subject, org and project): what one
 * caller was told is never reused for another, so no caller's answer depends on who asked before.
 * Negative answers are never cached, so a new project or a new grant is usable at once; a revoked
 * caller may pass this guard until the entry expires, and every route still checks its own
 * permission against OpenFGA per request.
 */
@Injectable()
export class GovernanceProjectDirectory extends ProjectDirectory {
  private readonly visible = new Map<string, number>();

  constructor(
    private readonly governance: GovernanceClient,
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
  ) {
    super();
  }

  async exists(orgId: string, projectId: string, principal: Principal): Promise<boolean> {
    const key = JSON.stringify([principal.issuer, principal.userId, orgId, projectId]);
    const until = this.visible.get(key);
    if (until !== undefined && until > this.now()) return true;
    this.visible.delete(key);
    const { status } = await this.governance.request(
      principal,
      'GET',
      `projects/${encodeURIComponent(projectId)}`,
    );
    if (status === 200) {
      // Oldest first: Map iteration follows insertion order.
      if (this.visible.size >= MAX_ENTRIES) this.visible.delete(this.visible.keys().next().value!);
      this.visible.set(key, this.now() + VISIBLE_TTL_MS);
      return true;
    }
    if (status === 404 || status === 403) return false;
    throw new DependencyUnavailableError('governance');
  }
}
