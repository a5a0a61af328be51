import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { ROUTE_AUTHORIZATION, type RouteAuthorization } from '@app/core';

/** `@Public()` (from @app/core) on the handler, or on its controller when the handler declares nothing. */
export function isPublic(reflector: Reflector, context: ExecutionContext): boolean {
  const declared = reflector.getAllAndOverride<RouteAuthorization | undefined>(ROUTE_AUTHORIZATION, [
    context.getHandler(),
    context.getClass(),
  ]);
  return declared?.kind === 'public';
}
