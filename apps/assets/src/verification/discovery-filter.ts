/** Bounds and filters on what discovery returns. Patterns are globs on `schema.table`. */
export interface DiscoveryLimits {
  maxObjects: number;
  include: readonly string[];
  exclude: readonly string[];
}

export const DEFAULT_MAX_OBJECTS = 10_000;
export const MAX_PATTERNS = 50;
const PATTERN = /^[^\u0000-\u001f]{1,255}$/;

/** A discovery option out of bounds: `field` is its name in the request's `discovery` block. */
export class DiscoveryOptionError extends RangeError {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field} ${problem}`);
  }
}

/** Validates glob patterns (`*` any run, `?` one character); throws on a malformed list. */
export function validatePatterns(patterns: readonly string[] | undefined, field: string): string[] {
  const list = patterns ?? [];
  if (!Array.isArray(list) || list.length > MAX_PATTERNS) {
    throw new DiscoveryOptionError(field, `must be a list of at most ${MAX_PATTERNS} patterns`);
  }
  for (const p of list) {
    if (typeof p !== 'string' || !PATTERN.test(p))
      throw new DiscoveryOptionError(field, 'has an invalid pattern');
  }
  return [...list];
}

/** Glob → SQL LIKE (with `\` as escape), so filtering happens in the catalog query. */
export function globToLike(glob: string): string {
  let out = '';
  for (const ch of glob) {
    if (ch === '*') out += '%';
    else if (ch === '?') out += '_';
    else if (ch === '%' || ch === '_' || ch === '\\') out += `\\${ch}`;
    else out += ch;
  }
  return out;
}

/** Glob → anchored RegExp, for filtering in memory (object storage prefixes). */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (const ch of glob) {
    if (ch === '*') source += '.*';
    else if (ch === '?') source += '.';
    else source += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 's');
}

export function matchesFilters(value: string, limits: Pick<DiscoveryLimits, 'include' | 'exclude'>): boolean {
  const included = limits.include.length === 0 || limits.include.some((g) => globToRegExp(g).test(value));
  return included && !limits.exclude.some((g) => globToRegExp(g).test(value));
}
