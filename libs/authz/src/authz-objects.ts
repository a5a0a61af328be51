import { AppException, fieldProblem } from '@app/core';

/**
 * Public ids (org `acme`, project `analytics-prod`, resource URI `data:acme:analytics-prod:db`)
 * map to org-qualified OpenFGA objects. OpenFGA ids cannot contain `:` or `#`, and
 * qualifying by org means no two tenants' ids can ever name the same object.
 */
export const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** Org-level connections have no project; `_` can never start a project slug. */
export const ORG_LEVEL_MARKER = '_';

export const userSubject = (userId: string): string => `user:${userId}`;
export const organizationObject = (orgId: string): string => `organization:${orgId}`;
export const projectObject = (orgId: string, projectId: string): string => `project:${orgId}/${projectId}`;

export function dataConnectionObject(orgId: string, projectId: string | null, name: string): string {
  return `data_connection:${orgId}/${projectId ?? ORG_LEVEL_MARKER}/${name}`;
}

export interface PublicObjectRef {
  type: 'organization' | 'project';
  id: string;
}

/**
 * Parses the grant API's public object form (`organization:acme`, `project:analytics-prod`)
 * in the caller's org. An org other than the caller's is treated as not found.
 */
export function parsePublicObject(
  object: string,
  callerOrgId: string,
): { ref: PublicObjectRef; fgaObject: string } {
  const match = /^(organization|project):([a-z0-9][a-z0-9-]{0,62})$/.exec(object);
  if (!match) {
    throw AppException.validation(
      'object must be organization:<org_id> or project:<project_id>',
      fieldProblem('object', 'must be organization:<org_id> or project:<project_id>'),
    );
  }
  const [, type, id] = match as unknown as [string, PublicObjectRef['type'], string];
  if (type === 'organization') {
    if (id !== callerOrgId) throw AppException.notFound('Organization');
    return { ref: { type, id }, fgaObject: organizationObject(id) };
  }
  return { ref: { type, id }, fgaObject: projectObject(callerOrgId, id) };
}

/** Inverse of the mappings above for display; returns null for objects outside `orgId`. */
export function toPublicObject(fgaObject: string, orgId: string): string | null {
  if (fgaObject === organizationObject(orgId)) return fgaObject;
  const prefix = `project:${orgId}/`;
  if (fgaObject.startsWith(prefix)) return `project:${fgaObject.slice(prefix.length)}`;
  return null;
}
