import { AppException } from '@app/core';

/** Solution used when a path has one segment (`PUT /assets/storage/test.txt`, as in the seed). */
export const DEFAULT_SOLUTION = 'default';
/** Artifact type of such single-segment objects: `default/objects/test.txt`. */
export const DEFAULT_ARTIFACT_TYPE = 'objects';

export interface StoragePath {
  solution: string;
  /** `<artifact-type>/<id…>`. */
  artifactPath: string;
}

// A raw `/` or its escape `%2F` (generated clients encode path parameters whole): both separate.
const SEPARATOR = /\/|%2f/i;

/**
 * Reads the object path after `/storage/` from the raw, still percent-encoded URL (Fastify's
 * wildcard param is already decoded, and decoding first would let `%252F` become a separator).
 * `/` and `%2F` separate segments; each segment is then decoded exactly once, and TenantKeyBuilder
 * re-checks every decoded segment (`.`/`..`, empty, backslash, controls, leftover escapes such as
 * the `%2F` of a double-encoded `%252F`). An encoded backslash is refused here already.
 */
export function parseStoragePath(rawUrl: string): StoragePath {
  const path = rawUrl.split('?')[0];
  const marker = '/storage/';
  const index = path.indexOf(marker);
  if (index === -1) throw AppException.invalidRequest('Invalid storage path');
  const rest = path.slice(index + marker.length);
  if (/%5c/i.test(rest))
    throw AppException.invalidRequest('Invalid object key: encoded backslashes are not allowed');
  const segments = rest.split(SEPARATOR).map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      throw AppException.invalidRequest('Invalid object key: malformed percent-encoding');
    }
  });
  if (segments.length === 1)
    return { solution: DEFAULT_SOLUTION, artifactPath: `${DEFAULT_ARTIFACT_TYPE}/${segments[0]}` };
  return { solution: segments[0], artifactPath: segments.slice(1).join('/') };
}

export interface ParsedRange {
  start: number;
  end?: number;
  /** `bytes=-N`: the last N bytes. */
  suffix?: number;
}

/** One `bytes=` range; null when absent, malformed or multi-range (then the whole object is served). */
export function parseRangeHeader(header: string | undefined): ParsedRange | null {
  if (!header) return null;
  const match = /^bytes=(\d{0,15})-(\d{0,15})$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') return { start: 0, suffix: Number(match[2]) };
  const start = Number(match[1]);
  const end = match[2] === '' ? undefined : Number(match[2]);
  if (end !== undefined && end < start) return null;
  return { start, end };
}

/** Weak comparison (RFC 9110 §13.1.2) of If-None-Match against the current ETag. */
export function etagMatches(header: string | undefined, etag: string | null): boolean {
  if (!header || !etag) return false;
  if (header.trim() === '*') return true;
  const bare = (value: string) => value.trim().replace(/^W\//, '');
  return header.split(',').some((candidate) => bare(candidate) === bare(etag));
}
