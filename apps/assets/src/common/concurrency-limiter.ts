import { AppException, ErrorCode } from '@app/core';

/**
 * Global and per-org slots (verifications, storage uploads). Full means an immediate 429 (no queue): a verification holds
 * sockets and up to the whole timeout, so waiting callers would only pile up.
 */
export class ConcurrencyLimiter {
  private active = 0;
  private readonly perOrg = new Map<string, number>();

  constructor(
    private readonly maxGlobal: number,
    private readonly maxPerOrg: number,
    /** Plural noun for the error message. */
    private readonly what = 'verifications',
  ) {}

  /** Takes a slot or throws RATE_LIMIT_EXCEEDED; the returned function frees it (idempotent). */
  acquire(orgId: string): () => void {
    const org = this.perOrg.get(orgId) ?? 0;
    if (this.active >= this.maxGlobal || org >= this.maxPerOrg) {
      throw new AppException(ErrorCode.RATE_LIMIT_EXCEEDED, `Too many ${this.what} in progress`, {
        retry_after_s: 1,
      });
    }
    this.active++;
    this.perOrg.set(orgId, org + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      const left = (this.perOrg.get(orgId) ?? 1) - 1;
      if (left <= 0) this.perOrg.delete(orgId);
      else this.perOrg.set(orgId, left);
    };
  }

  get inFlight(): number {
    return this.active;
  }
}
