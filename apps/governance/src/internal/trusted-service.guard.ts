import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { AppException, type Principal } from '@app/core';

export const TRUSTED_SERVICES = Symbol('TRUSTED_SERVICES');

/**
 * Internal routes serve platform services only (GOVERNANCE_TRUSTED_SERVICES, by token `sub`).
 * Anyone else gets the same 404 as an unknown route.
 */
@Injectable()
export class TrustedServiceGuard implements CanActivate {
  constructor(@Inject(TRUSTED_SERVICES) private readonly trusted: ReadonlySet<string>) {}

  canActivate(context: ExecutionContext): boolean {
    const principal = context.switchToHttp().getRequest<{ principal?: Principal }>().principal;
    if (principal?.actorType === 'service' && this.trusted.has(principal.userId)) return true;
    throw AppException.notFound('Route');
  }
}
