import type { DataSource } from 'typeorm';
import { type AuthzClient, organizationObject, SLUG, userSubject } from '@app/authz';
import { OrganizationsRepository } from './persistence/organizations.repository.js';
import { orgScope } from './persistence/projects.repository.js';

/**
 * Bootstrap: an org and its first owner. Idempotent, so re-running the CLI is harmless. The row
 * commits together with its audit event (inserted first); the owner tuple follows, and a run
 * that fails there is completed by running it again.
 */
export async function createOrganization(
  dataSource: DataSource,
  authz: AuthzClient,
  orgId: string,
  owner: string,
  name = orgId,
): Promise<void> {
  if (!SLUG.test(orgId)) throw new Error('org_id must be a lowercase slug (a-z, 0-9, -)');
  if (!/^[^\s:#]{1,255}$/.test(owner)) throw new Error('owner must be a user id (the token sub)');
  // The CLI and the test harness run this outside the Nest container.
  await new OrganizationsRepository(dataSource).createWithEvent(orgScope(orgId), name, {
    org_id: orgId,
    actor_id: 'governance-cli',
    actor_type: 'system',
    action: 'organization.create',
    resource_type: 'organization',
    resource_id: orgId,
    source_service: 'governance',
    details: { owner },
  });
  await authz.writeTuples([
    { object: organizationObject(orgId), relation: 'owner', user: userSubject(owner) },
  ]);
}
