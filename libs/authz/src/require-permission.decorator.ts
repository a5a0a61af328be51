import {
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
  Injectable,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBearerAuth } from '@nestjs/swagger';
import {
  ApiErrors,
  AppException,
  DeclareAuthorization,
  DependencyUnavailableError,
  type Principal,
  ROUTE_AUTHORIZATION,
  type RouteAuthorization,
} from '@app/core';
import { AuthzClient, type CheckRequest } from './authz-client.js';
import { organizationObject, projectObject, SLUG, userSubject } from './authz-objects.js';
import { dataConnectionObjectOf, parseDataResourceUri } from './resource-uri.js';

export interface AuthorizedRequest {
  principal?: Principal;
  projectId?: string | null;
  params?: Record<string, string>;
}

/** Resolves the object to check from the request; null means "not found". */
export type ObjectResolver = (request: AuthorizedRequest & { principal: Principal }) => string | null;

/** The route's authorization declaration, with the resolver the guard needs. */
export interface PermissionSpec extends Extract<RouteAuthorization, { kind: 'permission' }> {
  object: ObjectResolver;
}

/** The project named by X-Project-ID, in the caller's org. */
export const projectFromHeader: ObjectResolver = (r) =>
  r.projectId ? projectObject(r.principal.orgId, r.projectId) : null;
/** A project id taken from a route parameter; a malformed id is simply not found. */
export const projectFromParam =
  (param: string): ObjectResolver =>
  (r) => {
    const id = r.params?.[param];
    return id && SLUG.test(id) ? projectObject(r.principal.orgId, id) : null;
  };
/** A data connection named by a resource URI route parameter, only inside the caller's org. */
export const dataConnectionFromParam =
  (param: string): ObjectResolver =>
  (r) => {
    const ref = parseDataResourceUri(r.params?.[param] ?? '');
    return ref && ref.orgId === r.principal.orgId ? dataConnectionObjectOf(ref) : null;
  };
export const callerOrg: ObjectResolver = (r) => organizationObject(r.principal.orgId);

/**
 * Denies with 404 when the caller cannot read the object (its existence is not leaked),
 * and with 403 when they can read it but lack the permission.
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authz: AuthzClient,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const declared = this.reflector.getAllAndOverride<RouteAuthorization | undefined>(ROUTE_AUTHORIZATION, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (declared?.kind !== 'permission') return true;
    const spec = declared as PermissionSpec;
    const request = context.switchToHttp().getRequest<AuthorizedRequest>();
    const principal = request.principal;
    if (!principal) throw AppException.invalidToken();
    const object = spec.object({ ...request, principal });
    if (!object) throw AppException.notFound(spec.resourceName);
    await assertPermission(this.authz, principal, spec.permission, object, spec.resourceName);
    return true;
  }
}

/** A batch check whose failure is the authorization service being unavailable (503), not a 500. */
export async function checkAll(authz: AuthzClient, requests: CheckRequest[]): Promise<boolean[]> {
  try {
    return await authz.batchCheck(requests);
  } catch (error) {
    if (error instanceof AppException) throw error;
    throw new DependencyUnavailableError('authorization', error);
  }
}

/** The same rule for services that resolve the object themselves. */
export async function assertPermission(
  authz: AuthzClient,
  principal: Principal,
  permission: string,
  object: string,
  resourceName: string,
): Promise<void> {
  const user = userSubject(principal.userId);
  // The caller's own org is never hidden from them (their token is its realm's): a missing
  // permission there is 403, not 404.
  const visible = object === organizationObject(principal.orgId);
  // The common case asks one question; whether a denial is 403 or 404 is asked only on denial.
  const [allowed] = await checkAll(authz, [{ user, relation: permission, object }]);
  if (allowed) return;
  if (visible) throw AppException.forbidden(`Missing permission ${permission}`);
  if (permission !== 'can_read') {
    const [readable] = await checkAll(authz, [{ user, relation: 'can_read', object }]);
    if (readable) throw AppException.forbidden(`Missing permission ${permission}`);
  }
  throw AppException.notFound(resourceName);
}

/**
 * One decorator: declares the route's authorization, checks the permission and documents
 * bearer auth and the 401/403/404 envelope.
 */
export function RequirePermission(permission: string, object: ObjectResolver, resourceName = 'Resource') {
  const spec: PermissionSpec = { kind: 'permission', permission, object, resourceName };
  return applyDecorators(
    DeclareAuthorization(spec),
    UseGuards(PermissionGuard),
    ApiBearerAuth(),
    ApiErrors(401, 403, 404),
  );
}
