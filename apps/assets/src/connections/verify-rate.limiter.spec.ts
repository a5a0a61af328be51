import { VerifyRateLimiter } from './verify-rate.limiter.js';

describe(VerifyRateLimiter.name, () => {
  it('should allow the limit per window, then answer 429 with a retry hint', () => {
    const limiter = new VerifyRateLimiter(2, 60_000);
    limiter.take('org/alice', 0);
    limiter.take('org/alice', 1);
    expect(() => limiter.take('org/alice', 2)).toThrow(
      expect.objectContaining({ status: 429, details: { retry_after_s: 60 } }),
    );
    limiter.take('org/bob', 2);
    limiter.take('org/alice', 60_000);
  });
});
