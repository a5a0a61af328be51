import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { AppException, type Principal } from '@app/core';

export const TRUSTED_SERVICES = Symbol('TRUSTED_SERVICES');

export interface TrustedServices {
  subjects: ReadonlySet<string>;
  /** Outside dev mode, trusted services must come from the platform realm, never a tenant realm. */
  platformRealm: string | null;
}

/**
 * Internal routes serve platform services only (GOVERNANCE_TRUSTED_SERVICES, by token `sub`).
 * Anyone else gets the same 404 as an unknown route.
 */
@Injectable()
export class TrustedServiceGuard implements CanActivate {
  constructor(@Inject(TRUSTED_SERVICES) private readonly trusted: TrustedServices) {}

  canActivate(context: ExecutionContext): boolean {
    const principal = context.switchToHttp().getRequest<{ principal?: Principal }>().principal;
    const fromPlatform =
      this.trusted.platformRealm === null ||
      principal?.issuer.replace(/\/+$/, '').endsWith(`/realms/${this.trusted.platformRealm}`);
    if (principal?.actorType === 'service' && fromPlatform && this.trusted.subjects.has(principal.userId))
      return true;
    throw AppException.notFound('Route');
  }
}
