import {
  type AuthzClient,
  dataConnectionObject,
  organizationObject,
  projectObject,
  type TupleKey,
  userSubject,
} from '@app/authz';

export interface ConnectionRef {
  orgId: string;
  projectId: string | null;
  /** The name segment of the resource URI. */
  slug: string;
}

export const connectionObjectOf = (ref: ConnectionRef): string =>
  dataConnectionObject(ref.orgId, ref.projectId, ref.slug);

/** The creator's owner tuple and the one parent tuple (project, or organization at org level). */
export function connectionTuples(ref: ConnectionRef, creatorId: string): TupleKey[] {
  const object = connectionObjectOf(ref);
  return [
    { object, relation: 'owner', user: userSubject(creatorId) },
    ref.projectId
      ? { object, relation: 'project', user: projectObject(ref.orgId, ref.projectId) }
      : { object, relation: 'organization', user: organizationObject(ref.orgId) },
  ];
}

/** Every tuple on the object, including any granted later, so a deleted connection leaves none. */
export async function deleteAllConnectionTuples(authz: AuthzClient, ref: ConnectionRef): Promise<void> {
  const existing = await authz.readTuples({ object: connectionObjectOf(ref) });
  if (existing.length) await authz.writeTuples([], existing);
}
