import { applyDecorators, type CanActivate, Header, SetMetadata, type Type, UseGuards } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { NO_STORE_EXTENSION, PUBLIC_EXTENSION } from '../swagger/openapi-finish.js';

/**
 * How a route is authorized. Every route declares one (a test and the boot check enforce it),
 * so a route added without a decision fails instead of being merely authenticated.
 * The handler's declaration overrides its controller's.
 */
export type RouteAuthorization =
  /** No authentication at all (health, the dev IdP). */
  | { kind: 'public' }
  /** A permission on an object, checked by the permission guard before the handler runs. */
  | {
      kind: 'permission';
      permission: string;
      /** What the 404 says when the caller cannot even read the object. */
      resourceName: string;
    }
  /** The service checks the permission itself, because the object is only known there. */
  | { kind: 'service'; reason: string }
  /** Any authenticated caller, because the route touches no tenant data beyond the caller. */
  | { kind: 'authenticated'; reason: string }
  /** Platform service accounts only, checked by the named guard. */
  | { kind: 'trusted-service'; guard: string };

export const ROUTE_AUTHORIZATION = Symbol('route-authorization');

/** Low-level setter for decorators that pair the declaration with their own guard (`@RequirePermission`). */
export const DeclareAuthorization = (declaration: RouteAuthorization): ClassDecorator & MethodDecorator =>
  SetMetadata(ROUTE_AUTHORIZATION, declaration);

/** Opts a route (or controller) out of authentication. Only health and dev-only routes use it. */
export const Public = (): ClassDecorator & MethodDecorator =>
  applyDecorators(DeclareAuthorization({ kind: 'public' }), ApiExtension(PUBLIC_EXTENSION, true));

/** The response carries credentials: `Cache-Control: no-store`, and the document says so. */
export const NoStore = (): MethodDecorator =>
  applyDecorators(Header('Cache-Control', 'no-store'), ApiExtension(NO_STORE_EXTENSION, true));

/** The route is authorized inside its service; `reason` says which check and on what object. */
export function AuthorizedInService(reason: string): ClassDecorator & MethodDecorator {
  if (!reason.trim()) throw new Error('@AuthorizedInService needs a reason');
  return DeclareAuthorization({ kind: 'service', reason });
}

/** Any authenticated caller may use the route; `reason` says why no permission applies. */
export function AuthenticatedOnly(reason: string): ClassDecorator & MethodDecorator {
  if (!reason.trim()) throw new Error('@AuthenticatedOnly needs a reason');
  return DeclareAuthorization({ kind: 'authenticated', reason });
}

/** Platform service accounts only: declares it and applies the guard that enforces it. */
export function TrustedServiceOnly(guard: Type<CanActivate>): ClassDecorator & MethodDecorator {
  return applyDecorators(
    DeclareAuthorization({ kind: 'trusted-service', guard: guard.name }),
    UseGuards(guard),
  );
}

/** The declaration that applies to a handler: its own, else its controller's. */
export function routeAuthorizationOf(handler: object, controller: object): RouteAuthorization | undefined {
  return (Reflect.getMetadata(ROUTE_AUTHORIZATION, handler) ??
    Reflect.getMetadata(ROUTE_AUTHORIZATION, controller)) as RouteAuthorization | undefined;
}
