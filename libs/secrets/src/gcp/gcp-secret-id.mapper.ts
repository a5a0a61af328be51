import { createHash } from 'node:crypto';
import type { NormalizedScope } from '../secret-ref.js';

function sha256Hex(parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts), 'utf8').digest('hex');
}

function readable(value: string, max: number): string {
  return value
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max);
}

/**
 * A valid GCP secret id ([A-Za-z0-9_-], at most 255 chars) that is a pure function of the ref:
 * a readable prefix for operators plus a hash that makes it unique.
 */
export function gcpSecretId(ref: NormalizedScope & { name: string }): string {
  const hint = [readable(ref.orgId, 32), readable(ref.projectId ?? 'org', 32), readable(ref.name, 64)]
    .filter(Boolean)
    .join('-');
  return `s-${hint}-${sha256Hex(['secret/v1', ref.orgId, ref.projectId, ref.resourceUri, ref.name]).slice(0, 40)}`;
}

/** Label value identifying an exact scope; list filters on it. */
export function gcpScopeLabel(scope: NormalizedScope): string {
  return sha256Hex(['scope/v1', scope.orgId, scope.projectId, scope.resourceUri]).slice(0, 40);
}

/** GCP label values: lowercase letters, digits, '_' and '-', at most 63 chars. Informational only. */
export function gcpLabelValue(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .slice(0, 63);
}
