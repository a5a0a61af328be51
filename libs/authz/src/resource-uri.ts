import { dataConnectionObject } from './authz-objects.js';

export interface DataResourceUri {
  orgId: string;
  /** null for org-level connections (`data:acme::name`). */
  projectId: string | null;
  name: string;
}

const DATA_URI = /^data:([a-z0-9][a-z0-9-]{0,62}):([a-z0-9][a-z0-9-]{1,62})?:([a-z0-9][a-z0-9_-]{0,127})$/;

/** Parses `data:{org}:{project}:{name}` or `data:{org}::{name}`; null when malformed. */
export function parseDataResourceUri(uri: string): DataResourceUri | null {
  const match = DATA_URI.exec(uri);
  if (!match) return null;
  return { orgId: match[1], projectId: match[2] ?? null, name: match[3] };
}

export function formatDataResourceUri(ref: DataResourceUri): string {
  return `data:${ref.orgId}:${ref.projectId ?? ''}:${ref.name}`;
}

export function dataConnectionObjectOf(ref: DataResourceUri): string {
  return dataConnectionObject(ref.orgId, ref.projectId, ref.name);
}
