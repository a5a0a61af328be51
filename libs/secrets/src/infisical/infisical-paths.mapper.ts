import { createHash } from 'node:crypto';
import type { NormalizedScope } from '../secret-ref.js';

/**
 * Infisical folder names allow [A-Za-z0-9_-]. Ids made only of [A-Za-z0-9-] are used as they are;
 * anything else becomes `<readable>_<hash>`. '_' never occurs in a verbatim segment, so encoded
 * segments and the `_org` marker cannot collide with a real id.
 */
export function folderSegment(id: string): string {
  if (/^[A-Za-z0-9-]{1,48}$/.test(id)) return id;
  const readable = id
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const hash = createHash('sha256').update(id, 'utf8').digest('hex').slice(0, 20);
  return `${readable}_${hash}`;
}

export const ORG_LEVEL_SEGMENT = '_org';

/** `/<org>/<project or _org>` and `/<org>/<project or _org>/resources/<encoded uri>` for resource secrets. */
export function infisicalFolderPath(scope: NormalizedScope): string {
  const parts = [
    folderSegment(scope.orgId),
    scope.projectId === null ? ORG_LEVEL_SEGMENT : folderSegment(scope.projectId),
  ];
  if (scope.resourceUri !== null) parts.push('resources', folderSegment(scope.resourceUri));
  return `/${parts.join('/')}`;
}

const VERBATIM_SEGMENT = /^[A-Za-z0-9-]{1,48}$/;

/** The project id of a project folder: null = org level, undefined = not recoverable (hashed). */
export function projectIdFromSegment(segment: string): string | null | undefined {
  if (segment === ORG_LEVEL_SEGMENT) return null;
  return VERBATIM_SEGMENT.test(segment) ? segment : undefined;
}

/**
 * The resource URI behind a resource folder name, when the name says it: a verbatim id, or a
 * hashed data-connection URI (`data:<org>:<project>:<name>`) whose readable part was not cut
 * short, confirmed by the hash. Null when the folder cannot tell (a long URI): callers match
 * such folders by `folderSegment` of the URIs they know instead.
 */
export function resourceUriFromSegment(
  segment: string,
  orgId: string,
  projectId: string | null,
): string | null {
  if (VERBATIM_SEGMENT.test(segment)) return segment;
  const cut = segment.lastIndexOf('_');
  if (cut <= 0) return null;
  const readable = segment.slice(0, cut);
  const prefix = `data:${orgId}:${projectId ?? ''}:`;
  const readablePrefix = prefix.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+/, '');
  if (!readable.startsWith(readablePrefix) || readable.length === readablePrefix.length) return null;
  const candidate = prefix + readable.slice(readablePrefix.length);
  return folderSegment(candidate) === segment ? candidate : null;
}

/**
 * Infisical trims values (keeping one trailing newline) and treats `${...}` as secret references.
 * Values that would not survive that round trip are stored base64-encoded behind a marker; every
 * value that starts with the marker is encoded too, so decoding is unambiguous.
 */
export const ENCODED_VALUE_MARKER = '__b64__:';

function survivesInfisical(value: string): boolean {
  const normalized = value.at(-1) === '\n' ? `${value.trim()}\n` : value.trim();
  return normalized === value && !value.includes('${') && !value.startsWith(ENCODED_VALUE_MARKER);
}

export function encodeInfisicalValue(value: string): string {
  return survivesInfisical(value)
    ? value
    : ENCODED_VALUE_MARKER + Buffer.from(value, 'utf8').toString('base64');
}

export function decodeInfisicalValue(stored: string): string {
  return stored.startsWith(ENCODED_VALUE_MARKER)
    ? Buffer.from(stored.slice(ENCODED_VALUE_MARKER.length), 'base64').toString('utf8')
    : stored;
}
