/** How deliveries are retried: pure rules, so the schedule is tested without a network or a clock. */

/** Attempts per delivery, the first included; after the last one it is `failed`. */
export const MAX_ATTEMPTS = 8;
/** The first retry waits about this long; each next one twice as long, up to MAX_BACKOFF_MS. */
export const BASE_BACKOFF_MS = 30_000;
export const MAX_BACKOFF_MS = 3_600_000;
/** A receiver's Retry-After is honoured up to this (a longer one would park the delivery for days). */
export const MAX_RETRY_AFTER_MS = 6 * 3_600_000;

/** What one attempt came to, from the receiver's status or the error that stopped it. */
export type AttemptResult =
  | { kind: 'response'; status: number; retryAfterMs?: number | null }
  | { kind: 'error'; label: DeliveryErrorLabel; retryable: boolean };

/** Fixed labels stored in the delivery log; never an error message (it could carry anything). */
export type DeliveryErrorLabel =
  | 'egress_denied'
  | 'invalid_destination'
  | 'dns_error'
  | 'connection_refused'
  | 'connect_timeout'
  | 'response_timeout'
  | 'tls_error'
  | 'network_error'
  | 'redirect_refused'
  | 'signing_secret_unavailable'
  | 'subscription_disabled';

export type AttemptOutcome =
  | { status: 'succeeded' }
  | { status: 'failed'; error: string }
  | { status: 'retry'; error: string; delayMs: number };

/**
 * The wait before attempt `attempt + 1`: exponential (BASE · 2^(attempt-1), capped), with "equal
 * jitter" (half fixed, half random) so receivers that failed together are not retried together.
 * `random` is in [0, 1).
 */
export function backoffMs(attempt: number, random: number): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * Math.min(Math.max(random, 0), 1));
}

/** Retry-After in milliseconds from its seconds or HTTP-date form; null when absent or unreadable. */
export function parseRetryAfter(header: string | undefined, now: number): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d{1,10}$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}

const retryableStatus = (status: number) => status === 408 || status === 429 || status >= 500;

/**
 * 2xx succeeds; 408, 429 and 5xx and network failures are retried with backoff (never sooner
 * than a Retry-After within bounds) until MAX_ATTEMPTS; any other status, a redirect or a denied
 * destination fails at once.
 */
export function outcomeOf(result: AttemptResult, attempt: number, random: number): AttemptOutcome {
  if (result.kind === 'response' && result.status >= 200 && result.status < 300)
    return { status: 'succeeded' };
  const error = result.kind === 'response' ? `http_${result.status}` : result.label;
  const retryable = result.kind === 'response' ? retryableStatus(result.status) : result.retryable;
  if (!retryable || attempt >= MAX_ATTEMPTS) return { status: 'failed', error };
  let delayMs = backoffMs(attempt, random);
  if (result.kind === 'response' && result.retryAfterMs != null)
    delayMs = Math.max(delayMs, Math.min(result.retryAfterMs, MAX_RETRY_AFTER_MS));
  return { status: 'retry', error, delayMs };
}
