/**
 * The audit log's second line of defence: whatever a caller (a route, or a trusted service posting
 * to Governance) put into an event's `details`, nothing secret-looking is stored. Keys are checked
 * at every depth of objects and arrays, in any spelling (`Password`, `client_secret`, `privateKey`,
 * `private_key`, `apiKey`, `accessToken`, `credentials`, …); a secret-looking key keeps only a
 * boolean or null value (`credentials_changed: true` says nothing secret) and is dropped otherwise.
 * String values have embedded credentials masked: URL user-info passwords
 * (`postgres://u:pw@h`), `password=…` pairs of connection strings, bearer tokens and JWTs.
 *
 * The walk is bounded, so hostile input cannot make it recurse or allocate without limit: past
 * `MAX_DEPTH` levels a subtree becomes `"[TRUNCATED]"`, after `MAX_NODES` values the rest is dropped
 * (and `_truncated: true` is set on the top level), and long strings are cut.
 */

export const SCRUB_LIMITS = { MAX_DEPTH: 8, MAX_NODES: 1000, MAX_STRING_LENGTH: 2048 } as const;

export const REDACTED = '[REDACTED]';
export const TRUNCATED = '[TRUNCATED]';

/**
 * Key spellings that name secret material once case, `_`, `-`, `.` and spaces are removed
 * (`client_secret` → `clientsecret`, `Private-Key` → `privatekey`).
 */
const SECRET_KEY =
  /pass|pwd|secret|token|credential|private|value|keys?$|authorization|cookie|session|signature|dsn|connectionstring|connstr/;

/** `scheme://user:password@host` (the user part alone is kept). */
const URL_USERINFO = /([a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]*):[^\s/?#@]*@/gi;
/** `password=…`, `pwd: …`, `secret=…` inside a connection string or free text. */
const KEY_VALUE_SECRET =
  /\b(pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key|access[_-]?key|client[_-]?secret|sharedaccesskey|accountkey)(\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s;&,]+)/gi;
const BEARER = /\b(bearer|basic)\s+[A-Za-z0-9\-._~+/]{8,}=*/gi;
const JWT = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
/** PEM blocks (private keys, certificates with keys). */
const PEM = /-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(-----END [A-Z0-9 ]+-----|$)/g;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key.toLowerCase().replace(/[\s_.-]/g, ''));
}

/** Masks credentials embedded in a string value; cuts it to MAX_STRING_LENGTH. */
export function scrubString(value: string): string {
  const cut =
    value.length > SCRUB_LIMITS.MAX_STRING_LENGTH
      ? `${value.slice(0, SCRUB_LIMITS.MAX_STRING_LENGTH)}…`
      : value;
  return cut
    .replace(PEM, REDACTED)
    .replace(URL_USERINFO, `$1:${REDACTED}@`)
    .replace(KEY_VALUE_SECRET, `$1$2${REDACTED}`)
    .replace(BEARER, `$1 ${REDACTED}`)
    .replace(JWT, REDACTED);
}

interface Budget {
  nodes: number;
  truncated: boolean;
}

function scrubValue(value: unknown, depth: number, budget: Budget): unknown {
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return value;
  if (typeof value === 'string') return scrubString(value);
  if (typeof value !== 'object') return undefined; // functions, symbols, bigint: not JSON
  if (depth >= SCRUB_LIMITS.MAX_DEPTH) {
    budget.truncated = true;
    return TRUNCATED;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      if (++budget.nodes > SCRUB_LIMITS.MAX_NODES) {
        budget.truncated = true;
        break;
      }
      const scrubbed = scrubValue(item, depth + 1, budget);
      if (scrubbed !== undefined) out.push(scrubbed);
    }
    return out;
  }
  const entries: Array<[string, unknown]> = [];
  for (const key of Object.keys(value)) {
    if (++budget.nodes > SCRUB_LIMITS.MAX_NODES) {
      budget.truncated = true;
      break;
    }
    const item = (value as Record<string, unknown>)[key];
    if (isSecretKey(key)) {
      // One bit (or nothing) cannot leak a secret; anything else under such a key goes.
      if (item === null || typeof item === 'boolean') entries.push([scrubString(key), item]);
      continue;
    }
    const scrubbed = scrubValue(item, depth + 1, budget);
    if (scrubbed !== undefined) entries.push([scrubString(key), scrubbed]);
  }
  // fromEntries defines own properties, so a `__proto__` key stays data and never a prototype.
  return Object.fromEntries(entries);
}

/** A scrubbed copy of `details` (never the input object itself). */
export function scrubDetails(details: unknown = {}): Record<string, unknown> {
  if (details === null || typeof details !== 'object' || Array.isArray(details)) return {};
  const budget: Budget = { nodes: 0, truncated: false };
  const out = scrubValue(details, 0, budget) as Record<string, unknown>;
  return budget.truncated ? { ...out, _truncated: true } : out;
}
