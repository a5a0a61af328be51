import { randomUUID } from 'node:crypto';

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. Rows of an append-only
 * table keyed by it land at the right edge of the primary-key index instead of on a random page
 * each, so a large log takes inserts without touching (and after every checkpoint re-logging in
 * full) pages all over its index. The random bits come from randomUUID's cached entropy.
 */
export function timeOrderedUuid(nowMs: number = Date.now()): string {
  if (!Number.isSafeInteger(nowMs) || nowMs < 0 || nowMs >= 2 ** 48)
    throw new RangeError('a UUIDv7 time is 48 bits of milliseconds');
  const time = nowMs.toString(16).padStart(12, '0');
  // randomUUID() is xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx with the RFC variant in V: keep its last
  // 74 random bits and variant, put the time first and version 7 where the 4 was.
  return `${time.slice(0, 8)}-${time.slice(8)}-7${randomUUID().slice(15)}`;
}
