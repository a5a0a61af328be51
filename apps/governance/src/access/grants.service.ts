import { Injectable } from '@nestjs/common';
import { AppException, offsetOf, type Page, pageOf, type Principal } from '@app/core';
import type { AuditEventInput } from '@app/audit';
import {
  assertPermission,
  AuthzClient,
  parsePublicObject,
  type PublicObjectRef,
  toPublicObject,
  userSubject,
} from '@app/authz';
import { ORG_ROLES, PROJECT_ROLES, type GrantDto } from './grant.dto.js';
import { ProjectsService } from './projects.service.js';
import { AuditedChanges } from '../audit/index.js';

/**
 * One generic grant API for every role on every object. Objects are always resolved inside the
 * caller's org, so a grant can never cross an org boundary.
 */
@Injectable()
export class GrantsService {
  constructor(
    private readonly authz: AuthzClient,
    private readonly projects: ProjectsService,
    private readonly changes: AuditedChanges,
  ) {}

  /** The tuple and its audit event commit together (see AuditedChanges). */
  async grant(principal: Principal, grant: GrantDto, audit: AuditEventInput): Promise<GrantDto> {
    const tuple = await this.authorize(principal, grant);
    await this.changes.apply(audit, ({ tuples }) => tuples.writeTuples([tuple]));
    return grant;
  }

  async revoke(principal: Principal, grant: GrantDto, audit: AuditEventInput): Promise<void> {
    const tuple = await this.authorize(principal, grant);
    await this.changes.apply(audit, ({ tuples }) => tuples.writeTuples([], [tuple]));
  }

  /** One page of the direct user grants on the object, ordered by role (strongest first), then user. */
  async list(principal: Principal, object: string, page: number, limit: number): Promise<Page<GrantDto>> {
    const { ref, fgaObject } = parsePublicObject(object, principal.orgId);
    await this.assertExists(principal, ref);
    await assertPermission(this.authz, principal, 'can_manage_members', fgaObject, this.label(ref));
    const roles: readonly string[] = ref.type === 'organization' ? ORG_ROLES : PROJECT_ROLES;
    const tuples = await this.authz.readTuples({ object: fgaObject });
    const grants = tuples
      .filter((t) => roles.includes(t.relation) && t.user.startsWith('user:'))
      .sort(
        (a, b) =>
          roles.indexOf(a.relation) - roles.indexOf(b.relation) ||
          (a.user < b.user ? -1 : a.user > b.user ? 1 : 0),
      )
      .map((t) => ({
        user: t.user,
        relation: t.relation,
        object: toPublicObject(t.object, principal.orgId) ?? object,
      }));
    const start = offsetOf(page, limit);
    return pageOf(grants.slice(start, start + limit), grants.length, page, limit);
  }

  private async authorize(principal: Principal, grant: GrantDto) {
    const { ref, fgaObject } = parsePublicObject(grant.object, principal.orgId);
    const roles: readonly string[] = ref.type === 'organization' ? ORG_ROLES : PROJECT_ROLES;
    if (!roles.includes(grant.relation)) {
      throw AppException.validation(`relation ${grant.relation} does not exist on ${ref.type}`, {
        fields: [{ field: 'relation', message: `must be one of: ${roles.join(', ')}` }],
      });
    }
    await this.assertExists(principal, ref);
    // Owners are made only by owners; everything else by admins (owners and org admins included).
    const needed = grant.relation === 'owner' ? 'owner' : 'can_manage_members';
    await assertPermission(this.authz, principal, needed, fgaObject, this.label(ref));
    const subject = grant.user.slice('user:'.length);
    return { object: fgaObject, relation: grant.relation, user: userSubject(subject) };
  }

  private async assertExists(principal: Principal, ref: PublicObjectRef): Promise<void> {
    if (ref.type === 'project' && !(await this.projects.exists(principal.orgId, ref.id))) {
      throw AppException.notFound('Project');
    }
  }

  private label(ref: PublicObjectRef): string {
    return ref.type === 'organization' ? 'Organization' : 'Project';
  }
}
