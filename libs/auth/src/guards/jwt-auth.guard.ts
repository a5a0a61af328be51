import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard, type IAuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import {
  AppException,
  DependencyUnavailableError,
  fieldProblem,
  type Principal,
  RequestContext,
} from '@app/core';
import { AUTH_SETTINGS, JWT_STRATEGY } from '../auth.tokens.js';
import { type AuthSettings, realmNamedBy } from '../auth.config.js';
import type { JwtStrategy } from '../jwt.strategy.js';
import { TokenRejectedError } from '../token-rejected.error.js';
import { ORG_SLUG } from '../auth.constants.js';

export const ORG_HEADER = 'x-org-id';
import { isPublic } from './is-public.js';
import { VERIFIED_TOKEN_TIMES, type VerifiedTokenTimes } from '../verified-token.cache.js';
import { BearerTokenVerifier } from '../bearer-token.verifier.js';

/** `Bearer <token>`, as passport-jwt reads it; anything else is a cache miss (passport decides). */
const BEARER = /^bearer\s+(\S+)\s*$/i;

/** Why verification failed, for debug logs only (never the token, never sent to the client). */
function reasonOf(cause: unknown): string {
  if (cause instanceof TokenRejectedError) return cause.reason;
  if (cause instanceof Error) return cause.name === 'Error' ? cause.message : cause.name;
  return 'no token';
}

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(). Runs the
 * passport-jwt strategy and leaves the Principal on `request.principal`. All token
 * failures become the same generic 401; an unreachable identity provider is a 503.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  private readonly logger = new Logger(JwtAuthGuard.name);
  private readonly passportGuard: IAuthGuard;

  constructor(
    private readonly reflector: Reflector,
    @Inject(JWT_STRATEGY) strategy: JwtStrategy,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
    private readonly tokens: BearerTokenVerifier,
  ) {
    const logger = this.logger;
    const Base = AuthGuard(strategy.name);
    class PassportJwtGuard extends Base {
      override getAuthenticateOptions() {
        return { session: false, property: 'principal' };
      }

      override handleRequest<TUser = Principal>(err: unknown, user: unknown, info: unknown): TUser {
        const cause = err ?? info;
        if (cause instanceof DependencyUnavailableError) throw cause;
        if (!err && user) return user as TUser;
        logger.debug(`Rejected bearer token: ${reasonOf(cause)}`);
        throw AppException.invalidToken();
      }
    }
    this.passportGuard = new PassportJwtGuard();
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (isPublic(this.reflector, context)) return true;
    const request = context
      .switchToHttp()
      .getRequest<FastifyRequest & { [VERIFIED_TOKEN_TIMES]?: VerifiedTokenTimes }>();
    const authorization = request.headers.authorization;
    const cached = this.tokens.cache.lookup(
      typeof authorization === 'string' ? BEARER.exec(authorization)?.[1] : undefined,
    );
    let ok = true;
    if (cached) {
      request.principal = cached;
    } else {
      ok = (await this.passportGuard.canActivate(context)) as boolean;
      // Keyed by the token the strategy verified (principal.token), never by what we parsed here.
      if (ok && request.principal)
        this.tokens.cache.remember(request.principal, request[VERIFIED_TOKEN_TIMES]);
    }
    actAsOrgForServices(request, this.settings.platformRealm);
    RequestContext.setPrincipal(request.principal);
    return ok;
  }
}

/**
 * Platform service accounts (platform-api §3.4) carry no tenant in their token: they name it with
 * X-Org-Id. Only the platform realm's service accounts may; users and tenant realms never can,
 * so a tenant realm admin cannot mint a "service" that acts in another org.
 */
function actAsOrgForServices(
  request: { principal?: Principal; headers: Record<string, string | string[] | undefined> },
  platformRealm: string | null,
): void {
  const header = request.headers[ORG_HEADER];
  const principal = request.principal;
  if (header === undefined || principal?.actorType !== 'service' || !platformRealm) return;
  const named = realmNamedBy(principal.issuer);
  if (!('realm' in named) || named.realm !== platformRealm) return;
  if (typeof header !== 'string' || !ORG_SLUG.test(header))
    throw AppException.invalidRequest(
      'X-Org-Id must be an org slug',
      fieldProblem('X-Org-Id', 'must be an org slug'),
    );
  request.principal = { ...principal, orgId: header };
}
