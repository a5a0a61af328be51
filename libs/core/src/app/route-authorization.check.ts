import { type INestApplicationContext, RequestMethod, type Type } from '@nestjs/common';
import { GUARDS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { type RouteAuthorization, routeAuthorizationOf } from '../http/route-authorization.decorator.js';

/** One route handler of a controller the app registered, as Nest's metadata describes it. */
export interface DiscoveredRoute {
  method: string;
  /** Controller path joined with the handler path, without the global prefix. */
  path: string;
  /** `Controller.handler`, to find it in the code. */
  handler: string;
  authorization: RouteAuthorization | undefined;
  /** Names of the guards on the handler and its controller (not the global ones). */
  guards: string[];
}

const pathsOf = (value: unknown): string[] =>
  Array.isArray(value) ? (value as string[]) : [typeof value === 'string' ? value : '/'];

function join(base: string, path: string): string {
  const parts = [base, path].map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean);
  return parts.join('/');
}

const guardNames = (target: object): string[] =>
  ((Reflect.getMetadata(GUARDS_METADATA, target) as Array<{ name?: string }> | undefined) ?? []).map(
    (g) => g.name ?? String(g),
  );

/** Every route handler of every controller in the app's modules. */
export function discoverRoutes(app: INestApplicationContext): DiscoveredRoute[] {
  const scanner = new MetadataScanner();
  const controllers = new Set<Type>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values())
      if (wrapper.metatype) controllers.add(wrapper.metatype as Type);
  }
  const routes: DiscoveredRoute[] = [];
  for (const controller of controllers) {
    const prototype = controller.prototype as Record<string, object>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      const handlerPaths = Reflect.getMetadata(PATH_METADATA, handler) as unknown;
      if (handlerPaths === undefined) continue;
      const method =
        RequestMethod[
          (Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined) ?? RequestMethod.GET
        ];
      for (const base of pathsOf(Reflect.getMetadata(PATH_METADATA, controller))) {
        for (const path of pathsOf(handlerPaths)) {
          routes.push({
            method,
            path: join(base, path),
            handler: `${controller.name}.${name}`,
            authorization: routeAuthorizationOf(handler, controller),
            guards: [...guardNames(controller), ...guardNames(handler)],
          });
        }
      }
    }
  }
  return routes;
}

/** Refuses an app with a route that declares no authorization (see RouteAuthorization). */
export function assertEveryRouteDeclaresAuthorization(app: INestApplicationContext): void {
  const undeclared = discoverRoutes(app).filter((route) => !route.authorization);
  if (undeclared.length === 0) return;
  const list = undeclared.map((r) => `${r.method} ${r.path} (${r.handler})`).join(', ');
  throw new Error(
    `Routes without an authorization declaration: ${list}. Add @RequirePermission, @AuthorizedInService, @AuthenticatedOnly, @TrustedServiceOnly or @Public.`,
  );
}
