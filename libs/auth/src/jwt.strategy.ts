import type { KeyObject } from 'node:crypto';
import type { OnModuleDestroy } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import passport from 'passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { Principal } from '@app/core';
import type { AuthSettings } from './auth.config.js';
import { ALLOWED_ALGORITHMS } from './auth.constants.js';
import type { JwtClaims } from './jws.js';
import { principalFromClaims } from './principal.js';
import type { SigningKeyResolver } from './signing-key.resolver.js';
import { TokenRejectedError } from './token-rejected.error.js';
import { VERIFIED_TOKEN_TIMES, type VerifiedTokenTimes } from './verified-token.cache.js';
import type { TrustedIssuers } from './trusted-issuers.js';

/** The passport strategy instance, as the guard and tests see it. */
export interface JwtStrategy extends OnModuleDestroy {
  readonly name: string;
  authenticate(request: unknown, options?: unknown): void;
}

const bearer = ExtractJwt.fromAuthHeaderAsBearerToken();

/**
 * Builds the passport-jwt strategy under a unique passport name. Passport keeps strategies
 * in a process-wide registry; one name per AuthModule instance keeps two apps (or test
 * apps with different settings) in one process from verifying with each other's config.
 */
export function createJwtStrategy(
  name: string,
  settings: AuthSettings,
  issuers: TrustedIssuers,
  resolver: SigningKeyResolver,
): JwtStrategy {
  class PassportJwtStrategy extends PassportStrategy(Strategy, name) implements OnModuleDestroy {
    constructor() {
      super({
        jwtFromRequest: bearer,
        secretOrKeyProvider: (
          _request: unknown,
          rawToken: string,
          done: (err: unknown, key?: KeyObject | string) => void,
        ) => {
          resolver.resolve(rawToken).then(
            (key) => done(null, key),
            (err: unknown) => done(err),
          );
        },
        // jsonwebtoken checks the signature against these only, and checks exp, nbf and aud.
        algorithms: [...ALLOWED_ALGORITHMS],
        audience: settings.audience,
        jsonWebTokenOptions: { clockTolerance: settings.clockToleranceS },
        passReqToCallback: true,
      } as ConstructorParameters<typeof Strategy>[0]);
      // passport-jwt calls itself 'jwt'; the guard must use the name it is registered under.
      this.name = name;
    }

    validate(request: unknown, claims: JwtClaims): Principal {
      const token = bearer(request as Parameters<typeof bearer>[0]);
      const issuer = issuers.resolve(claims.iss);
      if (!token || !issuer) throw new TokenRejectedError('untrusted issuer');
      const principal = principalFromClaims(claims, issuer, token);
      // For the guard's verified-token cache: how long this verification stays true.
      (request as { [VERIFIED_TOKEN_TIMES]?: VerifiedTokenTimes })[VERIFIED_TOKEN_TIMES] = {
        exp: claims.exp as number,
        nbf: typeof claims.nbf === 'number' ? claims.nbf : undefined,
      };
      return principal;
    }

    onModuleDestroy(): void {
      passport.unuse(name);
    }
  }
  return new PassportJwtStrategy() as unknown as JwtStrategy;
}
