import { Inject, Injectable } from '@nestjs/common';
import { AppException, DependencyUnavailableError, type Principal } from '@app/core';
import { JWT_STRATEGY } from './auth.tokens.js';
import type { JwtStrategy } from './jwt.strategy.js';
import { VERIFIED_TOKEN_TIMES, VerifiedTokenCache, type VerifiedTokenTimes } from './verified-token.cache.js';

/** What passport gives a strategy for one attempt (passport's own `authenticate` does the same). */
interface StrategyAttempt {
  success(user: unknown): void;
  fail(info?: unknown): void;
  error(error: unknown): void;
  pass(): void;
  redirect(): void;
  authenticate(request: unknown, options?: unknown): void;
}

/**
 * Verifies bearer tokens with the app's passport-jwt strategy, remembering each success until the
 * token's `exp` (VerifiedTokenCache). The global JwtAuthGuard checks each request's own token through
 * its cache; `verify` serves a token that arrives without a request of its own (one item of a batch
 * a platform service forwards), with exactly the same checks and the same 401.
 */
@Injectable()
export class BearerTokenVerifier {
  /** Full verification runs once per token (and per minute), not once per request. */
  readonly cache = new VerifiedTokenCache();

  constructor(@Inject(JWT_STRATEGY) private readonly strategy: JwtStrategy) {}

  /** The token's principal; 401 INVALID_TOKEN when it does not verify, 503 when its issuer cannot be reached. */
  async verify(token: string): Promise<Principal> {
    const cached = this.cache.lookup(token);
    if (cached) return cached;
    const request: { headers: Record<string, string>; [VERIFIED_TOKEN_TIMES]?: VerifiedTokenTimes } = {
      headers: { authorization: `Bearer ${token}` },
    };
    const principal = await new Promise<Principal>((resolve, reject) => {
      const attempt = Object.create(this.strategy) as StrategyAttempt;
      attempt.success = (user) => resolve(user as Principal);
      // As the guard's handleRequest: an unreachable issuer (a key that could not be fetched) is
      // a 503, whichever callback passport-jwt reports it through; every other failure is one 401.
      const refuse = (cause?: unknown) =>
        reject(cause instanceof DependencyUnavailableError ? cause : AppException.invalidToken());
      attempt.error = attempt.fail = refuse;
      attempt.pass = attempt.redirect = () => refuse();
      attempt.authenticate(request, { session: false });
    });
    this.cache.remember(principal, request[VERIFIED_TOKEN_TIMES]);
    return principal;
  }
}
