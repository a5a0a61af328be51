import { AppException } from '@app/core';

export const MAX_KEY_BYTES = 1024;
/** Most filesystems cap one path component at 255 bytes; S3 has no such limit, fs does. */
export const MAX_SEGMENT_BYTES = 255;

// Controls (C0, DEL, C1) and invisible format characters (bidi overrides, zero-width, BOM).
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
// A percent escape for `.`, `/`, `\`, `%` or a control byte: encoded or double-encoded traversal.
const ENCODED_DANGER = /%(?:2e|2f|5c|25|[01][0-9a-f]|7f)/i;
const SEPARATOR_LIKE = /[./\\%:]/;

function reject(reason: string, details: Record<string, unknown> = {}): never {
  throw AppException.invalidRequest(`Invalid object key: ${reason}`, details);
}

/**
 * Characters whose compatibility form (NFKC) differs and contains a separator or dot, e.g. the
 * fullwidth `．` or `／`, the one-dot leader `․`: a later normalization would turn them into traversal.
 */
function hasSeparatorLookalike(value: string): boolean {
  for (const char of value) {
    if (char.charCodeAt(0) < 0x80) continue;
    const folded = char.normalize('NFKC');
    if (folded !== char && SEPARATOR_LIKE.test(folded)) return true;
  }
  return false;
}

/**
 * The rules every key segment sequence obeys, whoever built it. Throws a 400 before any I/O.
 * `what` names the checked part in the message (never echoes the value back).
 */
export function assertSafeRelativePath(path: string, what = 'key'): string[] {
  if (typeof path !== 'string' || path.length === 0) reject(`${what} is empty`);
  if (Buffer.from(path, 'utf8').toString('utf8') !== path) reject(`${what} is not valid Unicode`);
  if (Buffer.byteLength(path, 'utf8') > MAX_KEY_BYTES)
    reject(`${what} is longer than ${MAX_KEY_BYTES} bytes`);
  if (path.startsWith('/')) reject(`${what} must not start with /`);
  if (path.includes('\\')) reject(`${what} must not contain a backslash`);
  if (CONTROL_OR_FORMAT.test(path)) reject(`${what} must not contain control or invisible characters`);
  if (ENCODED_DANGER.test(path))
    reject(`${what} must not contain percent-encoded separators, dots or controls`);
  if (hasSeparatorLookalike(path))
    reject(`${what} must not contain characters that normalize to separators or dots`);
  const segments = path.split('/');
  for (const segment of segments) {
    if (segment === '') reject(`${what} must not contain empty segments`);
    if (segment === '.' || segment === '..') reject(`${what} must not contain . or .. segments`);
    if (Buffer.byteLength(segment, 'utf8') > MAX_SEGMENT_BYTES)
      reject(`${what} has a segment longer than ${MAX_SEGMENT_BYTES} bytes`);
  }
  // Belt and braces: the NFKC form must not introduce traversal either.
  const folded = path.normalize('NFKC');
  if (
    folded !== path &&
    folded.split('/').some((s) => s === '' || s === '.' || s === '..' || s.includes('\\'))
  ) {
    reject(`${what} normalizes to a traversal`);
  }
  return segments;
}

/** Full object keys as stored: the same rules, so that no adapter call can leave its root. */
export function assertSafeObjectKey(key: string): string {
  assertSafeRelativePath(key, 'key');
  return key;
}

/** A key prefix for listing: empty, or safe segments optionally ending with `/` or a partial name. */
export function assertSafePrefix(prefix: string): string {
  if (prefix === '') return prefix;
  const trimmed = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  assertSafeRelativePath(trimmed, 'prefix');
  return prefix;
}
