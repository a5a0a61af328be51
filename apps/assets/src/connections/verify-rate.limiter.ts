import { Inject, Injectable, Optional } from '@nestjs/common';
import { AppException, ErrorCode } from '@app/core';

/**
 * Fixed-window limit per caller, in this replica's memory: verification opens outbound
 * connections, so a caller cannot use it as a scanner however many requests they send.
 * (The verification service separately caps concurrent runs globally and per org.)
 */
/** VERIFY_RATE_PER_MINUTE from the config. */
export const VERIFY_RATE_LIMIT = Symbol('VERIFY_RATE_LIMIT');
export const VERIFY_RATE_WINDOW_MS = Symbol('VERIFY_RATE_WINDOW_MS');

@Injectable()
export class VerifyRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    @Inject(VERIFY_RATE_LIMIT) private readonly limit: number,
    @Optional() @Inject(VERIFY_RATE_WINDOW_MS) private readonly windowMs: number = 60_000,
  ) {}

  take(key: string, now = Date.now()): void {
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.prune(now);
      this.windows.set(key, { start: now, count: 1 });
      return;
    }
    if (window.count >= this.limit) {
      const retryAfter = Math.ceil((window.start + this.windowMs - now) / 1000);
      throw new AppException(
        ErrorCode.RATE_LIMIT_EXCEEDED,
        'Too many verification requests; try again later',
        { retry_after_s: retryAfter },
      );
    }
    window.count += 1;
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows)
      if (now - window.start >= this.windowMs) this.windows.delete(key);
  }
}
