import type { Principal } from '@app/core';

/**
 * Answers whether a project exists in an org, for the X-Project-ID guard. Governance
 * implements it from its database, Assets by asking Governance on the caller's behalf
 * (hence the principal, whose token it can forward). Throwing means "cannot tell"
 * and becomes a 503; an AppException thrown on purpose is passed through unchanged.
 */
export abstract class ProjectDirectory {
  abstract exists(orgId: string, projectId: string, principal: Principal): Promise<boolean>;
}
