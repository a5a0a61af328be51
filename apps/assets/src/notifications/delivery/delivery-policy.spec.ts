import {
  BASE_BACKOFF_MS,
  backoffMs,
  MAX_ATTEMPTS,
  MAX_BACKOFF_MS,
  MAX_RETRY_AFTER_MS,
  outcomeOf,
  parseRetryAfter,
} from './delivery-policy.js';

describe('delivery policy', () => {
  it('should double the backoff each attempt, jittered in its upper half, up to the cap', () => {
    expect(backoffMs(1, 0)).toBe(BASE_BACKOFF_MS / 2);
    expect(backoffMs(1, 0.999999)).toBeCloseTo(BASE_BACKOFF_MS, -1);
    expect(backoffMs(2, 0)).toBe(BASE_BACKOFF_MS);
    expect(backoffMs(3, 0)).toBe(2 * BASE_BACKOFF_MS);
    expect(backoffMs(30, 1)).toBe(MAX_BACKOFF_MS);
    const schedule = [1, 2, 3, 4, 5, 6, 7].map((n) => backoffMs(n, 0.5));
    expect(schedule).toEqual([...schedule].sort((a, b) => a - b));
  });

  it('should succeed on 2xx and fail at once on other 4xx, redirects and denied destinations', () => {
    expect(outcomeOf({ kind: 'response', status: 204 }, 1, 0)).toEqual({ status: 'succeeded' });
    expect(outcomeOf({ kind: 'response', status: 404 }, 1, 0)).toEqual({
      status: 'failed',
      error: 'http_404',
    });
    expect(outcomeOf({ kind: 'response', status: 401 }, 1, 0)).toEqual({
      status: 'failed',
      error: 'http_401',
    });
    expect(outcomeOf({ kind: 'error', label: 'egress_denied', retryable: false }, 1, 0)).toEqual({
      status: 'failed',
      error: 'egress_denied',
    });
  });

  it.each([408, 429, 500, 502, 503])('should retry %i with backoff', (status) => {
    expect(outcomeOf({ kind: 'response', status }, 2, 0)).toEqual({
      status: 'retry',
      error: `http_${status}`,
      delayMs: BASE_BACKOFF_MS,
    });
  });

  it('should retry network errors and give up after the last attempt', () => {
    const timeout = { kind: 'error', label: 'response_timeout', retryable: true } as const;
    expect(outcomeOf(timeout, MAX_ATTEMPTS - 1, 0).status).toBe('retry');
    expect(outcomeOf(timeout, MAX_ATTEMPTS, 0)).toEqual({ status: 'failed', error: 'response_timeout' });
  });

  it('should wait at least a Retry-After within bounds, never longer than the bound', () => {
    expect(outcomeOf({ kind: 'response', status: 429, retryAfterMs: 120_000 }, 1, 0)).toMatchObject({
      delayMs: 120_000,
    });
    expect(outcomeOf({ kind: 'response', status: 429, retryAfterMs: 1 }, 1, 0)).toMatchObject({
      delayMs: BASE_BACKOFF_MS / 2,
    });
    expect(
      outcomeOf({ kind: 'response', status: 503, retryAfterMs: 10 * 24 * 3_600_000 }, 1, 0),
    ).toMatchObject({ delayMs: MAX_RETRY_AFTER_MS });
  });

  it('should read Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});
