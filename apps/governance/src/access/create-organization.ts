import type { DataSource } from 'typeorm';
import { type AuthzClient, organizationObject, SLUG, userSubject } from '@app/authz';
import { insertAuditEvent } from '../audit/index.js';
import { OrganizationEntity } from './organization.entity.js';

/**
 * Bootstrap: an org and its first owner. Idempotent, so re-running the CLI is harmless. The row
 * commits together with its audit event (inserted first); the owner tuple follows, and a run
 * that fails there is completed by running it again.
 */
export async function createOrganization(dataSource: DataSource, authz: AuthzClient, orgId: string, owner: string, name = orgId): Promise<void> {
  if (!SLUG.test(orgId)) throw new Error('org_id must be a lowercase slug (a-z, 0-9, -)');
  if (!/^[^\s:#]{1,255}$/.test(owner)) throw new Error('owner must be a user id (the token sub)');
  await dataSource.transaction(async (manager) => {
    await insertAuditEvent(manager, {
      org_id: orgId,
      actor_id: 'governance-cli',
      actor_type: 'system',
      action: 'organization.create',
      resource_type: 'organization',
      resource_id: orgId,
      source_service: 'governance',
      details: { owner },
    });
    await manager.getRepository(OrganizationEntity).upsert({ id: orgId, name }, ['id']);
  });
  await authz.writeTuples([{ object: organizationObject(orgId), relation: 'owner', user: userSubject(owner) }]);
}
